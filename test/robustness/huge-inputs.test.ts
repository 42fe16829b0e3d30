import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import * as hostile from './support/hostile-files';
import { parseJson, runGuarded } from './support/run-innsyn';

const demo = (p: string) => path.join(projectRoot, 'resources', 'demo', p);
const email = 'ingrid.odegard@example.no';
const GiB = 1024 ** 3;

interface SourceOutcome {
  id: string;
  status: 'ok' | 'partial' | 'error';
  problems?: string[];
  scanned: number;
  hits: number;
}

async function searchAll(dir: string, sources: Array<Record<string, unknown>>) {
  const ws = writeWorkspace(dir, sources);
  const run = await runGuarded(['search', '--json', '--workspace', ws, '--email', email], {
    dataDir: hostile.mkdirp(dir, 'data'),
    timeoutMs: 240_000,
  });
  expect(run.timedOut, `hung; stderr: ${run.stderr}`).toBe(false);
  expect(run.signal).toBeNull();
  const result = parseJson<{ sources: SourceOutcome[] }>(run);
  return { run, byId: new Map(result.sources.map((s) => [s.id, s])) };
}

/**
 * Inputs far larger than memory should ever need to be. Memory is checked as the peak RSS of
 * the real CLI process: it must stay well below the size of the input, which proves the
 * readers stream and cut off instead of holding a gigabyte-long line as one string.
 */
describe('huge hostile inputs stay within bounded memory', () => {
  it('CSV: a 1 GiB line, an unclosed quote at the start of a large file, 100,000 columns', async () => {
    const dir = tempDir('innsyn-huge-csv-');
    const { run, byId } = await searchAll(dir, [
      { id: 'good', kind: 'csv', path: demo('kunder') },
      { id: 'long-line', kind: 'csv', path: hostile.writeLongLine(dir, 'long-line.csv', GiB, 'navn,epost\n') },
      { id: 'unclosed', kind: 'csv', path: hostile.writeUnclosedQuoteCsv(dir, 'unclosed.csv', 200_000, email) },
      { id: 'wide', kind: 'csv', path: hostile.writeWideCsv(dir, 'wide.csv', 100_000, email) },
    ]);
    console.info(`huge CSV inputs: peak RSS ${run.peakRssMb} MiB in ${run.ms} ms`);
    expect(run.code, run.stderr).toBe(3);
    expect(run.peakRssMb).toBeLessThan(768);
    expect(byId.get('good')).toMatchObject({ status: 'ok', hits: 1 });
    expect(byId.get('long-line')).toMatchObject({ status: 'partial', problems: expect.arrayContaining([expect.stringMatching(/long-line: .*longer than \d+ characters/)]) });
    // The quote swallows the file up to the field limit; the rows after it are still read.
    const unclosed = byId.get('unclosed')!;
    expect(unclosed.status).toBe('partial');
    expect(unclosed.problems?.join('\n')).toMatch(/unclosed: .*(unclosed quote|longer than)/);
    expect(unclosed.hits).toBeGreaterThan(0);
    expect(byId.get('wide')).toMatchObject({ status: 'ok', scanned: 2, hits: 1 });
  }, 400_000);

  it('mail: a 1 GiB line in an mbox and in a message file', async () => {
    const dir = tempDir('innsyn-huge-mail-');
    const { run, byId } = await searchAll(dir, [
      { id: 'good', kind: 'mailbox', path: demo('support.mbox') },
      {
        id: 'mbox-line',
        kind: 'mailbox',
        path: hostile.writeSparseLongLine(dir, 'long-line.mbox', GiB, 'From x@example.no Mon Jan  1 00:00:00 2024\nFrom: x@example.no\nSubject: lang\n\n'),
      },
      { id: 'eml-line', kind: 'mailbox', path: hostile.writeSparseLongLine(dir, 'long-line.eml', GiB, 'From: x@example.no\r\nSubject: lang\r\n\r\n') },
    ]);
    console.info(`huge mail inputs: peak RSS ${run.peakRssMb} MiB in ${run.ms} ms`);
    expect(run.code, run.stderr).toBe(3);
    expect(run.peakRssMb).toBeLessThan(1024);
    expect(byId.get('good')).toMatchObject({ status: 'ok' });
    expect(byId.get('good')!.hits).toBeGreaterThan(0);
    expect(byId.get('mbox-line')).toMatchObject({ status: 'partial', problems: [expect.stringMatching(/long-line\.mbox message #1 is larger than/)] });
    expect(byId.get('eml-line')).toMatchObject({ status: 'partial', problems: [expect.stringMatching(/long-line\.eml is larger than/)] });
  }, 400_000);
});
