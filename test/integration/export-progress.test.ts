import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/core/cases/calendar-date';
import type { EventName } from '../../shared/contract';
import { exportSteps, type ExportProgress } from '../../shared/export-progress';
import { coreSession } from '../helpers/core';

describe('export:progress', () => {
  it('reports every step of a case export in order, ending at done = total, and only the steps its formats need', async () => {
    const events: ExportProgress[] = [];
    const { call } = coreSession({
      emit: (event: EventName, payload: unknown) => {
        if (event === 'export:progress') events.push(payload as ExportProgress);
      },
    });
    await call('workspace:import', {});
    const { ref } = await call<{ ref: string }>('case:create', { subject: { names: ['Ingrid Ødegård-Bakken'], emails: ['ingrid.odegard@example.no'] }, channel: 'email', received: todayIn(new Date()) });
    await call('case:verify', { ref, method: 'BankID', by: 'Siri' });
    await call('case:search', { ref });
    expect(events).toEqual([]);
    await call('case:export', { ref, lang: 'en', minConfidence: 'high' });
    expect(events).toEqual(exportSteps.map((step, i) => ({ ref, step, done: i + 1, total: exportSteps.length })));

    // Without JSON and e-mails the bar counts only the steps that run, and names no missing file.
    events.length = 0;
    await call('case:export', { ref, lang: 'en', minConfidence: 'high', formats: ['xlsx'] });
    const only = ['spreadsheet', 'letter', 'manifest', 'zip', 'verify'];
    expect(events).toEqual(only.map((step, i) => ({ ref, step, done: i + 1, total: only.length })));
  }, 120_000);
});
