import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/core/cases/calendar-date';
import type { MethodOutput } from '../../shared/contract';
import { projectRoot } from '../helpers/corpora';
import { coreSession } from '../helpers/core';

type Letter = MethodOutput<'case:coverLetter'>;

async function searchedDemoCase() {
  const { dispatch, call } = coreSession();
  await call('workspace:import', {});
  const { ref } = await call<{ ref: string }>('case:create', {
    subject: { names: ['Ingrid Ødegård-Bakken'], emails: ['ingrid.odegard@example.no'] },
    channel: 'email',
    received: todayIn(new Date()),
  });
  return { ref, dispatch, call };
}

const points = (lang: 'nb' | 'en') =>
  Object.values((JSON.parse(readFileSync(path.join(projectRoot, 'resources', 'cover-letter', `${lang}.json`), 'utf8')) as { letter: { points: Record<string, string> } }).letter.points);

describe('case:coverLetter', () => {
  it('needs a stored search, then returns every Art. 15 heading in nb and en', async () => {
    const { ref, dispatch, call } = await searchedDemoCase();
    expect(await dispatch('case:coverLetter', { ref, lang: 'nb' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await call('case:verify', { ref, method: 'BankID', by: 'Siri DPO' });
    await call('case:search', { ref });
    for (const lang of ['nb', 'en'] as const) {
      const letter = await call<Letter>('case:coverLetter', { ref, lang });
      expect(letter.lang).toBe(lang);
      expect(letter.meta.join(' ')).toContain(ref);
      const headings = letter.sections.map((s) => s.heading);
      for (const heading of points(lang)) expect(headings, `${lang}: ${heading}`).toContain(heading);
      // Placeholders point at real paragraphs.
      for (const s of letter.sections) for (const i of s.placeholders ?? []) expect(s.paragraphs[i]).toBeTypeOf('string');
    }
    expect(await dispatch('case:coverLetter', { ref, lang: 'de' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }, 120_000);

  it('follows the review as the export does (excluding every hit changes the letter) and records nothing', async () => {
    const { ref, call } = await searchedDemoCase();
    await call('case:verify', { ref, method: 'BankID', by: 'Siri DPO' });
    const { detail } = await call<MethodOutput<'case:search'>>('case:search', { ref });
    const before = JSON.stringify(await call<Letter>('case:coverLetter', { ref, lang: 'en', minConfidence: 'low' }));
    for (const h of detail.hits) await call('case:review', { ref, hitId: h.hitId, include: false, reason: 'test', ground: 'not-subject' });
    const after = await call<Letter>('case:coverLetter', { ref, lang: 'en', minConfidence: 'low' });
    expect(JSON.stringify(after)).not.toEqual(before);
    // The preview records nothing: only the review decisions are in the audit trail.
    const audit = await call<MethodOutput<'case:audit'>>('case:audit', { ref });
    expect(audit.entries.map((e) => e.event)).not.toContain('export');
  }, 120_000);
});
