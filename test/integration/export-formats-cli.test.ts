import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseRegister } from '../../electron/core/cases/case-register';
import { openStore } from '../../electron/core/store/store';
import { runCli } from '../helpers/cli';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';

const demoWorkspace = path.join(projectRoot, 'resources', 'demo', 'workspace.json');
const person = ['--name', 'Ingrid Ødegård-Bakken', '--email', 'ingrid.odegard@example.no', '--phone', '+47 913 45 678'];
const SLOW = 600_000; // each CLI start compiles TypeScript

/** Entry names as Info-ZIP lists them. */
function entries(zip: string): string[] {
  const run = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`unzip failed: ${run.stderr}`);
  return run.stdout.split('\n').filter((l) => l.length > 0);
}

describe('innsyn export --formats', () => {
  it('writes only the chosen formats and says which in its summary', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    const run = await runCli(['export', '--workspace', demoWorkspace, ...person, '--out', out, '--formats', ' XLSX, eml ', '--json'], { dataDir: dir });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { formats: string[]; files: number; verified: boolean };
    expect(summary).toMatchObject({ formats: ['xlsx', 'eml'], verified: true });
    const names = entries(out);
    expect(names).toContain('data/data.xlsx');
    expect(names.some((n) => n.startsWith('data/data.json') || n === 'data/schema.json')).toBe(false);
    expect(names).toHaveLength(summary.files);
    const manifest = JSON.parse(spawnSync('unzip', ['-p', out, 'manifest.json'], { encoding: 'utf8' }).stdout) as { formats: string[] };
    expect(manifest.formats).toEqual(['xlsx', 'eml']);
  }, SLOW);

  for (const [value, message] of [
    ['json,pdf', /Unknown package format\(s\): pdf/],
    ['eml', /choose json or xlsx/],
    [',', /--formats needs a list/],
  ] as const) {
    it(`is a usage error (exit 2) for --formats "${value}", before anything is searched or written`, async () => {
      const dir = tempDir();
      const out = path.join(dir, 'ut', 'svar.zip');
      const run = await runCli(['export', '--workspace', demoWorkspace, ...person, '--out', out, '--formats', value], { dataDir: dir });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('--formats json,xlsx');
      expect(existsSync(path.dirname(out))).toBe(false);
    }, SLOW);
  }

  it('with --case writes the chosen formats and records them in the audit trail', async () => {
    const dir = tempDir();
    const cli = async (args: string[], code = 0) => {
      const run = await runCli(args, { dataDir: dir });
      expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(code);
      return run;
    };
    await cli(['workspace', 'import', demoWorkspace]);
    const { ref } = JSON.parse((await cli(['case', 'add', ...person, '--channel', 'email', '--json'])).stdout) as { ref: string };
    await cli(['case', 'verify', ref, '--method', 'BankID', '--by', 'DPO']);
    await cli(['search', '--case', ref, '--json']);

    const bad = await cli(['export', '--case', ref, '--out', path.join(dir, 'bad.zip'), '--formats', 'eml'], 2);
    expect(bad.stderr).toMatch(/choose json or xlsx/);
    expect(existsSync(path.join(dir, 'bad.zip'))).toBe(false);

    const zip = path.join(dir, 'svar.zip');
    await cli(['export', '--case', ref, '--out', zip, '--formats', 'json']);
    const names = entries(zip);
    expect(names).toEqual(expect.arrayContaining(['data/data.json', 'data/schema.json']));
    expect(names.some((n) => n.endsWith('.xlsx') || n.endsWith('.eml'))).toBe(false);

    const db = openStore(dir);
    try {
      const exported = new CaseRegister(db).auditEntries(ref).filter((e) => e.event === 'export');
      expect(exported).toHaveLength(1);
      expect(exported[0].data.formats).toEqual(['json']);
      expect((exported[0].data.manifest as { formats: string[] }).formats).toEqual(['json']);
    } finally {
      db.close();
    }
  }, SLOW);
});
