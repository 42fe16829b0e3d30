import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/corpora';
import { MY } from '../helpers/databases';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import { runGuarded, type GuardedRun } from './support/run-innsyn';

/** A password nobody would write by accident, so finding it anywhere is a leak. */
const CANARY = 'Kanari-9f3c-Passord-7Q';
const demo = (p: string) => path.join(projectRoot, 'resources', 'demo', p);
const person = ['--email', 'ingrid.odegard@example.no'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** Where the canary was found: as UTF-8 or UTF-16 bytes (SQLite may store either), or inside a ZIP. */
function leaksIn(file: string): boolean {
  if (!statSync(file).isFile()) return false;
  const bytes = readFileSync(file);
  if (bytes.includes(Buffer.from(CANARY, 'utf8')) || bytes.includes(Buffer.from(CANARY, 'utf16le'))) return true;
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
    // Entries are deflated: read them back with an independent unzip.
    return execFileSync('unzip', ['-p', file], { maxBuffer: 256 * 1024 * 1024 }).includes(Buffer.from(CANARY));
  }
  return false;
}

/**
 * Database passwords come from an environment variable named in the workspace, never from the
 * workspace itself. After connections fail with a canary password (MariaDB refuses it;
 * PostgreSQL is unreachable), the canary must not appear on stdout or stderr of any command,
 * in any file of the data folder (database, WAL, logs, audit trail), or in the package.
 */
describe('secrets never leak', () => {
  it('a canary password is nowhere after failed connections: output, data folder, audit trail, package', async () => {
    const dir = tempDir('innsyn-secrets-');
    const dataDir = path.join(dir, 'data');
    const env = { INNSYN_ROBUST_PASSWORD: CANARY };
    const ws = writeWorkspace(dir, [
      { id: 'kunder', kind: 'csv', path: demo('kunder') },
      { id: 'maria', kind: 'mysql', connection: `mysql://root@${MY.host}:${MY.port}/test`, passwordEnv: 'INNSYN_ROBUST_PASSWORD' },
      { id: 'pg', kind: 'postgres', connection: 'postgres://dpo@127.0.0.1:1/shop', passwordEnv: 'INNSYN_ROBUST_PASSWORD' },
    ]);
    const runs: GuardedRun[] = [];
    const cli = async (args: string[]) => {
      const run = await runGuarded(args, { dataDir, env, allowHosts: ['127.0.0.1:3306', '127.0.0.1:1'], timeoutMs: 120_000 });
      runs.push(run);
      return run;
    };

    expect((await cli(['workspace', 'import', ws])).code).toBe(0);
    const added = await cli(['case', 'add', '--channel', 'email', ...person, '--json']);
    expect(added.code, added.stderr).toBe(0);
    const ref = (JSON.parse(added.stdout) as { ref: string }).ref;
    const verified = await cli(['case', 'verify', ref, '--method', 'known e-mail address', '--by', 'Siri Personvern']);
    expect(verified.code, verified.stderr).toBe(0);
    const search = await cli(['search', '--case', ref, '--json']);
    expect(search.code, search.stderr).toBe(3);
    const sources = (JSON.parse(search.stdout) as { sources: Array<{ id: string; status: string; error?: string }> }).sources;
    // The failures are real and explained (user, host, the variable's name), only without the secret.
    expect(sources.find((s) => s.id === 'maria')).toMatchObject({ status: 'error', error: expect.stringMatching(/INNSYN_ROBUST_PASSWORD/) });
    expect(sources.find((s) => s.id === 'pg')).toMatchObject({ status: 'error', error: expect.stringMatching(/127\.0\.0\.1:1/) });
    const out = path.join(dir, 'out', 'svar.zip');
    const exported = await cli(['export', '--case', ref, '--out', out, '--allow-incomplete']);
    expect(exported.code, exported.stderr).toBe(3);
    expect(existsSync(out)).toBe(true);
    await cli(['case', 'audit', ref]);
    await cli(['case', 'show', ref, '--json']);
    await cli(['workspace', 'show']);

    for (const run of runs) {
      expect(run.stdout).not.toContain(CANARY);
      expect(run.stderr).not.toContain(CANARY);
    }
    const leaking = [...filesUnder(dataDir), ...filesUnder(path.dirname(out))].filter(leaksIn);
    expect(leaking).toEqual([]);
  }, 300_000);

  it('a workspace with a password in its connection URL is refused without repeating the password', async () => {
    const dir = tempDir('innsyn-secrets-url-');
    const ws = writeWorkspace(dir, [{ id: 'shop', kind: 'postgres', connection: `postgres://dpo:${CANARY}@db.internal/shop` }]);
    const run = await runGuarded(['workspace', 'import', ws], { dataDir: path.join(dir, 'data'), timeoutMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/must not contain a password/);
    expect(run.stdout + run.stderr).not.toContain(CANARY);
    expect(run.network).toEqual([]);
    const stored = existsSync(path.join(dir, 'data')) ? filesUnder(path.join(dir, 'data')).filter(leaksIn) : [];
    expect(stored).toEqual([]);
  }, 120_000);
});
