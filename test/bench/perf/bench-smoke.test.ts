import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { missingCorpus } from '../../helpers/corpora';
import { runBench } from './run-bench';

/**
 * Keeps `npm run bench` working: the tiny configuration runs the CSV, mbox and export
 * comparisons end to end (data generation, our search and export in child processes, DuckDB,
 * rg, mu, zip), and the UI
 * comparison (the renderer in Chromium against the real core). It asserts
 * that the harness produced its rows and that the fast path returned exactly the simple
 * path's hits (runBench throws otherwise). It asserts nothing about time.
 */
const missingTools = ['rg', 'mu', 'zip', 'unzip'].filter((t) => {
  try {
    execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
});
const skip = missingCorpus('norwegian-names-addresses') ?? (missingTools.length > 0 ? `missing tools: ${missingTools.join(', ')}` : null);
if (skip && process.env.INNSYN_REQUIRE_SERVICES) throw new Error(`bench smoke test cannot run: ${skip}`);

describe.skipIf(skip !== null)('benchmark harness (smoke size)', () => {
  it('runs the CSV, mailbox and export comparisons and the fast path equals the simple path', { timeout: 240_000 }, async () => {
    const cache = tempDir('innsyn-bench-cache-');
    process.env.INNSYN_BENCH_CACHE = cache;
    try {
      const report = await runBench({ scale: 0.0001, only: ['csv', 'mbox', 'export'], outDir: tempDir('innsyn-bench-out-'), repeat: 2 }, () => undefined);
      const names = report.rows.map((r) => r.comparison);
      expect(names).toEqual(
        expect.arrayContaining([
          'CSV vs DuckDB read_csv + WHERE',
          'mbox vs mu index (Maildir)',
          'export vs zip -r -6 (same files)',
          'export of a stored case vs zip -r -6 (same files)',
        ]),
      );
      for (const r of report.rows) {
        expect(r.ours.ms).toBeGreaterThan(0);
        expect(r.baseline?.ms ?? 1).toBeGreaterThan(0);
      }
      // The planted subject is found: 20 CSV plantings and a share of the messages.
      expect(report.rows[0].note).toMatch(/^[1-9]\d* hits/);
      // The package holds the letter, the guide, the manifest, the data files and the e-mails.
      expect(report.rows.find((r) => r.comparison.startsWith('export vs'))?.note).toMatch(/^(4\d|[5-9]\d|\d{3,}) files in the package/);
    } finally {
      delete process.env.INNSYN_BENCH_CACHE;
    }
  });

  it('runs the UI comparison: the renderer in Chromium searches through the real core and opens the review', { timeout: 300_000 }, async () => {
    const cache = tempDir('innsyn-bench-cache-');
    process.env.INNSYN_BENCH_CACHE = cache;
    try {
      const report = await runBench({ scale: 0.0001, only: ['ui'], outDir: tempDir('innsyn-bench-out-'), repeat: 1 }, () => undefined);
      expect(report.rows.map((r) => r.comparison)).toEqual([
        'UI thread (Chromium) while the four sources are searched',
        'UI thread (Chromium) opening the review of those hits',
      ]);
      // The search really ran and found the planted person: the review lists hits.
      expect(report.rows[0].note).toMatch(/; [1-9]\d* hits$/);
      for (const r of report.rows) expect(r.ours.ms).toBeGreaterThanOrEqual(0);
    } finally {
      delete process.env.INNSYN_BENCH_CACHE;
    }
  });
});
