import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseRegister } from '../../electron/core/cases/case-register';
import { caseDetail, decide, recordSearch } from '../../electron/core/cases/case-review';
import { fixedClock } from '../../electron/core/cases/clock';
import { readMbox } from '../../electron/core/sources/mail/mbox-reader';
import { OriginalReader, readOriginalMessage } from '../../electron/core/sources/mail/original';
import { openStore } from '../../electron/core/store/store';
import type { Hit } from '../../shared/hit';
import { tempDir } from '../helpers/temp';

const subject = { names: ['Kari Nordmann'], emails: [], phones: [], nationalIds: [], others: [] };

function hit(n: number): Hit {
  return { id: `crm:${n}`, source: 'crm', location: { table: 'customers', record: n, line: n + 1 }, confidence: 'high', score: 1, reasons: ['name'], matches: [], record: { n: String(n) } };
}

function caseWith(hits: Hit[]) {
  const db = openStore(tempDir());
  const reg = new CaseRegister(db, fixedClock('2026-11-20'));
  const c = reg.create({ subject, channel: 'email', received: '2026-11-19' });
  reg.verify(c.ref, { method: 'id card', by: 'dpo' });
  const originals = new Map(hits.filter((h) => h.id.endsWith('7')).map((h) => [h.id, `sha-${h.id}`]));
  recordSearch(reg, c.ref, { subject, sources: [{ id: 'crm', kind: 'csv', status: 'ok', scanned: hits.length, hits: hits.length, ms: 1 }], hits }, [{ id: 'crm', kind: 'csv', path: 'x.csv' }], originals);
  return { db, reg, ref: c.ref, id: reg.row(c.ref).id };
}

describe('case store: hits of a large case', () => {
  it('reads hits one by one in search order, one hit alone, and the fingerprints without the records', () => {
    // Search order is not id order: the ids sort differently from their positions.
    const hits = [12, 3, 27, 1, 7, 100, 17].map(hit);
    const { reg, id } = caseWith(hits);
    expect([...reg.store.eachHit(id)].map((h) => h.hitId)).toEqual(hits.map((h) => h.id));
    expect(reg.store.hits(id).map((h) => h.hitId)).toEqual(hits.map((h) => h.id));
    const one = reg.store.hit(id, 'crm:27');
    expect(JSON.parse(one!.snapshotJson!)).toEqual(hits[2]);
    expect(reg.store.hit(id, 'crm:999')).toBeNull();
    expect(reg.store.originals(id)).toEqual(new Map([['crm:27', 'sha-crm:27'], ['crm:7', 'sha-crm:7'], ['crm:17', 'sha-crm:17']]));
  });

  it("gives the package plan every hit in search order across its read's window borders", () => {
    // 4,096 rows a window: three windows, the last one short.
    const hits = Array.from({ length: 2 * 4096 + 5 }, (_, i) => hit(10_000 - i));
    const { db, reg, id } = caseWith(hits);
    const planned = () => [...reg.store.planRows(id)].map((r) => r.hit_id);
    expect(planned()).toEqual(hits.map((h) => h.id));
    expect([...reg.store.planRows(id, 4096)].map((r) => r.hit_id)).toEqual(hits.slice(4096).map((h) => h.id));
    // Two rows sharing a position across a border (never stored so, but not lost if they were).
    db.prepare('UPDATE case_hit SET position = 4095 WHERE case_id = ? AND position = 4096').run(id);
    expect(new Set(planned())).toEqual(new Set(hits.map((h) => h.id)));
    expect(planned()).toHaveLength(hits.length);
  });

  it('walks the hits in order through the position index instead of sorting every record copy', () => {
    const { db } = caseWith([hit(1), hit(2)]);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT hit_id, source, snapshot_json, snapshot_hash, original_sha256 FROM case_hit WHERE case_id = ? ORDER BY position')
      .all(1) as Array<{ detail: string }>;
    const text = plan.map((p) => p.detail).join('\n');
    // case_hit_plan (migration 7) starts with (case_id, position), as the index it replaced did.
    expect(text).toContain('USING INDEX case_hit_plan');
    expect(text).not.toContain('TEMP B-TREE');
  });

  it('a new search puts unchanged hits in its own order and keeps their decisions and copies', () => {
    const { reg, ref, id } = caseWith([hit(1), hit(2), hit(3)]);
    decide(reg, ref, 'crm:2', { include: true, reason: 'her account' });
    const changed = { ...hit(3), record: { n: 'changed' } };
    const again = [changed, hit(4), hit(2), hit(1)];
    recordSearch(reg, ref, { subject, sources: [{ id: 'crm', kind: 'csv', status: 'ok', scanned: 4, hits: 4, ms: 1 }], hits: again }, [{ id: 'crm', kind: 'csv', path: 'x.csv' }]);
    const detail = caseDetail(reg, ref);
    expect(detail.hits.map((h) => h.hitId)).toEqual(['crm:3', 'crm:4', 'crm:2', 'crm:1']);
    expect(detail.hits.map((h) => h.hit)).toEqual(again);
    expect(detail.hits[2].decision?.include).toBe(true);
    expect(reg.store.hitHashes(id).size).toBe(4);
  });

  it('gives each hit its own redactions and decision when the case is opened', () => {
    const { reg, ref } = caseWith([hit(1), hit(2), hit(3)]);
    decide(reg, ref, 'crm:2', { include: false, reason: 'namesake', ground: 'not-subject' });
    const detail = caseDetail(reg, ref);
    expect(detail.hits.map((h) => [h.hitId, h.decision?.include ?? null])).toEqual([['crm:1', null], ['crm:2', false], ['crm:3', null]]);
    expect(detail.hits[0].hit).toEqual(hit(1));
  });
});

describe('mail originals read in bulk', () => {
  it('gives the same bytes as reading each original alone, from one open file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'box.mbox');
    writeFileSync(file, 'From a\nSubject: one\n\n>From x\n\nFrom b\nSubject: two\n\nbody two\nFrom c\nSubject: three\n\n3\n');
    const reader = new OriginalReader();
    try {
      for await (const m of readMbox(file, new AbortController().signal)) {
        const location = { file: 'box.mbox', index: m.index, bytes: [m.start, m.end] as [number, number] };
        expect((await reader.read(file, location)).equals(await readOriginalMessage(file, location))).toBe(true);
      }
      // A folder of .eml files: each is its own file, and a location outside the folder is refused.
      writeFileSync(path.join(dir, 'one.eml'), 'Subject: eml\n\nbody\n');
      expect((await reader.read(dir, { file: 'one.eml' })).toString()).toBe('Subject: eml\n\nbody\n');
      await expect(reader.read(dir, { file: '../escape.mbox', bytes: [0, 5] })).rejects.toThrow(/outside the mailbox/);
    } finally {
      await reader.close();
    }
  });
});
