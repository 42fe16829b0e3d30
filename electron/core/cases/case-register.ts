import type Database from 'better-sqlite3';
import { NewCaseSchema, type AuditEntry, type AuditEvent, type AuditVerification, type Case, type CaseSummary, type NewCase } from '../../../shared/case';
import { AppError } from '../../../shared/errors';
import { subjectIsEmpty } from '../../../shared/subject';
import { AuditTrail } from './audit-trail';
import { daysBetween, parseDate } from './calendar-date';
import { assertMove, isOpen } from './case-status';
import type { CaseRow } from './case-rows';
import { CaseStore } from './case-store';
import { caseSummary, caseView } from './case-view';
import { systemClock, today, type Clock } from './clock';
import { deadlineFor } from './deadline';
import { SettingsStore } from './settings';

export type CaseListFilter = 'all' | 'open' | 'due-soon' | 'overdue';

/** How close a deadline must be to count as "due soon". */
export const DUE_SOON_DAYS = 7;

/**
 * The case register: every change to a case goes through here, in one transaction with the
 * audit entry that records it (Art. 5(2)), so there is never a change without its entry.
 */
export class CaseRegister {
  readonly store: CaseStore;
  readonly audit: AuditTrail;
  readonly settings: SettingsStore;

  constructor(
    readonly db: Database.Database,
    readonly clock: Clock = systemClock,
  ) {
    this.store = new CaseStore(db);
    this.audit = new AuditTrail(db);
    this.settings = new SettingsStore(db);
  }

  today(): string {
    return today(this.clock);
  }

  /** Runs `change` and appends its audit entry atomically. */
  record<T>(row: CaseRow, event: AuditEvent, change: () => { data: Record<string, unknown>; value: T }): T {
    return this.db.transaction(() => {
      const { data, value } = change();
      this.audit.append(row.id, row.ref, event, data, this.clock.now());
      return value;
    })();
  }

  /**
   * Many changes of one kind, each with its own audit entry, in one transaction: a bulk
   * review is either recorded completely or not at all, and the chain reads as if the
   * decisions had been made one by one.
   */
  recordMany(row: CaseRow, event: AuditEvent, changes: ReadonlyArray<() => Record<string, unknown>>): void {
    this.db.transaction(() => {
      const at = this.clock.now();
      for (const change of changes) this.audit.append(row.id, row.ref, event, change(), at);
    })();
  }

  create(input: NewCase): Case {
    const parsed = NewCaseSchema.parse(input);
    if (subjectIsEmpty(parsed.subject)) {
      throw new AppError('INVALID_INPUT', 'Say who the request is from: give at least one name, e-mail, phone, national ID or other identifier.');
    }
    const received = parsed.received ?? this.today();
    parseDate(received);
    if (daysBetween(this.today(), received) > 0) {
      throw new AppError('INVALID_INPUT', `The date received (${received}) is in the future; check the date.`);
    }
    const year = parseDate(received).year;
    const ref = this.db.transaction(() => {
      const next = this.store.nextRef(year);
      const deadline = deadlineFor(received, false);
      const notes = parsed.note ? [{ at: this.clock.now().toISOString(), text: parsed.note }] : [];
      const id = this.store.insert({ ...next, year, subject: parsed.subject, types: parsed.types, channel: parsed.channel, received, deadline, notes });
      // The identifiers are recorded because Art. 5(2) asks what the request was about;
      // free-text notes are not, they may hold anything.
      this.audit.append(id, next.ref, 'case-created', { subject: parsed.subject, types: parsed.types, channel: parsed.channel, received, deadline }, this.clock.now());
      return next.ref;
    })();
    return this.get(ref);
  }

  row(ref: string): CaseRow {
    const row = this.store.get(ref);
    if (!row) throw new AppError('NOT_FOUND', `There is no case ${ref}. List the cases with "innsyn case list".`);
    return row;
  }

  get(ref: string): Case {
    return caseView(this.row(ref));
  }

  list(filter: CaseListFilter = 'all', dueSoonDays = DUE_SOON_DAYS): CaseSummary[] {
    const now = this.today();
    const all = this.store.all().map((r) => caseSummary(caseView(r), now));
    // Sorted by deadline already (the statement orders by it), soonest first.
    if (filter === 'all') return all;
    const open = all.filter((c) => isOpen(c.status));
    if (filter === 'open') return open;
    if (filter === 'overdue') return open.filter((c) => c.daysLeft < 0);
    return open.filter((c) => c.daysLeft >= 0 && c.daysLeft <= dueSoonDays);
  }

  /** Art. 12(6): the controller has asked the person for more information to confirm identity. */
  requestIdentity(ref: string, note?: string): Case {
    const row = this.row(ref);
    assertMove(ref, row.status, 'verifying-identity');
    this.record(row, 'identity-requested', () => {
      this.store.setStatus(row.id, 'verifying-identity');
      return { data: { on: this.today(), ...(note ? { note } : {}) }, value: null };
    });
    return this.get(ref);
  }

  verify(ref: string, v: { method: string; by: string; date?: string; note?: string }): Case {
    const row = this.row(ref);
    assertMove(ref, row.status, 'searching');
    const date = v.date ?? this.today();
    parseDate(date);
    const verification = { method: v.method, date, by: v.by, ...(v.note ? { note: v.note } : {}) };
    this.record(row, 'identity-verified', () => {
      this.store.setVerification(row.id, verification);
      this.store.setStatus(row.id, 'searching');
      return { data: verification, value: null };
    });
    return this.get(ref);
  }

  /** Art. 12(3): two further months; repeating it updates the reason or the notice date. */
  extend(ref: string, reason: string, notified: string | null): Case {
    const row = this.row(ref);
    if (!isOpen(row.status)) throw new AppError('INVALID_INPUT', `Case ${ref} is ${row.status}; only an open case can be extended.`);
    if (notified) parseDate(notified);
    const deadline = deadlineFor(row.received, true);
    this.record(row, 'extension', () => {
      this.store.setExtension(row.id, { reason, notified }, deadline);
      return { data: { reason, notified, deadline }, value: null };
    });
    return this.get(ref);
  }

  reject(ref: string, reason: string): Case {
    const row = this.row(ref);
    assertMove(ref, row.status, 'rejected');
    this.record(row, 'rejected', () => {
      this.store.setRejected(row.id, reason, this.today());
      return { data: { reason, on: this.today() }, value: null };
    });
    return this.get(ref);
  }

  close(ref: string): Case {
    const row = this.row(ref);
    assertMove(ref, row.status, 'closed');
    this.record(row, 'closed', () => {
      this.store.setClosed(row.id, this.today());
      return { data: { on: this.today(), retentionDays: this.settings.retentionDays() }, value: null };
    });
    return this.get(ref);
  }

  addNote(ref: string, text: string): Case {
    const row = this.row(ref);
    this.store.setNotes(row.id, [...row.notes, { at: this.clock.now().toISOString(), text }]);
    return this.get(ref);
  }

  auditEntries(ref: string): AuditEntry[] {
    return this.audit.list(this.row(ref).id);
  }

  verifyAudit(ref: string): AuditVerification {
    const row = this.row(ref);
    return this.audit.verify(row.id, row.ref);
  }
}
