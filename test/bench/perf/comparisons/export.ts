import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSizes } from '../config';
import { measure, measureTask } from '../measure';
import type { ResultRow } from '../report';
import { csvFile } from './csv';
import { mailData } from './mbox';

/**
 * Our package builder against `zip -r -6` over the very files our package holds: the ZIP is
 * unpacked (not timed) and zip compresses the same bytes at the same deflate level.
 */
export async function compareExport(sizes: BenchSizes, log: (s: string) => void): Promise<ResultRow[]> {
  const csv = await csvFile(sizes.csvRows);
  const { mbox } = await mailData(sizes.mails);
  const work = mkdtempSync(path.join(os.tmpdir(), 'innsyn-bench-export-'));
  try {
    const out = path.join(work, 'package.zip');
    log(`export: ours (${sizes.exportRecords} records + ${sizes.exportMails} e-mails)`);
    const ours = await measureTask('export', { csv, mbox, records: sizes.exportRecords, mails: Math.min(sizes.exportMails, sizes.mails), out });
    const unpacked = path.join(work, 'files');
    execFileSync('unzip', ['-q', out, '-d', unpacked]);
    log('export: zip -r -6');
    const zip = await measure('zip', ['-r', '-6', '-q', path.join(work, 'baseline.zip'), '.'], { cwd: unpacked });
    return [
      {
        comparison: 'export vs zip -r -6 (same files)',
        ours: { label: 'buildPackage', ms: ours.report.ms, peakRssMB: ours.peakRssMB },
        baseline: { label: 'zip -r -6', ms: zip.wallMs, peakRssMB: zip.peakRssMB },
        ratio: ours.report.ms / zip.wallMs,
        target: '≤ 2.0×, RSS ≤ 500 MB',
        met: ours.report.ms <= 2 * zip.wallMs && ours.peakRssMB <= 500,
        note: `${ours.report.hits} files in the package; our time includes writing JSON, XLSX, the PDF letter, hashing and read-back verification`,
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
