import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { prefilterTerms } from '../../../electron/core/match/prefilter';
import { prepareSubject } from '../../../electron/core/match/prepare';
import { openFastCsvRows, type IndexedRow } from '../../../electron/core/search/prefilter/fast-csv-rows';
import { nativeScan } from '../../../electron/core/search/prefilter/native-scan';
import { runSearch } from '../../../electron/core/search/run-search';
import { detectCsvFormat, hasControlCharacters } from '../../../electron/core/sources/csv/format';
import { CsvDecoder } from '../../../electron/core/sources/csv/decoder';
import { CsvReader } from '../../../electron/core/sources/csv/reader';
import { columnNames, rowFields } from '../../../electron/core/sources/csv/header';
import { matchRecord } from '../../../electron/core/match/match-record';
import { readFileSync } from 'node:fs';
import { tempDir } from '../../helpers/temp';
import { benchSubject } from './data/subject';
import { writeTrickyCorpus } from './tricky-corpus';

/**
 * Correctness before speed: the CSV fast path (raw byte prefilter in worker threads) must
 * give exactly what the simple path gives, on files made to trip it up.
 */
const saved = { fast: process.env.INNSYN_FAST_PATH, native: process.env.INNSYN_NATIVE_SCAN };
afterEach(() => {
  for (const [name, value] of [['INNSYN_FAST_PATH', saved.fast], ['INNSYN_NATIVE_SCAN', saved.native]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** The raw pass in C (native/csv-scan) and in JavaScript must agree with the reader; both are run. */
const NATIVE = ['on', 'off'] as const;

it('has the C pass built here, so both implementations are tested', () => {
  expect(nativeScan()).not.toBeNull();
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
      expect(simple.hits.length, f.name).toBeGreaterThan(0);
      for (const native of NATIVE) {
        process.env.INNSYN_NATIVE_SCAN = native;
        const fast = await search(f.file, true);
        expect(fast, `${f.name}, C pass ${native}`).toEqual(simple);
      }
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
      // Workers with tiny blocks and segments; in-process with many segments (one per turn of the
      // event loop, as below the worker threshold); in-process with few; the defaults.
      const tunings = [
        { blockBytes: 37, segmentBytes: 53, workerThreshold: 0 },
        { blockBytes: 41, segmentBytes: 47 },
        { blockBytes: 64, segmentBytes: 1 << 20, maxCandidateBytes: 50 },
        {},
      ];
      const names = columnNames(all[0].fields, format.header);
      const accepted = (i: number) => matchRecord({ fields: rowFields(all[i].fields, names, new Set()) }, subject) !== null;
      // The rows the search reports a problem for: the reader's, a wrong field count, control characters.
      const odd = (i: number) => i === 0 || Boolean(all[i].problem) || all[i].fields.length !== all[0].fields.length || hasControlCharacters(all[i].fields);
      for (const tuning of tunings) {
        for (const [withMatch, native] of [false, true].flatMap((m) => NATIVE.map((n) => [m, n] as const))) {
          process.env.INNSYN_NATIVE_SCAN = native;
          const rows = await openFastCsvRows({
            file: f.file,
            fileSize: statSync(f.file).size,
            start: format.bomLength,
            encoding: format.encoding,
            delimiter: format.delimiter,
            terms: prefilterTerms(subject),
            ...(withMatch ? { match: { subject: benchSubject, header: format.header, exclude: [] } } : {}),
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
          const where = `${f.name} (${JSON.stringify(tuning)}${withMatch ? ', matcher in the scan' : ''}, C pass ${native})`;
          for (const row of got) expect({ ...all[row.index] }, `${where} row ${row.index}`).toEqual({ fields: row.fields, line: row.line, ...(row.problem ? { problem: row.problem } : {}) });
          const indexes = new Set(got.map((r) => r.index));
          if (withMatch) {
            // Exactly the header, the rows with problems and the rows the matcher accepts.
            const wanted = all.flatMap((_, i) => (odd(i) || accepted(i) ? [i] : []));
            expect([...indexes].sort((a, b) => a - b), where).toEqual(wanted);
          } else {
            const wanted = all.flatMap((r, i) => (odd(i) || r.fields.some((v) => /sunniva|bj(ø|o|oe|ö)rnst|91.?34|150385/i.test(v)) ? [i] : []));
            for (const i of wanted) expect(indexes.has(i), `${where} row ${i}`).toBe(true);
          }
        }
      }
    }
  });
});
