import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { parseJson, runGuarded } from './support/run-innsyn';

const demoDir = path.join(projectRoot, 'resources', 'demo');
const person = ['--name', 'Ingrid Ødegård-Bakken', '--email', 'ingrid.odegard@example.no', '--phone', '+47 913 45 678'];

/**
 * The offline guarantee, proven on the real CLI: every step of the demo flow runs with the
 * network guard preloaded, which refuses and records any DNS lookup, TCP/TLS/HTTP connection,
 * fetch or UDP packet. The demo workspace names no database server, so nothing may go out.
 */
describe('offline guarantee (CLI)', () => {
  it('runs the whole demo flow without a single network attempt', async () => {
    const dataDir = tempDir('innsyn-offline-');
    const out = path.join(dataDir, 'out');
    const steps: Array<{ name: string; args: string[] }> = [
      { name: 'demo', args: ['demo', '--out', path.join(out, 'demo.zip')] },
      { name: 'workspace import', args: ['workspace', 'import', path.join(demoDir, 'workspace.json')] },
      { name: 'workspace show', args: ['workspace', 'show'] },
      { name: 'search', args: ['search', '--json', ...person] },
      { name: 'export', args: ['export', ...person, '--out', path.join(out, 'answer.zip'), '--lang', 'en'] },
    ];
    for (const step of steps) {
      const run = await runGuarded(step.args, { dataDir, timeoutMs: 120_000 });
      expect(run.network, `${step.name} tried the network`).toEqual([]);
      expect(run.timedOut, step.name).toBe(false);
      expect(run.code, `${step.name}: ${run.stderr}`).toBe(0);
      // Diagnostics carry ids and counts, never the person's identifiers.
      for (const id of ['ingrid.odegard', 'Ødegård', '913 45 678', '91345678']) expect(run.stderr, step.name).not.toContain(id);
      if (step.name === 'search') {
        const result = parseJson<{ hits: unknown[] }>(run);
        expect(result.hits.length).toBeGreaterThan(0);
      }
    }
    expect(existsSync(path.join(out, 'demo.zip'))).toBe(true);
    expect(existsSync(path.join(out, 'answer.zip'))).toBe(true);
    // Five CLI processes; on a loaded 2-core CI machine each one takes several seconds to start.
  }, 300_000);
});
