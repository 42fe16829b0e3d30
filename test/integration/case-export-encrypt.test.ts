import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/core/cases/calendar-date';
import type { MethodOutput } from '../../shared/contract';
import { projectRoot } from '../helpers/corpora';
import { coreSession } from '../helpers/core';
import { tempDir } from '../helpers/temp';

/** The demo workspace in a temp folder, optionally with a database source that cannot be reached. */
function demoWorkspace(withBrokenSource: boolean): string {
  const dir = tempDir();
  cpSync(path.join(projectRoot, 'resources', 'demo'), dir, { recursive: true });
  const file = path.join(dir, 'workspace.json');
  if (withBrokenSource) {
    const ws = JSON.parse(readFileSync(file, 'utf8')) as { sources: unknown[] };
    // Port 1: refused at once, so the search reports the source as failed without waiting.
    ws.sources.push({ id: 'arkiv', kind: 'mysql', connection: 'mysql://innsyn@127.0.0.1:1/arkiv' });
    writeFileSync(file, JSON.stringify(ws));
  }
  return file;
}

async function searchedCase(withBrokenSource: boolean) {
  const { dispatch, call } = coreSession({ workspace: demoWorkspace(withBrokenSource) });
  await call('workspace:import', {});
  const { ref } = await call<{ ref: string }>('case:create', {
    subject: { names: ['Ingrid Ødegård-Bakken'], emails: ['ingrid.odegard@example.no'] },
    channel: 'email',
    received: todayIn(new Date()),
  });
  await call('case:verify', { ref, method: 'BankID', by: 'Siri DPO' });
  await call('case:search', { ref });
  return { ref, dispatch, call };
}

type Exported = MethodOutput<'case:export'>;

describe('case:export encrypted and incomplete', () => {
  it('encrypts with a generated passphrase returned once, which 7-Zip needs and the audit trail never holds', async () => {
    const { ref, call } = await searchedCase(false);
    const res = await call<Exported>('case:export', { ref, lang: 'nb', minConfidence: 'high', encrypt: true });
    expect(res).toMatchObject({ verified: true, complete: true });
    expect(res.passphrase).toMatch(/^([346789A-HJKMNP-RT-Y]{4}-){5}[346789A-HJKMNP-RT-Y]{4}$/);
    expect(spawnSync('7z', ['t', `-p${res.passphrase}`, res.path!]).status).toBe(0);
    expect(spawnSync('7z', ['t', '-pAAAA-AAAA-AAAA-AAAA-AAAA-AAAA', res.path!]).status).not.toBe(0);

    const audit = await call<MethodOutput<'case:audit'>>('case:audit', { ref });
    const text = JSON.stringify(audit);
    expect(text).toContain('export');
    expect(text).not.toContain(res.passphrase!);
    // Without encrypt there is no passphrase at all.
    const again = await call<Exported>('case:export', { ref, lang: 'en', minConfidence: 'high' });
    expect(again.passphrase).toBeNull();
  }, 120_000);

  it('refuses an incomplete case export unless allowIncomplete is given, and then says it is incomplete', async () => {
    const { ref, dispatch, call } = await searchedCase(true);
    const refused = await dispatch('case:export', { ref, lang: 'nb', minConfidence: 'high' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INCOMPLETE' } });
    const res = await call<Exported>('case:export', { ref, lang: 'nb', minConfidence: 'high', allowIncomplete: true });
    expect(res).toMatchObject({ verified: true, complete: false });
    expect(await dispatch('case:export', { ref, lang: 'nb', minConfidence: 'high', encrypt: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  }, 120_000);
});
