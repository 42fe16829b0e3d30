// npm run bench:accuracy [-- --small] [-- --only <corpus id>]: builds the labelled corpus, runs the real search over
// each case and prints recall and high-precision per corpus. Exit code 1 when a target is missed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allCases, fullSize, smallSize } from './corpus';
import { formatTable, highPrecision, measureCase, recall, type CaseFigures } from './measure';

const small = process.argv.includes('--small');
const dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-accuracy-'));
try {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  const all = allCases(dir, small ? smallSize : fullSize);
  const cases = only ? all.cases.filter((c) => c.id === only) : all.cases;
  const skipped = all.skipped;
  const figures: CaseFigures[] = [];
  for (const c of cases) {
    process.stderr.write(`searching ${c.id}…\n`);
    figures.push(await measureCase(c));
  }
  process.stdout.write(`Accuracy (${small ? 'small' : 'full'} configuration)\n\n${formatTable(figures)}\n\n`);
  for (const f of figures) {
    const parts = [`${f.id}: ${f.ms} ms, source ${f.sourceStatus}`];
    const u = f.unlabelledFound;
    if (u.high + u.medium + u.low > 0) parts.push(`unlabelled records found: ${u.high} high, ${u.medium} medium, ${u.low} low`);
    const n = f.namesakes;
    if (n.high + n.medium + n.low + n['not found'] > 0) parts.push(`namesake records: ${n.high} high, ${n.medium} medium, ${n.low} low, ${n['not found']} not found`);
    if (f.note) parts.push(`note: ${f.note}`);
    if (f.missed.length > 0) parts.push(`missed: ${f.missed.slice(0, 8).join(', ')}${f.missed.length > 8 ? ' …' : ''}`);
    if (f.falseHigh.length > 0) parts.push(`high but not the subject's: ${f.falseHigh.slice(0, 8).join(', ')}`);
    process.stdout.write(`  ${parts.join('\n    ')}\n`);
  }
  for (const s of skipped) process.stdout.write(`  skipped: ${s}\n`);
  const failed = figures.filter((f) => recall(f) < 1 || highPrecision(f) < 1 || f.nearMissesFound > 0);
  process.stdout.write(failed.length === 0 ? '\nTargets met: recall 100%, high-precision 100% on every corpus.\n' : `\nTargets missed on: ${failed.map((f) => f.id).join(', ')}\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
