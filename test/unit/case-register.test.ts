import { describe, expect, it } from 'vitest';
import { CaseRegister } from '../../electron/core/cases/case-register';
import { caseDetail, decide, recordSearch, redact } from '../../electron/core/cases/case-review';
import { fixedClock, type Clock } from '../../electron/core/cases/clock';
import { purgeExpired } from '../../electron/core/cases/retention';
import type { Hit } from '../../shared/hit';
import type { SearchResult } from '../../shared/search';
import { openStore } from '../../electron/core/store/store';
import { tempDir } from '../helpers/temp';

const subject = { names: ['Kari Nordmann'], emails: ['kari@example.no'], phones: [], nationalIds: [], others: [] };

function movableClock(start: string): Clock & { set(date: string): void } {
  let current = fixedClock(start);
  return { now: () => current.now(), set: (d) => (current = fixedClock(d)) };
}

function hit(id: string, record: Record<string, string>): Hit {
  return { id, source: 'crm', location: { table: 'customers', record: 1, line: 2 }, confidence: 'high', score: 1, reasons: ['e-mail'], matches: [], record };
}

function result(hits: Hit[]): SearchResult {
  return { subject, sources: [{ id: 'crm', kind: 'csv', status: 'ok', scanned: 10, hits: hits.length, ms: 1 }, { id: 'shop', kind: 'sqlite', status: 'ok', scanned: 5, hits: 0, ms: 1 }], hits };
}

function open(clock: Clock) {
  const db = openStore(tempDir());
  return { db, reg: new CaseRegister(db, clock) };
}

describe('cases', () => {
  it('numbers cases per year and computes the deadline', () => {
    const { reg } = open(fixedClock('2026-12-01'));
    const a = reg.create({ subject, channel: 'email', received: '2026-11-25' });
    const b = reg.create({ subject, channel: 'letter', received: '2026-01-31', types: ['access', 'portability'] });
    const c = reg.create({ subject, channel: 'web-form', received: '2025-12-30' });
    expect([a.ref, b.ref, c.ref]).toEqual(['2026-0001', '2026-0002', '2025-0001']);
    expect(a.deadline).toBe('2026-12-28');
    expect(b.deadline).toBe('2026-03-02');
    expect(b.types).toEqual(['access', 'portability']);
    expect(a.status).toBe('received');
  });

  it('walks the status machine and rejects steps out of order', () => {
    const { reg } = open(fixedClock('2026-03-05'));
    const { ref } = reg.create({ subject, channel: 'email', received: '2026-03-03' });
    expect(() => reg.close(ref)).toThrow(/received, so it cannot move to closed/);
    expect(() => recordSearch(reg, ref, result([]), [])).toThrow(/Verify the person’s identity first/);
    expect(reg.requestIdentity(ref, 'asked for a copy of ID').status).toBe('verifying-identity');
    const verified = reg.verify(ref, { method: 'ID document shown', by: 'Ola DPO', note: 'passport' });
    expect(verified.status).toBe('searching');
    expect(verified.verification).toEqual({ method: 'ID document shown', date: '2026-03-05', by: 'Ola DPO', note: 'passport' });
    expect(() => reg.verify(ref, { method: 'x', by: 'y' })).toThrow(/searching, so it cannot move to searching/);
    expect(reg.reject(ref, 'manifestly unfounded').status).toBe('rejected');
    expect(() => reg.extend(ref, 'x', null)).toThrow(/only an open case/);
    expect(() => reg.close(ref)).toThrow(/can no longer change/);
  });

  it('extends to three months and warns about a late notice', () => {
    const clock = movableClock('2026-03-10');
    const { reg } = open(clock);
    const { ref } = reg.create({ subject, channel: 'email', received: '2026-03-03' });
    const pending = reg.extend(ref, 'complex: twelve systems', null);
    expect(pending.deadline).toBe('2026-06-03');
    expect(pending.firstDeadline).toBe('2026-04-07');
    expect(pending.extension?.warning).toMatch(/not been told/);
    expect(reg.extend(ref, 'complex: twelve systems', '2026-04-07').extension?.warning).toBeUndefined();
    expect(reg.extend(ref, 'complex: twelve systems', '2026-04-09').extension?.warning).toMatch(/after the first month/);
  });

  it('lists due-soon and overdue open cases sorted by deadline', () => {
    const { reg } = open(fixedClock('2026-04-01'));
    const late = reg.create({ subject, channel: 'email', received: '2026-02-20' }); // due 2026-03-20
    const later = reg.create({ subject, channel: 'email', received: '2026-02-10' }); // due 2026-03-10
    const soon = reg.create({ subject, channel: 'email', received: '2026-03-03' }); // due 2026-04-07
    reg.create({ subject, channel: 'email', received: '2026-03-31' }); // due 2026-04-30
    const done = reg.create({ subject, channel: 'email', received: '2026-02-01' });
    reg.reject(done.ref, 'withdrawn by the person');
    expect(reg.list('overdue').map((c) => [c.ref, c.daysLeft])).toEqual([
      [later.ref, -22],
      [late.ref, -12],
    ]);
    expect(reg.list('due-soon').map((c) => c.ref)).toEqual([soon.ref]);
    expect(reg.list('all')).toHaveLength(5);
  });
});

