import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/core/cases/calendar-date';
import type { MethodOutput } from '../../shared/contract';
import { corpus, missingCorpus } from '../helpers/corpora';
import { coreSession } from '../helpers/core';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

const missing = missingCorpus('enron-maildir', 'maildir', 'lay-k');
type Detail = MethodOutput<'case:get'>;
type Update = MethodOutput<'case:addIdentifier'>;

describe.skipIf(missing)('suggested aliases in a case (Enron, Kenneth Lay)', () => {
  it('offers them with the case, adds one only when confirmed, forgets a dismissed one, and a new search uses the added one', async () => {
    const ws = writeWorkspace(tempDir(), [{ id: 'lay-k', kind: 'mailbox', path: corpus('enron-maildir', 'maildir', 'lay-k') }]);
    const { call, dispatch } = coreSession({ workspace: ws });
    await call('workspace:import', {});
    const { ref } = await call<{ ref: string }>('case:create', {
      subject: { names: ['Kenneth Lay', 'Ken Lay'], emails: ['kenneth.lay@enron.com'] },
      channel: 'letter',
      received: todayIn(new Date()),
    });
    await call('case:verify', { ref, method: 'ID card', by: 'DPO' });
    await call('case:search', { ref });

    const first = await call<Detail>('case:get', { ref });
    const values = (first.suggestions ?? []).map((s) => s.value);
    expect(values).toContain('chairman.ken@enron.com');
    expect(values).not.toContain('kenneth.lay@enron.com');
    // Nothing was applied by itself.
    expect(first.case.subject.emails).toEqual(['kenneth.lay@enron.com']);
    const aliasHits = (d: Detail) => d.hits.filter((h) => /chairman\.ken@enron\.com/i.test(String(h.hit?.record.from)) && h.hit?.confidence === 'high');
    expect(aliasHits(first)).toEqual([]);

    const other = (first.suggestions ?? []).find((s) => s.value !== 'chairman.ken@enron.com');
    if (other) {
      const dismissed = await call<Update>('case:dismissSuggestion', { ref, kind: other.kind, value: other.value });
      expect((dismissed.suggestions ?? []).map((s) => s.value)).not.toContain(other.value);
      // The answer carries the suggestions, not the case's hits again.
      expect(dismissed.hits).toEqual([]);
      expect(dismissed.suggestions).toEqual((await call<Detail>('case:get', { ref })).suggestions ?? []);
    }
    expect(await dispatch('case:addIdentifier', { ref, kind: 'email', value: 'chairman.ken(at)enron' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('case:addIdentifier', { ref, kind: 'nationalId', value: '01010112345' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('case:addIdentifier', { ref, kind: 'fax', value: '123' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const added = await call<Update>('case:addIdentifier', { ref, kind: 'email', value: 'chairman.ken@enron.com' });
    expect(added.hits).toEqual([]);
    expect(added.case.subject.emails).toEqual(['kenneth.lay@enron.com', 'chairman.ken@enron.com']);
    expect((added.suggestions ?? []).map((s) => s.value)).not.toContain('chairman.ken@enron.com');
    const audit = await call<MethodOutput<'case:audit'>>('case:audit', { ref });
    expect(audit.verification.ok).toBe(true);
    expect(audit.entries.filter((e) => e.event === 'identifier-added').map((e) => e.data)).toEqual([{ kind: 'email', value: 'chairman.ken@enron.com' }]);
    if (other) expect(JSON.stringify(audit.entries.filter((e) => e.event === 'suggestion-dismissed'))).not.toContain(other.value);

    // The DPO searches again: the confirmed address now finds messages, the dismissed one stays away.
    const { detail } = await call<MethodOutput<'case:search'>>('case:search', { ref });
    expect(aliasHits(detail).length).toBeGreaterThan(0);
    const again = (detail.suggestions ?? []).map((s) => s.value);
    expect(again).not.toContain('chairman.ken@enron.com');
    if (other) expect(again).not.toContain(other.value);
  }, 300_000);
});
