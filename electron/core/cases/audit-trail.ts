import type Database from 'better-sqlite3';
import type { AuditEntry, AuditEvent, AuditVerification } from '../../../shared/case';
import { canonicalJson, sha256Hex } from './canonical-json';

/** The hash the first entry of every case points back to. */
export const GENESIS = '0'.repeat(64);

interface EntryRow {
  seq: number;
  at: string;
  event: AuditEvent;
  data_json: string;
  prev_hash: string;
  hash: string;
}

/**
 * Art. 5(2) accountability: every step that matters is appended here, never changed. Each
 * entry's hash covers the case reference, its position, time, event, data and the previous
 * entry's hash (canonical JSON + SHA-256), so editing or removing any entry breaks the chain.
 */
export function entryHash(ref: string, e: { seq: number; at: string; event: string; data: unknown; prevHash: string }): string {
  return sha256Hex(canonicalJson({ ref, seq: e.seq, at: e.at, event: e.event, data: e.data, prev: e.prevHash }));
}

export class AuditTrail {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      head: db.prepare('SELECT audit_head AS head, audit_count AS count FROM case_file WHERE id = ?'),
      insert: db.prepare(
        'INSERT INTO audit_entry (case_id, seq, at, event, data_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      setHead: db.prepare('UPDATE case_file SET audit_head = ?, audit_count = ? WHERE id = ?'),
      entries: db.prepare('SELECT seq, at, event, data_json, prev_hash, hash FROM audit_entry WHERE case_id = ? ORDER BY seq'),
    };
  }

  /** Appends one entry; call inside the same transaction as the change it records. */
  append(caseId: number, ref: string, event: AuditEvent, data: Record<string, unknown>, at: Date): AuditEntry {
    const head = this.statements.head.get(caseId) as { head: string; count: number };
    const entry = { seq: head.count + 1, at: at.toISOString(), event, data, prevHash: head.count === 0 ? GENESIS : head.head };
    const hash = entryHash(ref, entry);
    this.statements.insert.run(caseId, entry.seq, entry.at, event, canonicalJson(data), entry.prevHash, hash);
    this.statements.setHead.run(hash, entry.seq, caseId);
    return { ...entry, hash };
  }

  list(caseId: number): AuditEntry[] {
    return (this.statements.entries.all(caseId) as EntryRow[]).map((r) => ({
      seq: r.seq,
      at: r.at,
      event: r.event,
      data: JSON.parse(r.data_json) as Record<string, unknown>,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  /** Recomputes the whole chain and says, entry by entry, where it no longer holds. */
  verify(caseId: number, ref: string): AuditVerification {
    const problems: string[] = [];
    const rows = this.statements.entries.all(caseId) as EntryRow[];
    let prev = GENESIS;
    let expectedSeq = 1;
    for (const r of rows) {
      if (r.seq !== expectedSeq) problems.push(`entry ${expectedSeq}${r.seq > expectedSeq + 1 ? `-${r.seq - 1}` : ''} is missing`);
      if (r.prev_hash !== prev) problems.push(`entry ${r.seq} does not follow the entry before it (an entry was removed or changed)`);
      let data: unknown;
      try {
        data = JSON.parse(r.data_json);
      } catch {
        problems.push(`entry ${r.seq} is unreadable`);
      }
      const recomputed = entryHash(ref, { seq: r.seq, at: r.at, event: r.event, data, prevHash: r.prev_hash });
      if (recomputed !== r.hash) problems.push(`entry ${r.seq} (${r.event}) was changed after it was written`);
      prev = r.hash;
      expectedSeq = r.seq + 1;
    }
    const head = this.statements.head.get(caseId) as { head: string; count: number } | undefined;
    if (head) {
      if (head.count !== rows.length || (rows.length > 0 && head.count !== rows[rows.length - 1].seq)) {
        problems.push(`the case records ${head.count} entries but ${rows.length} are present (entries were removed)`);
      } else if (head.count > 0 && head.head !== prev) {
        problems.push('the last entry is not the one the case points to (the end of the trail was replaced)');
      }
    }
    return { ok: problems.length === 0, entries: rows.length, problems };
  }
}
