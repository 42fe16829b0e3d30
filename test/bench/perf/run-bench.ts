/**
 * `npm run bench [-- --scale 0.01] [-- --only csv,mbox]`: generates (or reuses) the data
 * under .cache/bench, runs every comparison with both sides in this one run, prints the
 * table and writes bench-results/latest.{json,md}. Absolute times are noise on a shared
 * machine; the ratios against baselines measured minutes apart are what we track.
 */
import path from 'node:path';
import { projectRoot } from '../../helpers/corpora';
import { compareCsv } from './comparisons/csv';
import { compareExport } from './comparisons/export';
import { compareFour } from './comparisons/four';
import { compareMbox } from './comparisons/mbox';
import { compareSql } from './comparisons/sql';
import { compareUi } from './comparisons/ui';
import { sizesFor, type BenchOptions } from './config';
import { machine, markdownTable, writeReport, type BenchReport, type ResultRow } from './report';

function parseArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { scale: 1, only: null, outDir: path.join(projectRoot, 'bench-results'), repeat: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') opts.scale = Number(argv[++i]);
    else if (a === '--only') opts.only = (argv[++i] ?? '').split(',');
    else if (a === '--out') opts.outDir = path.resolve(argv[++i] ?? '');
    else if (a === '--repeat') opts.repeat = Number(argv[++i]);
    else throw new Error(`unknown option ${a}; use --scale N, --only csv,mbox,sql,export,four,ui, --out DIR, --repeat N`);
  }
  if (!(opts.scale > 0)) throw new Error('--scale must be a positive number');
  if (!Number.isInteger(opts.repeat) || opts.repeat < 1) throw new Error('--repeat must be a whole number of at least 1');
  return opts;
}

export async function runBench(opts: BenchOptions, log: (s: string) => void = (s) => process.stderr.write(`${s}\n`)): Promise<BenchReport> {
  const sizes = sizesFor(opts.scale);
  const rows: ResultRow[] = [];
  const skipped: string[] = [];
  const want = (name: string) => opts.only === null || opts.only.includes(name);
  if (want('csv')) rows.push(...(await compareCsv(sizes, log, opts.repeat)));
  if (want('mbox')) rows.push(...(await compareMbox(sizes, log, opts.repeat)));
  if (want('sql')) {
    const sql = await compareSql(sizes, log);
    if (typeof sql === 'string') skipped.push(sql);
    else rows.push(...sql);
  }
  if (want('export')) rows.push(...(await compareExport(sizes, log, opts.repeat)));
  if (want('four')) rows.push(...(await compareFour(sizes, log, skipped)));
  if (want('ui')) rows.push(...(await compareUi(sizes, log, skipped)));
  return { date: new Date().toISOString(), machine: machine(), scale: opts.scale, repeat: opts.repeat, sizes: { ...sizes }, rows, skipped };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const opts = parseArgs(process.argv.slice(2));
  const report = await runBench(opts);
  const files = writeReport(report, opts.outDir);
  process.stdout.write(markdownTable(report));
  process.stderr.write(`\nwrote ${path.relative(projectRoot, files.json)} and ${path.relative(projectRoot, files.md)}\n`);
}
