import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import { formatCase } from './case-format';
import { jsonOption, print, withRegister } from './case-shared';

/** `innsyn case verify|extend|reject|close|note`: the steps that move a case along. */
export function registerCaseStatus(cases: Command, dataDir: () => string): void {
  cases
    .command('verify <ref>')
    .description('record how the person’s identity was verified (Art. 12(6)), or with --requested that more information was asked for')
    .option('--method <text>', 'e.g. "BankID", "ID document shown", "known e-mail address"')
    .option('--by <name>', 'who verified it')
    .option('--date <YYYY-MM-DD>', 'when (default: today)')
    .option('--note <text>', 'a note')
    .option('--requested', 'more information has been asked for; the case waits in "verifying identity"')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { method?: string; by?: string; date?: string; note?: string; requested?: boolean; json?: boolean }) => {
      const updated = await withRegister(dataDir(), (reg) => {
        if (opts.requested) return reg.requestIdentity(ref, opts.note);
        if (!opts.method || !opts.by) throw new AppError('INVALID_INPUT', 'Say how and by whom the identity was verified: --method TEXT --by NAME (or --requested).');
        return reg.verify(ref, { method: opts.method, by: opts.by, date: opts.date, note: opts.note });
      });
      print(opts.json, updated, () => formatCase(updated));
    });

  cases
    .command('extend <ref>')
    .description('extend the deadline by two further months (Art. 12(3))')
    .requiredOption('--reason <text>', 'why (complexity or number of requests)')
    .option('--notified <YYYY-MM-DD>', 'the day the person was told about the extension')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { reason: string; notified?: string; json?: boolean }) => {
      const updated = await withRegister(dataDir(), (reg) => reg.extend(ref, opts.reason, opts.notified ?? null));
      print(opts.json, updated, () => formatCase(updated));
    });

  cases
    .command('reject <ref>')
    .description('reject the request, with the reason')
    .requiredOption('--reason <text>', 'e.g. "manifestly unfounded (Art. 12(5))"')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { reason: string; json?: boolean }) => {
      const updated = await withRegister(dataDir(), (reg) => reg.reject(ref, opts.reason));
      print(opts.json, updated, () => formatCase(updated));
    });

  cases
    .command('close <ref>')
    .description('close an answered case; its record copies are deleted after the retention period')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => {
      const { updated, days } = await withRegister(dataDir(), (reg) => ({ updated: reg.close(ref), days: reg.settings.retentionDays() }));
      print(opts.json, updated, () => `${formatCase(updated)}The record copies will be deleted ${days} day(s) after ${updated.closedOn}.\n`);
    });

  cases
    .command('note <ref> <text>')
    .description('add a free note to a case')
    .addOption(jsonOption())
    .action(async (ref: string, text: string, opts: { json?: boolean }) => {
      const updated = await withRegister(dataDir(), (reg) => reg.addNote(ref, text));
      print(opts.json, updated, () => formatCase(updated));
    });
}
