import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('export after a crash', () => {
  it('removes the staging folder and partial ZIP a killed export left behind, but not a running export’s', async () => {
    const dir = tempDir();
    const dead = deadPid();
    const live = spawn('sleep', ['60']);
    try {
      const deadStaging = path.join(dir, `.innsyn-staging-${dead}-abc123`);
      mkdirSync(path.join(deadStaging, 'data'), { recursive: true });
      writeFileSync(path.join(deadStaging, 'data', 'data.json'), '{"personal": "data"}');
      const deadPartial = path.join(dir, `.svar.zip.${dead}-0a1b2c3d.partial`);
      writeFileSync(deadPartial, 'PK');
      const liveStaging = path.join(dir, `.innsyn-staging-${live.pid}-def456`);
      mkdirSync(liveStaging);
      const unrelated = path.join(dir, '.innsyn-staging-notes.txt');
      writeFileSync(unrelated, 'not ours');

      const run = await runCli(['demo', '--out', path.join(dir, 'svar.zip')], { dataDir: tempDir() });
      expect(run.code, run.stderr).toBe(0);
      expect(existsSync(deadStaging)).toBe(false);
      expect(existsSync(deadPartial)).toBe(false);
      expect(existsSync(liveStaging)).toBe(true);
      expect(existsSync(unrelated)).toBe(true);
      expect(existsSync(path.join(dir, 'svar.zip'))).toBe(true);
    } finally {
      live.kill();
    }
  });

  it('refuses to export when a source was read only in part, unless the DPO allows it', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'kunder.csv');
    writeFileSync(csv, 'navn;epost\r\nKari Nordmann;kari@example.no\r\n"Ola;ola@example.no\r\n');
    const ws = writeWorkspace(dir, [
      { id: 'crm', kind: 'csv', path: csv },
      { id: 'demo', kind: 'csv', path: path.join(projectRoot, 'resources', 'demo', 'kunder') },
    ]);
    const out = path.join(dir, 'svar.zip');
    const refused = await runCli(['export', '--workspace', ws, '--email', 'kari@example.no', '--out', out], { dataDir: dir });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/crm \(read only in part\).*--allow-incomplete/s);
    expect(existsSync(out)).toBe(false);

    const allowed = await runCli(['export', '--workspace', ws, '--email', 'kari@example.no', '--out', out, '--allow-incomplete', '--json'], {
      dataDir: dir,
    });
    expect(allowed.code).toBe(3);
    const summary = JSON.parse(allowed.stdout);
    expect(summary.complete).toBe(false);
    expect(summary.sources.find((s: { id: string }) => s.id === 'crm')).toMatchObject({ status: 'partial' });
    expect(existsSync(out)).toBe(true);
  });
});
