import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseRegister } from '../../electron/core/cases/case-register';
import { recordSearch } from '../../electron/core/cases/case-review';
import type { Clock } from '../../electron/core/cases/clock';
import { purgeExpired } from '../../electron/core/cases/retention';
import { DB_FILE, openStore } from '../../electron/core/store/store';
import type { Hit } from '../../shared/hit';
import { tempDir } from '../helpers/temp';

/** Text that occurs only in the records' values: a colleague's name and a message's subject line. */
const NOTE = 'Kanarifugl Solveig Aamodt-Vikene ringte';
const SUBJECT = 'Kanarifugl fakturaklage nr 4471';

function clockAt(date: { now: string }): Clock {
  return { now: () => new Date(`${date.now}T12:00:00Z`) };
}

function hits(n: number): Hit[] {
  const out: Hit[] = [];
  for (let i = 1; i <= n; i++) {
    out.push({
      id: `crm:${i}`,
      source: 'crm',
      location: { table: 'kunder', record: i, line: i + 1 },
      confidence: 'high',
      score: 0.9,
      reasons: ['name'],
      matches: [],
      record: { navn: 'Kari Nordmann', notat: `${NOTE} ${i} ${'x'.repeat(i % 7 === 0 ? 5000 : 40)}` },
    });
    out.push({
      id: `post:${i}`,
      source: 'post',
      location: { file: 'inbox.mbox', index: i, bytes: [i * 100, i * 100 + 90] },
      confidence: 'high',
      score: 0.9,
      reasons: ['from'],
      matches: [],
      record: { from: 'kari@example.no', to: null, cc: null, date: null, subject: `${SUBJECT} ${i}` },
    });
  }
  return out;
}

describe('retention purge', () => {
  it('leaves no trace of the purged records in the database file or its journal', () => {
    const dir = tempDir();
    const today = { now: '2026-03-01' };
    const reg = new CaseRegister(openStore(dir), clockAt(today));
    const subject = { names: ['Kari Nordmann'], emails: [], phones: [], nationalIds: [], others: [] };
    const { ref } = reg.create({ subject, channel: 'email', received: '2026-02-27' });
    reg.verify(ref, { method: 'BankID', by: 'dpo' });
    const list = hits(400);
    const count = (source: string) => list.filter((h) => h.source === source).length;
    recordSearch(reg, ref, {
      subject,
      sources: ['crm', 'post'].map((id) => ({ id, kind: id === 'crm' ? 'csv' : 'mailbox', status: 'ok' as const, scanned: count(id), hits: count(id), ms: 1 })),
      hits: list,
    }, []);
    reg.store.db.prepare("UPDATE case_file SET status = 'answered' WHERE ref = ?").run(ref);
    reg.settings.set('retentionDays', '10');
    reg.close(ref);
    const file = path.join(dir, DB_FILE);
    const bytes = () => Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);
    // The copies are there before (as a check that the search below would find them).
    expect(bytes().includes(NOTE)).toBe(true);

    today.now = '2026-03-20';
    expect(purgeExpired(reg)).toEqual([{ ref, snapshots: list.length }]);
    // While the register is still open (the app keeps it open all day), and after it is closed.
    for (const text of [NOTE, SUBJECT]) expect(bytes().includes(text), text).toBe(false);
    reg.store.db.close();
    for (const text of [NOTE, SUBJECT]) expect(bytes().includes(text), text).toBe(false);
  });
});