describe('review and retention', () => {
  it('keeps a decision when the same record is found again, and asks again when it changed', () => {
    const { reg } = open(fixedClock('2026-03-05'));
    const { ref } = reg.create({ subject, channel: 'email', received: '2026-03-03' });
    reg.verify(ref, { method: 'known address', by: 'DPO' });
    recordSearch(reg, ref, result([hit('crm:1', { name: 'Kari Nordmann', note: 'ok' }), hit('crm:2', { name: 'Kari Nordmann', note: 'x' })]), []);
    decide(reg, ref, 'crm:1', { include: true, reason: 'confirmed by e-mail' });
    decide(reg, ref, 'crm:2', { include: false, reason: 'namesake' });
    const again = recordSearch(reg, ref, result([hit('crm:1', { name: 'Kari Nordmann', note: 'ok' }), hit('crm:2', { name: 'Kari Nordmann', note: 'changed' })]), []);
    expect(again.hits.map((h) => [h.hitId, h.decision?.reason ?? null])).toEqual([
      ['crm:1', 'confirmed by e-mail'],
      ['crm:2', null],
    ]);
    const search = reg.auditEntries(ref).filter((e) => e.event === 'search-run')[1];
    expect(search.data).toMatchObject({ decisionsKept: 1, decisionsToRedo: 1 });
    expect(search.data.sources).toEqual([
      { id: 'crm', kind: 'csv', status: 'ok', scanned: 10, hits: 2 },
      { id: 'shop', kind: 'sqlite', status: 'ok', scanned: 5, hits: 0 },
    ]);
  });

  it('validates redactions and records where and why, never the redacted text', () => {
    const { reg } = open(fixedClock('2026-03-05'));
    const { ref } = reg.create({ subject, channel: 'email', received: '2026-03-03' });
    reg.verify(ref, { method: 'known address', by: 'DPO' });
    recordSearch(reg, ref, result([hit('crm:1', { name: 'Kari Nordmann', note: 'Called with Per Hansen' })]), []);
    expect(() => redact(reg, ref, { hitId: 'crm:1', field: 'nope', reason: 'x' })).toThrow(/no field "nope".*name, note/);
    expect(() => redact(reg, ref, { hitId: 'crm:1', field: 'note', span: [12, 40], reason: 'x' })).toThrow(/does not fit/);
    const { redaction } = redact(reg, ref, { hitId: 'crm:1', field: 'note', span: [12, 21], reason: 'third-party data' });
    expect(redaction).toMatchObject({ field: 'note', span: [12, 21], mode: 'mask' });
    const entry = reg.auditEntries(ref).at(-1)!;
    expect(entry.event).toBe('redaction');
    expect(JSON.stringify(entry.data)).not.toContain('Per Hansen');
  });

  it('keeps suggested aliases with the search and deletes them with the record copies', () => {
    const clock = movableClock('2026-03-05');
    const { db, reg } = open(clock);
    const { ref } = reg.create({ subject, channel: 'email', received: '2026-03-03' });
    reg.verify(ref, { method: 'known address', by: 'DPO' });
    const alias = { source: 'crm', kind: 'email' as const, value: 'kari.n@example.no', reason: 'name Kari Nordmann on 2 rows', count: 2 };
    const known = { ...alias, value: 'KARI@example.no' };
    recordSearch(reg, ref, { ...result([hit('crm:1', { name: 'Kari Nordmann' })]), suggestions: [alias, known] }, []);
    // Her known address is never offered back as a suggestion.
    expect(caseDetail(reg, ref).suggestions).toEqual([alias]);
    db.prepare("UPDATE case_file SET status = 'answered' WHERE ref = ?").run(ref);
    reg.settings.set('retentionDays', '10');
    reg.close(ref);
    clock.set('2026-03-30');
    expect(purgeExpired(reg)).toEqual([{ ref, snapshots: 1 }]);
    expect(caseDetail(reg, ref).suggestions).toBeUndefined();
    expect(db.prepare('SELECT suggestions_json FROM case_search').all()).toEqual([{ suggestions_json: null }]);
  });

  it('purges snapshots N days after closure, keeps the trail, and audits the purge', () => {
    const clock = movableClock('2026-03-05');
    const { db, reg } = open(clock);
    const { ref } = reg.create({ subject, channel: 'email', received: '2026-03-03' });
    reg.verify(ref, { method: 'known address', by: 'DPO' });
    recordSearch(reg, ref, result([hit('crm:1', { name: 'Kari Nordmann' })]), []);
    expect(db.prepare('SELECT facts_json IS NOT NULL AS facts, fields_json FROM case_hit').get()).toEqual({ facts: 1, fields_json: '["name"]' });
    db.prepare("UPDATE case_file SET status = 'answered' WHERE ref = ?").run(ref);
    reg.settings.set('retentionDays', '10');
    clock.set('2026-03-20');
    reg.close(ref);
    clock.set('2026-03-29');
    expect(purgeExpired(reg)).toEqual([]);
    clock.set('2026-03-30');
    expect(purgeExpired(reg)).toEqual([{ ref, snapshots: 1 }]);
    expect(purgeExpired(reg)).toEqual([]); // once only
    expect(reg.get(ref).purgedOn).toBe('2026-03-30');
    // The copy and the facts kept for the package plan (for a mail hit, its subject line).
    const raw = db.prepare('SELECT snapshot_json, facts_json, fields_json FROM case_hit').all();
    expect(raw).toEqual([{ snapshot_json: null, facts_json: null, fields_json: null }]);
    const trail = reg.auditEntries(ref);
    expect(trail.at(-1)).toMatchObject({ event: 'purge', data: { snapshots: 1, closedOn: '2026-03-20', retentionDays: 10 } });
    expect(reg.verifyAudit(ref).ok).toBe(true);
  });

  it('rejects settings it does not know or cannot parse', () => {
    const { reg } = open(fixedClock('2026-03-05'));
    expect(reg.settings.retentionDays()).toBe(30);
    expect(() => reg.settings.set('retentionDays', '-1')).toThrow(/0 to 3650/);
    expect(() => reg.settings.set('colour', 'red')).toThrow(/Unknown setting/);
  });
});

describe('the ground for leaving a hit out', () => {
  it('reads the usual reasons and asks for the ground otherwise', async () => {
    const { exclusionGround } = await import('../../electron/core/cases/exclusion-ground');
    expect(exclusionGround('namesake')).toBe('not-subject');
    expect(exclusionGround('third-party data')).toBe('third-party');
    expect(exclusionGround('legal exemption')).toBe('exempt');
    expect(exclusionGround('looks odd', 'exempt')).toBe('exempt');
    expect(() => exclusionGround('looks odd')).toThrow(/--ground/);
  });
});
