import type { Command } from 'commander';
import { registerCaseAdd } from './case-add';
import { registerCaseAudit } from './case-audit';
import { registerCaseList } from './case-list';
import { registerCaseReview } from './case-review';
import { registerCaseStatus } from './case-status';

/** `innsyn case ...`: the case register (requests, deadlines, review, audit, retention). */
export function registerCase(program: Command, dataDir: () => string): void {
  const cases = program.command('case').description('register requests, track deadlines, review hits and keep the audit trail');
  registerCaseAdd(cases, dataDir);
  registerCaseList(cases, dataDir);
  registerCaseStatus(cases, dataDir);
  registerCaseReview(cases, dataDir);
  registerCaseAudit(cases, dataDir);
  for (const cmd of cases.commands) cmd.exitOverride();
}
