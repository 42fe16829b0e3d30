import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { prefilterTerms } from '../../../electron/core/match/prefilter';
import { prepareSubject } from '../../../electron/core/match/prepare';
import { openFastCsvRows, type IndexedRow } from '../../../electron/core/search/prefilter/fast-csv-rows';
import { runSearch } from '../../../electron/core/search/run-search';
import { detectCsvFormat } from '../../../electron/core/sources/csv/format';
import { CsvDecoder } from '../../../electron/core/sources/csv/decoder';
import { CsvReader } from '../../../electron/core/sources/csv/reader';
import { readFileSync } from 'node:fs';
import { tempDir } from '../../helpers/temp';
import { benchSubject } from './data/subject';
import { writeTrickyCorpus } from './tricky-corpus';

/**
 * Correctness before speed: the CSV fast path (raw byte prefilter in worker threads) must
 * give exactly what the simple path gives, on files made to trip it up.
 */
const saved = process.env.INNSYN_FAST_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.INNSYN_FAST_PATH;
  else process.env.INNSYN_FAST_PATH = saved;
});

async function search(file: string, fast: boolean) {
  process.env.INNSYN_FAST_PATH = fast ? 'on' : 'off';
  const result = await runSearch({ sources: [{ id: 'csv', kind: 'csv', path: file }], subject: benchSubject });
  const s = result.sources[0];
  return { hits: result.hits, status: s.status, scanned: s.scanned, problems: s.problems ?? [], error: s.error };
}

describe('CSV fast path equals the simple path', () => {
  const dir = () => tempDir('innsyn-fastpath-');

  it('returns the same hits, problems and record counts through runSearch', async () => {
    for (const f of writeTrickyCorpus(dir())) {
      const simple = await search(f.file, false);
      const fast = await search(f.file, true);
      expect(simple.hits.length, f.name).toBeGreaterThan(0);
      expect(fast, f.name).toEqual(simple);
    }
  });

  it('gives every row the reader has a problem with, or that may match, with its record and line, at any block and segment size', async () => {
    const subject = prepareSubject(benchSubject);
    for (const f of writeTrickyCorpus(dir())) {
      const format = await detectCsvFormat(f.file);
      // Every row as the reader sees it, by position.
      const reader = new CsvReader(format.delimiter);
      const decoder = new CsvDecoder(format.encoding);
      const bytes = readFileSync(f.file).subarray(format.bomLength);
      const all = [...reader.push(decoder.decode(bytes)), ...reader.push(decoder.end()), ...reader.end()];
      const tunings = [{ blockBytes: 37, segmentBytes: 53, workerThreshold: 0 }, { blockBytes: 64, segmentBytes: 1 << 20, maxCandidateBytes: 50 }, {}];
      for (const tuning of tunings) {
        const rows = await openFastCsvRows({
          file: f.file,
          fileSize: statSync(f.file).size,
          start: format.bomLength,
          encoding: format.encoding,
          delimiter: format.delimiter,
          terms: prefilterTerms(subject),
          signal: new AbortController().signal,
          tuning,
        });
        if (rows === null) {
          // Declined before reading: only for encodings or mixed files the raw pass cannot reproduce.
          expect(['utf16le-bom.csv', 'utf8-late-1252.csv'], f.name).toContain(f.name);
          continue;
        }
        const got: IndexedRow[] = [];
        for await (const batch of rows) got.push(...batch);
        for (const row of got) expect({ ...all[row.index] }, `${f.name} row ${row.index}`).toEqual({ fields: row.fields, line: row.line, ...(row.problem ? { problem: row.problem } : {}) });
        const wanted = all.flatMap((r, i) => (i === 0 || r.problem || r.fields.length !== all[0].fields.length || r.fields.some((v) => /sunniva|bj(ø|o|oe|ö)rnst|91.?34|150385/i.test(v)) ? [i] : []));
        const indexes = new Set(got.map((r) => r.index));
        for (const i of wanted) expect(indexes.has(i), `${f.name} row ${i} (${JSON.stringify(tuning)})`).toBe(true);
      }
    }
  });
});
