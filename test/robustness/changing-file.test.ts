import { appendFileSync, closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import { parseJson, runGuarded } from './support/run-innsyn';

const email = 'ingrid.odegard@example.no';

/**
 * An export that is still being written while the DPO searches it: the test keeps appending
 * rows for as long as the CLI runs. The search must finish, find what was there, and say
 * that the file changed, so the DPO searches again instead of trusting a mixed snapshot.
 */
describe('a file that changes while it is scanned', () => {
  it('finishes, finds the rows, and reports the change with the file name', async () => {
    const dir = tempDir('innsyn-changing-');
    const csv = path.join(dir, 'eksport.csv');
    const fd = openSync(csv, 'w');
    writeSync(fd, 'id;navn;epost\n');
    let rows = '';
    for (let i = 1; i <= 400_000; i++) rows += `${i};Kunde ${i};${i % 100_000 === 0 ? email : `k${i}@example.no`}\n`;
    writeSync(fd, rows);
    closeSync(fd);
    const ws = writeWorkspace(dir, [{ id: 'eksport', kind: 'csv', path: csv }]);
    let next = 400_001;
    const writer = setInterval(() => appendFileSync(csv, `${next};Kunde ${next++};ny@example.no\n`), 5);
    try {
      const run = await runGuarded(['search', '--json', '--workspace', ws, '--email', email], { dataDir: path.join(dir, 'data'), timeoutMs: 120_000 });
      const result = parseJson<{ sources: Array<{ status: string; problems?: string[]; hits: number }> }>(run);
      expect(run.code, run.stderr).toBe(3);
      expect(result.sources[0]).toMatchObject({ status: 'partial', hits: 4 });
      expect(result.sources[0].problems?.join('\n')).toMatch(/eksport: the file changed while it was being searched/);
    } finally {
      clearInterval(writer);
    }
  }, 180_000);
});
