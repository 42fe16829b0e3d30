import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/core/cases/calendar-date';
import type { MethodOutput } from '../../shared/contract';
import { coreSession } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

const HITS = 10_000;

/** A case whose only source is a log where every row carries the subject's address: one hit per row. */
async function caseWithManyHits() {
  const dir = tempDir();
  const rows = Array.from({ length: HITS }, (_, i) => `${i + 1};kari.nordmann@example.no;Innlogging ${i % 7}`);
  writeFileSync(path.join(dir, 'logg.csv'), `id;epost;hendelse\n${rows.join('\n')}\n`);
  const ws = writeWorkspace(dir, [{ id: 'logg', kind: 'csv', path: path.join(dir, 'logg.csv') }]);
  const { dispatch, call } = coreSession({ workspace: ws });
  await call('workspace:import', {});
  const { ref } = await call<{ ref: string }>('case:create', { subject: { emails: ['kari.nordmann@example.no'] }, channel: 'email', received: todayIn(new Date()) });
  await call('case:verify', { ref, method: 'BankID', by: 'Siri' });
  const { detail } = await call<MethodOutput<'case:search'>>('case:search', { ref });
  return { ref, dispatch, call, hitIds: detail.hits.map((h) => h.hitId) };
}

type Audit = MethodOutput<'case:audit'>;

describe('case:reviewMany', () => {
  it(`decides ${HITS.toLocaleString('en')} hits in one call, each with its own audit entry, and the chain holds`, async () => {
    const { ref, call, hitIds } = await caseWithManyHits();
    expect(hitIds).toHaveLength(HITS);
    const started = performance.now();
    const detail = await call<MethodOutput<'case:reviewMany'>>('case:reviewMany', { ref, hitIds, include: true, reason: 'e-post stemmer' });
    const ms = performance.now() - started;
    expect(detail.hits.every((h) => h.decision?.include === true)).toBe(true);
    expect(new Set(detail.hits.map((h) => h.hitId))).toEqual(new Set(hitIds));
    // One call, not 10,000: generous bound for a slow CI machine (about 1 s here).
    expect(ms).toBeLessThan(30_000);
    const audit = await call<Audit>('case:audit', { ref });
    expect(audit.verification.ok).toBe(true);
    const decisions = audit.entries.filter((e) => e.event === 'decision');
    expect(decisions).toHaveLength(HITS);
    expect(new Set(decisions.map((e) => e.data.hitId))).toEqual(new Set(hitIds));
  }, 240_000);

  it('is all or nothing: one unknown id and nothing is decided; an exclusion needs a ground', async () => {
    const { ref, dispatch, call, hitIds } = await caseWithManyHits();
    const bad = await dispatch('case:reviewMany', { ref, hitIds: [...hitIds.slice(0, 5), 'finnes-ikke'], include: true, reason: 'ok' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unchanged = await call<MethodOutput<'case:get'>>('case:get', { ref });
    expect(unchanged.hits.filter((h) => h.decision)).toHaveLength(0);
    expect((await call<Audit>('case:audit', { ref })).entries.filter((e) => e.event === 'decision')).toHaveLength(0);

    const noGround = await dispatch('case:reviewMany', { ref, hitIds: hitIds.slice(0, 2), include: false, reason: 'hmm' });
    expect(noGround).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const excluded = await call<MethodOutput<'case:reviewMany'>>('case:reviewMany', { ref, hitIds: hitIds.slice(0, 2), include: false, reason: 'navnebror', ground: 'not-subject' });
    // Only the two hits decided come back; the other 9,998 stay as the app holds them.
    expect(excluded.hits.map((h) => h.hitId).sort()).toEqual(hitIds.slice(0, 2).sort());
    expect(excluded.hits.every((h) => h.decision?.include === false && h.decision.ground === 'not-subject')).toBe(true);
    expect(await dispatch('case:reviewMany', { ref, hitIds: [], include: true, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }, 240_000);
});
