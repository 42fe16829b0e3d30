import type { CaseStatus } from '../../../shared/case';
import { AppError } from '../../../shared/errors';

/**
 * The order a request moves through. Identity comes before searching (Art. 12(6): do not
 * hand out data before you are reasonably sure who asked); searching again while reviewing
 * and exporting again after answering are allowed, because a DPO may find an alias late.
 */
const next: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['verifying-identity', 'searching', 'rejected'],
  'verifying-identity': ['searching', 'rejected'],
  searching: ['reviewing', 'rejected'],
  reviewing: ['reviewing', 'answered', 'rejected'],
  answered: ['answered', 'closed'],
  closed: [],
  rejected: [],
};

const label: Record<CaseStatus, string> = {
  received: 'received',
  'verifying-identity': 'verifying identity',
  searching: 'searching',
  reviewing: 'reviewing',
  answered: 'answered',
  closed: 'closed',
  rejected: 'rejected',
};

const hint: Partial<Record<CaseStatus, string>> = {
  searching: 'Record the identity check first with "innsyn case verify".',
  reviewing: 'Verify the person’s identity first, then search with --case.',
  answered: 'Search with --case and review the hits first; then export with --case.',
  closed: 'Export the answer with --case first; a case is closed after it is answered.',
  rejected: 'A closed or answered case can no longer be rejected.',
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return next[from].includes(to);
}

/** Throws a message that says where the case is, what was asked, and what to do instead. */
export function assertMove(ref: string, from: CaseStatus, to: CaseStatus): void {
  if (canMove(from, to)) return;
  const final = next[from].length === 0 ? ` Case ${ref} is ${label[from]} and can no longer change.` : '';
  throw new AppError(
    'INVALID_INPUT',
    `Case ${ref} is ${label[from]}, so it cannot move to ${label[to]}.${final}${final ? '' : ` ${hint[to] ?? ''}`}`.trim(),
  );
}

export function isOpen(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'rejected' && status !== 'answered';
}

export function statusLabel(status: CaseStatus): string {
  return label[status];
}
