import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/core/cases/calendar-date';
import type { MethodOutput } from '../../shared/contract';
import { coreSession } from '../helpers/core';

const ingrid = { names: ['Ingrid Ødegård-Bakken'], emails: ['ingrid.odegard@example.no'], phones: [], nationalIds: [], others: [] };
const entries = (zip: string) => spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.length > 0);

describe('formats over the contract', () => {
  it('export:run refuses a choice without json or xlsx before the save dialog, and writes only what was chosen', async () => {
    const { dispatch, call, out } = coreSession();
    await call('workspace:import', {});
    const { runId } = await call<MethodOutput<'search:run'>>('search:run', { subject: ingrid });
    for (const formats of [['eml'], [], ['json', 'pdf']]) {
      const r = await dispatch('export:run', { runId, lang: 'nb', minConfidence: 'high', formats });
      expect(r, JSON.stringify(formats)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const refused = await dispatch('export:run', { runId, lang: 'en', minConfidence: 'high', formats: ['eml'] });
    expect(!refused.ok && refused.error.details?.join(' ')).toMatch(/formats: Choose json or xlsx/);
    expect(readdirSync(out)).toEqual([]);

    const done = await call<MethodOutput<'export:run'>>('export:run', { runId, lang: 'en', minConfidence: 'high', formats: ['json'] });
    const names = entries(done.path!);
    expect(names).toContain('data/data.json');
    expect(names.some((n) => n.endsWith('.xlsx') || n.startsWith('mail/'))).toBe(false);
    expect(done.files).toBe(names.length);
  });

  it('case:coverLetter previews the letter for the chosen formats', async () => {
    const { call } = coreSession();
    await call('workspace:import', {});
    const { ref } = await call<{ ref: string }>('case:create', { subject: ingrid, channel: 'email', received: todayIn(new Date()) });
    await call('case:verify', { ref, method: 'BankID', by: 'Siri DPO' });
    await call('case:search', { ref });
    const text = async (formats?: string[]) =>
      (await call<MethodOutput<'case:coverLetter'>>('case:coverLetter', { ref, lang: 'en', ...(formats ? { formats } : {}) })).sections
        .flatMap((s) => s.paragraphs)
        .join('\n');
    const all = await text();
    for (const file of ['data/data.json', 'data/data.xlsx', 'mail/']) expect(all).toContain(file);
    const xlsxOnly = await text(['xlsx']);
    expect(xlsxOnly).toContain('data/data.xlsx');
    for (const file of ['data.json', 'mail/', '.eml', 'JSON']) expect(xlsxOnly, file).not.toContain(file);
  });
});
