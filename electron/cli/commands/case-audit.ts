import type { Command } from 'commander';
import { writeAccountabilityReport } from '../../core/cases/accountability-report';
import { purgeExpired } from '../../core/cases/retention';
import { EXIT } from '../exit-codes';
import { formatAudit } from './case-format';
import { jsonOption, print, withRegister } from './case-shared';

/** `innsyn case audit|report|purge`: accountability (Art. 5(2)) and retention. */
export function registerCaseAudit(cases: Command, dataDir: () => string): void {
  cases
    .command('audit <ref>')
    .description('print the audit trail; with --verify, check that no entry was changed or removed')
    .option('--verify', 'recompute the hash chain; exit code 1 if it is broken')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { verify?: boolean; json?: boolean }) => {
      const { entries, check } = await withRegister(dataDir(), (reg) => ({ entries: reg.auditEntries(ref), check: opts.verify ? reg.verifyAudit(ref) : null }));
      if (check) {
        print(opts.json, check, () =>
          check.ok
            ? `The audit trail of ${ref} is intact (${check.entries} entries).\n`
            : `The audit trail of ${ref} has been tampered with:\n${check.problems.map((p) => `  - ${p}\n`).join('')}`,
        );
        process.exitCode = check.ok ? EXIT.ok : EXIT.failure;
        return;
      }
      print(opts.json, entries, () => formatAudit(entries));
    });

  cases
    .command('report <ref>')
    .description('write the internal accountability report (XLSX); never sent to the person')
    .requiredOption('--out <file.xlsx>', 'where to write it')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { out: string; json?: boolean }) => {
      const written = await withRegister(dataDir(), (reg) => writeAccountabilityReport(reg, ref, opts.out));
      print(opts.json, written, () => `Wrote ${written.file}${written.chainOk ? '' : ' (WARNING: the audit trail failed verification; see the Case sheet)'}.\n`);
    });

  cases
    .command('purge')
    .description('delete the record copies of cases closed longer ago than the retention period (also done on every case command)')
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => {
      const purged = await withRegister(dataDir(), (reg) => purgeExpired(reg), false);
      print(opts.json, purged, () => (purged.length === 0 ? 'Nothing to delete.\n' : purged.map((p) => `${p.ref}: ${p.snapshots} record copies deleted\n`).join('')));
    });
}
