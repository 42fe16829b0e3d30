import type { Case, CaseSummary } from '../../../shared/case';
import { daysBetween } from './calendar-date';
import type { CaseRow } from './case-rows';
import { extensionWarning, firstDeadline } from './deadline';

/** Adds what is derived rather than stored: the one-month deadline and the extension warning. */
export function caseView(row: CaseRow): Case {
  const { id: _id, extension, ...rest } = row;
  const warning = extension ? extensionWarning(row.received, extension.notified) : undefined;
  return {
    ...rest,
    firstDeadline: firstDeadline(row.received),
    extension: extension ? { ...extension, ...(warning ? { warning } : {}) } : null,
  };
}

export function caseSummary(c: Case, today: string): CaseSummary {
  return {
    ref: c.ref,
    types: c.types,
    channel: c.channel,
    received: c.received,
    status: c.status,
    deadline: c.deadline,
    daysLeft: daysBetween(today, c.deadline),
    ...(c.extension?.warning ? { warning: c.extension.warning } : {}),
  };
}
