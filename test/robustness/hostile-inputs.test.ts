import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import * as hostile from './support/hostile-files';
import { parseJson, runGuarded } from './support/run-innsyn';

const demo = (p: string) => path.join(projectRoot, 'resources', 'demo', p);
const email = 'ingrid.odegard@example.no';

interface SourceOutcome {
  id: string;
  status: 'ok' | 'partial' | 'error';
  error?: string;
  problems?: string[];
  hits: number;
}

/**
 * Every kind of broken or hostile file, each as its own source next to two healthy ones, in
 * one real CLI run. For each: the CLI neither crashes nor hangs (hard timeout), memory stays
 * bounded (peak RSS of the process), the broken file is named in its source's error or
 * problems, the healthy sources are searched normally, and the exit code is 3.
 */
describe('hostile and broken files, per source kind', () => {
  it('reports each broken file by path, searches everything else, and exits 3', async () => {
    const dir = tempDir('innsyn-hostile-');
    const f = (name: string) => mkdirp(dir, name);
    const mkdirp = (...p: string[]) => hostile.mkdirp(...p);

    // A CSV folder where one file is fine and the others are every way a "file" can be wrong.
    const csvDir = f('csv-folder');
    copyFileSync(demo('kunder/kunde.csv'), path.join(csvDir, 'kunde.csv'));
    hostile.writeGarbage(csvDir, 'garbage.csv');
    hostile.writeEmpty(csvDir, 'empty.csv');
    hostile.writeInvalidUtf8Csv(csvDir, 'invalid-utf8.csv', email);
    mkdirSync(path.join(csvDir, 'a-folder.csv'));
    hostile.makeFifo(csvDir, 'fifo.csv');
    hostile.addSymlinkLoops(csvDir);

    // A mail folder with the same traps around one good message file.
    const mailDir = f('mail-folder');
    hostile.writeMboxWithoutFromLines(mailDir, 'no-from-lines.mbox', email);
    hostile.writeGarbage(mailDir, 'garbage.eml');
    hostile.writeEmpty(mailDir, 'empty.eml');
    hostile.writeDeepMime(mailDir, 'nested-1000.eml', 1000);
    hostile.writeBase64InBase64(mailDir, 'base64-in-base64.eml', email);
    hostile.writeUnclosedMultipart(mailDir, 'unclosed-multipart.eml', email);
    hostile.writeGarbage(mailDir, 'garbage.pst');
    hostile.writeTruncatedPst(mailDir, 'truncated.pst');
    hostile.makeFifo(mailDir, 'fifo.eml');
    hostile.addSymlinkLoops(mailDir);

    const files = f('files');
    const sources = [
      { id: 'good-csv', kind: 'csv', path: demo('kunder') },
      { id: 'good-mbox', kind: 'mailbox', path: demo('support.mbox') },
      { id: 'csv-folder', kind: 'csv', path: csvDir },
      { id: 'csv-garbage', kind: 'csv', path: hostile.writeGarbage(files, 'garbage.csv') },
      { id: 'csv-empty', kind: 'csv', path: hostile.writeEmpty(files, 'empty.csv') },
      { id: 'csv-fifo', kind: 'csv', path: hostile.makeFifo(files, 'fifo-alone.csv') },
      { id: 'mail-folder', kind: 'mailbox', path: mailDir },
      { id: 'eml-garbage', kind: 'mailbox', path: hostile.writeGarbage(files, 'garbage.eml') },
      { id: 'eml-empty', kind: 'mailbox', path: hostile.writeEmpty(files, 'empty.eml') },
      { id: 'pst-garbage', kind: 'mailbox', path: hostile.writeGarbage(files, 'garbage.pst') },
      { id: 'pst-truncated', kind: 'mailbox', path: hostile.writeTruncatedPst(files, 'truncated.pst') },
      { id: 'mbox-fifo', kind: 'mailbox', path: hostile.makeFifo(files, 'fifo-alone.mbox') },
      { id: 'sqlite-corrupt', kind: 'sqlite', path: hostile.writeCorruptSqlite(files, 'corrupt.sqlite') },
      { id: 'sqlite-encrypted', kind: 'sqlite', path: hostile.writeEncryptedSqlite(files, 'encrypted.sqlite') },
      { id: 'sqlite-empty', kind: 'sqlite', path: hostile.writeEmpty(files, 'empty.sqlite') },
      { id: 'sqlite-folder', kind: 'sqlite', path: f('a-folder.sqlite') },
      { id: 'sqlite-fifo', kind: 'sqlite', path: hostile.makeFifo(files, 'fifo.sqlite') },
    ];
    const ws = writeWorkspace(dir, sources);
    const run = await runGuarded(['search', '--json', '--workspace', ws, '--email', email], { dataDir: f('data'), timeoutMs: 150_000 });

    expect(run.timedOut, `hung; stderr: ${run.stderr}`).toBe(false);
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(3);
    expect(run.peakRssMb).toBeLessThan(600);
    const result = parseJson<{ sources: SourceOutcome[] }>(run);
    const byId = new Map(result.sources.map((s) => [s.id, s]));
    const said = (id: string) => JSON.stringify(byId.get(id));

    expect(byId.get('good-csv')).toMatchObject({ status: 'ok', hits: expect.any(Number) });
    expect(byId.get('good-csv')!.hits).toBeGreaterThan(0);
    expect(byId.get('good-mbox')).toMatchObject({ status: 'ok' });
    expect(byId.get('good-mbox')!.hits).toBeGreaterThan(0);

    // A folder source: the good file is searched, each broken one named in a problem.
    const csvFolder = byId.get('csv-folder')!;
    expect(csvFolder.hits, said('csv-folder')).toBeGreaterThan(0);
    expect(csvFolder.status).toBe('partial');
    // CSV problems name the table, which is the file name without .csv.
    for (const name of ['garbage:', 'a-folder.csv', 'fifo.csv', 'selv.csv']) expect(said('csv-folder')).toContain(name);

    const mailFolder = byId.get('mail-folder')!;
    expect(mailFolder.hits, said('mail-folder')).toBeGreaterThan(0);
    expect(mailFolder.status).toBe('partial');
    for (const name of ['garbage.eml', 'empty.eml', 'garbage.pst', 'truncated.pst', 'fifo.eml', 'nested-1000.eml', 'loop', 'selv.csv']) {
      expect(said('mail-folder')).toContain(name);
    }

    // A source that is one broken file: an error naming the file, never "ok" with nothing found.
    // (An empty CSV file is an empty table: searched, nothing found, status ok.)
    expect(byId.get('csv-empty')).toMatchObject({ status: 'ok', scanned: 0, hits: 0 });
    for (const s of sources.slice(3)) {
      if (s.id === 'mail-folder' || s.id === 'csv-empty') continue;
      const out = byId.get(s.id)!;
      expect(out.status, said(s.id)).not.toBe('ok');
      // The source is the file: its error names the path, or its problem the file ("garbage: ...").
      // An empty SQLite file is a valid database with no tables, and says exactly that.
      const text = said(s.id);
      const named = text.includes(path.basename(s.path)) || text.includes(`${path.parse(s.path).name}:`) || (s.id === 'sqlite-empty' && /no tables/.test(text));
      expect(named, text).toBe(true);
    }
    expect(run.network).toEqual([]);
  }, 200_000);
});
