import type { CaseReviewUpdate, ExclusionGround } from '../../../shared/case';
import { AppError } from '../../../shared/errors';
import type { CaseRegister } from './case-register';
import { assertReviewing, reviewUpdate } from './case-review';
import { exclusionGround } from './exclusion-ground';

/**
 * One decision for many hits ("include all high", a selection), in one transaction. Each hit
 * still gets its own audit entry with the same data a single decision records: the trail and
 * the accountability report stay one line per hit, so "who decided hit X, when and why" has
 * one answer whether it was decided alone or in a batch. Everything is checked before
 * anything is written, so a bad id leaves no half-applied batch.
 */
export function decideMany(
  reg: CaseRegister,
  ref: string,
  hitIds: readonly string[],
  d: { include: boolean; reason: string; ground?: ExclusionGround | null },
): CaseReviewUpdate {
  const row = reg.row(ref);
  assertReviewing(row);
  const ids = [...new Set(hitIds)];
  // Which hits exist, their source and whether purged: the record copies are not needed.
  const stored = reg.store.hitHashes(row.id);
  const unknown = ids.filter((id) => !stored.has(id));
  if (unknown.length > 0) {
    throw new AppError('NOT_FOUND', `Case ${ref} has no hit ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ` (and ${unknown.length - 3} more)` : ''}. Nothing was decided.`);
  }
  const purged = ids.filter((id) => stored.get(id)?.purged);
  if (purged.length > 0) {
    throw new AppError('INVALID_INPUT', `The records behind ${purged.length} of these hits were deleted under the retention rule. Nothing was decided.`);
  }
  const ground = d.include ? null : exclusionGround(d.reason, d.ground);
  const at = reg.clock.now().toISOString();
  reg.recordMany(
    row,
    'decision',
    ids.map((hitId) => () => {
      reg.store.putDecision(row.id, { hitId, include: d.include, ground, reason: d.reason, at });
      return { hitId, source: stored.get(hitId)?.source ?? '', include: d.include, ground, reason: d.reason };
    }),
  );
  return reviewUpdate(reg, ref, ids);
}
