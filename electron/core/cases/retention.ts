import { addDays, dayNumber, formatDate, parseDate } from './calendar-date';
import type { CaseRegister } from './case-register';

export interface PurgeReport {
  ref: string;
  snapshots: number;
}

/**
 * Art. 5(1)(c) and (e): once a case is closed (or rejected) and the retention period has
 * passed, the copies of the records are deleted, and overwritten in the file and its journal
 * (store.ts turns on `secure_delete`). The audit trail and the exported manifest
 * (kept in the export's audit entry) remain, so the controller can still show what it did.
 *
 * Runs whenever the case register is opened by the CLI or the app, so no scheduler is needed
 * and a laptop that was off for a week catches up on its next use.
 */
export function purgeExpired(reg: CaseRegister): PurgeReport[] {
  const days = reg.settings.retentionDays();
  const today = dayNumber(parseDate(reg.today()));
  const done: PurgeReport[] = [];
  for (const row of reg.store.all()) {
    if (!row.closedOn || row.purgedOn) continue;
    const due = addDays(parseDate(row.closedOn), days);
    if (dayNumber(due) > today) continue;
    const snapshots = reg.record(row, 'purge', () => {
      const n = reg.store.setPurged(row.id, reg.today());
      return { value: n, data: { snapshots: n, closedOn: row.closedOn, retentionDays: days, dueOn: formatDate(due) } };
    });
    done.push({ ref: row.ref, snapshots });
  }
  // The write-ahead log still holds the pages as they were before the purge, until they are
  // copied into the database and the log is emptied. Done now rather than whenever SQLite next
  // checkpoints; a reader in another process (the CLI beside the app) can hold some back, and
  // they go at the next purge or when the last connection closes.
  if (done.length > 0) reg.db.pragma('wal_checkpoint(TRUNCATE)');
  return done;
}
