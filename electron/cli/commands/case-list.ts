import type { Command } from 'commander';
import { caseDetail } from '../../core/cases/case-review';
import { DUE_SOON_DAYS, type CaseListFilter } from '../../core/cases/case-register';
import { AppError } from '../../../shared/errors';
import { formatDetail, formatList } from './case-format';
import { jsonOption, print, withRegister } from './case-shared';

/** `innsyn case list|show`. */
export function registerCaseList(cases: Command, dataDir: () => string): void {
  cases
    .command('list')
    .description('list cases, soonest deadline first')
    .option('--open', 'only cases not yet answered, closed or rejected')
    .option('--due-soon [days]', `only open cases due within this many days (default ${DUE_SOON_DAYS})`)
    .option('--overdue', 'only open cases past their deadline')
    .addOption(jsonOption())
    .action(async (opts: { open?: boolean; dueSoon?: string | boolean; overdue?: boolean; json?: boolean }) => {
      const filter: CaseListFilter = opts.overdue ? 'overdue' : opts.dueSoon ? 'due-soon' : opts.open ? 'open' : 'all';
      const days = typeof opts.dueSoon === 'string' ? Number(opts.dueSoon) : DUE_SOON_DAYS;
      if (!Number.isInteger(days) || days < 0) throw new AppError('INVALID_INPUT', `--due-soon takes a whole number of days, not "${String(opts.dueSoon)}".`);
      const list = await withRegister(dataDir(), (reg) => reg.list(filter, days));
      print(opts.json, list, () => formatList(list));
    });

  cases
    .command('show <ref>')
    .description('show a case with its hits, decisions and redactions')
    .addOption(jsonOption())
    .action(async (ref: string, opts: { json?: boolean }) => {
      const detail = await withRegister(dataDir(), (reg) => caseDetail(reg, ref));
      print(opts.json, detail, () => formatDetail(detail));
    });
}
