import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSizes } from '../config';
import { measure, measureTask, type Measured, type TaskReport } from '../measure';
import type { ResultRow } from '../report';
import { csvFile } from './csv';
import { mailData } from './mbox';

const TARGET = '≤ 2.0×, RSS ≤ 500 MB';

/** `zip -r -6` over the files of a package we wrote, unpacked (not timed) into `work`. */
async function zipBaseline(pkg: string, work: string) {
  const unpacked = path.join(work, 'files');
  execFileSync('unzip', ['-q', pkg, '-d', unpacked]);
  try {
    return await measure('zip', ['-r', '-6', '-q', path.join(work, 'baseline.zip'), '.'], { cwd: unpacked });
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
    rmSync(path.join(work, 'baseline.zip'), { force: true });
  }
}

/**
 * Our package builder against `zip -r -6` over the very files our package holds: the ZIP is
 * unpacked (not timed) and zip compresses the same bytes at the same deflate level. Two of our
 * paths are measured:
 * - the package built from a search result held in memory (`buildPackage`, as `innsyn export`
 *   does after searching): the comparison;
 * - the export of a case (`exportCase`, as `innsyn export --case` and the app do): the same
 *   hits read back from the case register, their originals checked, then the same package.
 *   The case is stored beforehand in a process of its own, which is not measured.
 */
type TaskRun = Measured & { report: TaskReport };

/** The fastest run's time with the worst run's peak memory, as the other comparisons count them. */
function fastest<T extends { wallMs: number; peakRssMB: number }>(runs: T[], ms: (r: T) => number): T {
  const best = runs.reduce((a, b) => (ms(b) < ms(a) ? b : a));
  return { ...best, peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)) };
}

export async function compareExport(sizes: BenchSizes, log: (s: string) => void, repeat = 1): Promise<ResultRow[]> {
  const csv = await csvFile(sizes.csvRows);
  const { mbox } = await mailData(sizes.mails);
  const work = mkdtempSync(path.join(os.tmpdir(), 'innsyn-bench-export-'));
  const input = { csv, mbox, records: sizes.exportRecords, mails: Math.min(sizes.exportMails, sizes.mails) };
  const of = (k: number) => (repeat > 1 ? ` ${k + 1}/${repeat}` : '');
  try {
    const out = path.join(work, 'package.zip');
    const caseOut = path.join(work, 'case.zip');
    const stored = path.join(work, 'register-stored');
    const dataDir = path.join(work, 'register');
    mkdirSync(stored);
    log('export of a case: storing the case (not measured)');
    const setup = await measureTask('case-setup', { ...input, dataDir: stored });
    // Each side `repeat` times, alternating, so a slow moment of the machine hits both. The
    // case is restored from its stored copy before each export, which moves it to answered.
    const runs: { plain: TaskRun[]; zip: Measured[]; fromCase: TaskRun[]; caseZip: Measured[] } = { plain: [], zip: [], fromCase: [], caseZip: [] };
    for (let k = 0; k < repeat; k++) {
      log(`export: ours (${sizes.exportRecords} records + ${sizes.exportMails} e-mails)${of(k)}`);
      runs.plain.push(await measureTask('export', { ...input, out }));
      log(`export: zip -r -6${of(k)}`);
      runs.zip.push(await zipBaseline(out, work));
      rmSync(out);
      rmSync(dataDir, { recursive: true, force: true });
      cpSync(stored, dataDir, { recursive: true });
      log(`export of a case: ours${of(k)}`);
      runs.fromCase.push(await measureTask('export-case', { ...input, dataDir, ref: setup.report.detail?.ref, out: caseOut }));
      log(`export of a case: zip -r -6${of(k)}`);
      runs.caseZip.push(await zipBaseline(caseOut, work));
      rmSync(caseOut);
    }
    const ours = fastest(runs.plain, (r) => r.report.ms);
    const fromCase = fastest(runs.fromCase, (r) => r.report.ms);
    const zip = fastest(runs.zip, (r) => r.wallMs);
    const caseZip = fastest(runs.caseZip, (r) => r.wallMs);
    const row = (comparison: string, label: string, m: TaskRun, z: Measured, note: string): ResultRow => ({
      comparison,
      ours: { label, ms: m.report.ms, peakRssMB: m.peakRssMB },
      baseline: { label: 'zip -r -6', ms: z.wallMs, peakRssMB: z.peakRssMB },
      ratio: m.report.ms / z.wallMs,
      target: TARGET,
      met: m.report.ms <= 2 * z.wallMs && m.peakRssMB <= 500,
      note,
    });
    return [
      row(
        'export vs zip -r -6 (same files)',
        'buildPackage',
        ours,
        zip,
        `${ours.report.hits} files in the package; our time includes writing JSON, XLSX, the PDF letter, hashing and read-back verification`,
      ),
      row(
        'export of a stored case vs zip -r -6 (same files)',
        'exportCase',
        fromCase,
        caseZip,
        `the same hits read from the case register (storing them took ${(setup.report.ms / 1000).toFixed(1)} s, ${Math.round(setup.peakRssMB)} MB, not counted); our time also includes reading the case and checking the originals`,
      ),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
