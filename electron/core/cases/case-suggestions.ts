import type Database from 'better-sqlite3';
import type { IdentifierKind } from '../../../shared/case';
import { AppError } from '../../../shared/errors';
import { identifierRules, subjectProblems, type IdentifierList } from '../../../shared/identifiers';
import type { SuggestionOut } from '../../../shared/search';
import type { Subject } from '../../../shared/subject';
import type { CaseRegister } from './case-register';
import type { CaseRow } from './case-rows';

interface Stored {
  open: SuggestionOut[];
  /** "kind:value" (lower case) of dismissed suggestions, so a new search does not offer them again. */
  dismissed: string[];
}

const listOf: Record<IdentifierKind, IdentifierList> = { name: 'names', email: 'emails', phone: 'phones', nationalId: 'nationalIds', other: 'others' };
const keyOf = (kind: string, value: string) => `${kind}:${value.trim().toLowerCase()}`;

/** Suggested aliases of a case's latest search, kept in case_search.suggestions_json. */
export class SuggestionStore {
  private readonly get: Database.Statement;
  private readonly put: Database.Statement;
  private readonly putSubject: Database.Statement;

  constructor(db: Database.Database) {
    this.get = db.prepare('SELECT suggestions_json AS json FROM case_search WHERE case_id = ?');
    this.put = db.prepare('UPDATE case_search SET suggestions_json = ? WHERE case_id = ?');
    this.putSubject = db.prepare('UPDATE case_file SET subject_json = ? WHERE id = ?');
  }

  read(caseId: number): Stored {
    const row = this.get.get(caseId) as { json: string | null } | undefined;
    return row?.json ? (JSON.parse(row.json) as Stored) : { open: [], dismissed: [] };
  }

  write(caseId: number, stored: Stored): void {
    this.put.run(JSON.stringify(stored), caseId);
  }

  setSubject(caseId: number, subject: Subject): void {
    this.putSubject.run(JSON.stringify(subject), caseId);
  }
}

/**
 * Keeps a new search's suggestions with the case, minus what the DPO already dismissed and
 * what the person's identifiers already hold. Call inside the search's transaction.
 */
export function keepSuggestions(reg: CaseRegister, row: CaseRow, subject: Subject, found: readonly SuggestionOut[]): void {
  const store = new SuggestionStore(reg.db);
  const { dismissed } = store.read(row.id);
  const known = new Set([...dismissed, ...subject.names.map((v) => keyOf('name', v)), ...subject.emails.map((v) => keyOf('email', v)), ...subject.phones.map((v) => keyOf('phone', v))]);
  const open = new Map<string, SuggestionOut>();
  for (const s of found) if (!known.has(keyOf(s.kind, s.value)) && !open.has(keyOf(s.kind, s.value))) open.set(keyOf(s.kind, s.value), s);
  store.write(row.id, { open: [...open.values()], dismissed });
}

function assertOpenForIdentifiers(row: CaseRow): void {
  if (['answered', 'closed', 'rejected'].includes(row.status)) {
    throw new AppError('INVALID_INPUT', `Case ${row.ref} is ${row.status}; identifiers can only be added while the request is being worked on.`);
  }
}

/**
 * Adds one identifier to the person, only on this explicit call: a suggestion is never
 * applied by itself. The stored search is left as it was; the DPO searches again to use it.
 */
export function addIdentifier(reg: CaseRegister, ref: string, kind: IdentifierKind, raw: string): void {
  const row = reg.row(ref);
  assertOpenForIdentifiers(row);
  const list = listOf[kind];
  const value = raw.trim();
  if (identifierRules[list](value) !== null) {
    const probe: Subject = { names: [], emails: [], phones: [], nationalIds: [], others: [], [list]: [value] };
    throw new AppError('INVALID_INPUT', subjectProblems(probe)[0]?.message ?? 'That identifier is not valid.');
  }
  const subject = reg.get(ref).subject;
  if (subject[list].some((v) => keyOf(kind, v) === keyOf(kind, value))) {
    throw new AppError('INVALID_INPUT', `The person already has this ${kind === 'nationalId' ? 'national ID' : kind}.`);
  }
  const store = new SuggestionStore(reg.db);
  reg.record(row, 'identifier-added', () => {
    store.setSubject(row.id, { ...subject, [list]: [...subject[list], value] });
    const stored = store.read(row.id);
    store.write(row.id, { ...stored, open: stored.open.filter((s) => keyOf(s.kind, s.value) !== keyOf(kind, value)) });
    // A national ID is kept out of the permanent trail beyond its last two digits.
    const recorded = kind === 'nationalId' ? `…${value.replace(/\D/g, '').slice(-2)}` : value;
    return { value: null, data: { kind, value: recorded } };
  });
}

/** Leaves a suggestion out for this case. The trail records that one was dismissed, not whose it was. */
export function dismissSuggestion(reg: CaseRegister, ref: string, kind: 'email' | 'phone' | 'name', value: string): void {
  const row = reg.row(ref);
  const store = new SuggestionStore(reg.db);
  const stored = store.read(row.id);
  const key = keyOf(kind, value);
  const match = stored.open.find((s) => keyOf(s.kind, s.value) === key);
  if (!match) throw new AppError('NOT_FOUND', `Case ${ref} has no open suggestion like that.`);
  reg.record(row, 'suggestion-dismissed', () => {
    store.write(row.id, { open: stored.open.filter((s) => s !== match), dismissed: [...stored.dismissed, key] });
    return { value: null, data: { kind, source: match.source } };
  });
}
