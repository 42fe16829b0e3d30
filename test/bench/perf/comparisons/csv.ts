import type { BenchSizes } from '../config';
import { cached } from '../data/cache';
import { generateCsv } from '../data/gen-csv';
import { benchSubject } from '../data/subject';
import { measure, measureTask, type Measured } from '../measure';
import type { ResultRow } from '../report';
import { prefilterTerms } from '../../../../electron/core/match/prefilter';
import { prepareSubject } from '../../../../electron/core/match/prepare';

type TaskRun = Awaited<ReturnType<typeof measureTask>>;

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * DuckDB's side: the same file, and a WHERE clause that finds the same person. It is told
 * which column holds what (our search looks at every column), and digits with separators are
 * matched with one RE2 expression per term instead of stripping non-digits from every value
 * first (about nine times less CPU in DuckDB here): both choices only favour DuckDB.
 */
export function duckdbCsvQuery(file: string): string {
  const email = sqlString(benchSubject.emails[0].toLowerCase());
  const [first, last] = benchSubject.names[0].toLowerCase().split(' ').map(sqlString);
  const fullName = sqlString(benchSubject.names[0].toLowerCase());
  const spaced = (digits: string) => sqlString(digits.split('').join('[^0-9]*'));
  const phone = spaced(benchSubject.phones[0]);
  const id = spaced(benchSubject.nationalIds[0]);
  return `SELECT * FROM read_csv(${sqlString(file)}, delim=';', header=true, quote='"', escape='"', all_varchar=true)
WHERE lower(epost) = ${email} OR contains(lower(notat), ${email})
   OR (lower(fornavn) = ${first} AND lower(etternavn) = ${last}) OR contains(lower(notat), ${fullName})
   OR regexp_matches(telefon, ${phone}) OR regexp_matches(notat, ${phone})
   OR regexp_matches(fodselsnummer, ${id}) OR regexp_matches(notat, ${id})`;
}

export async function csvFile(rows: number, seed = 1): Promise<string> {
  return cached(`kunder-${rows}-s${seed}.csv`, (tmp) => generateCsv(tmp, rows, seed));
}

export async function compareCsv(sizes: BenchSizes, log: (s: string) => void, repeat = 1): Promise<ResultRow[]> {
  log(`csv: data (${sizes.csvRows} rows)`);
  const file = await csvFile(sizes.csvRows);
  const sources = [{ id: 'kunder', kind: 'csv', path: file }];
  const terms = prefilterTerms(prepareSubject(benchSubject));
  const rgArgs = ['-F', '-i', '-c', ...[...terms.text, ...terms.digits].flatMap((t) => ['-e', t]), file];
  // Each side `repeat` times, alternating, so a slow moment of the machine hits both; the fastest run counts.
  const runs: { fast: TaskRun[]; duck: TaskRun[]; rg: Measured[] } = { fast: [], duck: [], rg: [] };
  for (let k = 0; k < repeat; k++) {
    log(`csv: ours (fast path)${repeat > 1 ? ` ${k + 1}/${repeat}` : ''}`);
    runs.fast.push(await measureTask('search', { sources }));
    log('csv: DuckDB');
    runs.duck.push(await measureTask('duckdb', { sql: duckdbCsvQuery(file) }));
    log('csv: rg');
    runs.rg.push(await measure('rg', rgArgs));
  }
  const fast = runs.fast.reduce((a, b) => (b.report.ms < a.report.ms ? b : a));
  const duck = runs.duck.reduce((a, b) => (b.report.ms < a.report.ms ? b : a));
  const rg = runs.rg.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  // Peak memory is the worst of the runs, not the one that was fastest.
  fast.peakRssMB = Math.max(...runs.fast.map((r) => r.peakRssMB));
  log('csv: ours (simple path)');
  const simple = await measureTask('search', { sources }, { INNSYN_FAST_PATH: 'off' });
  for (const r of runs.fast) {
    if (r.report.digest !== simple.report.digest) {
      throw new Error(`CSV: the fast path's hits differ from the simple path's (${r.report.hits} vs ${simple.report.hits})`);
    }
  }
  const ours = { label: 'innsyn search', ms: fast.report.ms, peakRssMB: fast.peakRssMB };
  return [
    {
      comparison: 'CSV vs DuckDB read_csv + WHERE',
      ours,
      baseline: { label: `DuckDB (${duck.report.detail?.threads ?? '?'} threads)`, ms: duck.report.ms, peakRssMB: duck.peakRssMB },
      ratio: fast.report.ms / duck.report.ms,
      target: '≤ 1.0×, RSS ≤ 300 MB',
      met: fast.report.ms <= duck.report.ms && fast.peakRssMB <= 300,
      note: `${fast.report.hits} hits (simple path: same ${simple.report.hits}, digest equal); DuckDB returned ${duck.report.hits} rows`,
    },
    {
      comparison: 'CSV vs rg -F -i (raw-scan limit)',
      ours,
      baseline: { label: 'rg -F -i', ms: rg.wallMs, peakRssMB: rg.peakRssMB },
      ratio: fast.report.ms / rg.wallMs,
    },
    {
      comparison: 'CSV fast path vs simple path',
      ours,
      baseline: { label: 'simple path', ms: simple.report.ms, peakRssMB: simple.peakRssMB },
      ratio: fast.report.ms / simple.report.ms,
    },
  ];
}
