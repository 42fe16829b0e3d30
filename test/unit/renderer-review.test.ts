import { describe, expect, it } from 'vitest';
import type { CaseDetail, Redaction } from '../../shared/case';
import type { Hit } from '../../shared/hit';
import { buildRows, recordLabel } from '../../renderer/src/screens/review/rows';
import { maskedText } from '../../renderer/src/screens/review/redaction-text';
import { applyReviewUpdate } from '../../renderer/src/app/review-update';
import { sameItems } from '../../renderer/src/app/same-list';

const hit = (id: string, source: string, table: string, confidence: Hit['confidence'], score: number): Hit => ({
  id,
  source,
  location: { table, record: Number(id.replace(/\D/g, '')) || 1, line: 2 },
  confidence,
  score,
  reasons: [],
  matches: [],
  record: {},
});

describe('review rows', () => {
  it('groups by source and table, most certain first, with a header row per group', () => {
    const rows = buildRows(
      [hit('a1', 'crm', 'kunde', 'low', 0.2), hit('a2', 'crm', 'kunde', 'high', 0.9), hit('b3', 'crm', 'ordre', 'medium', 0.5), hit('a4', 'crm', 'kunde', 'high', 0.95)],
      () => true,
    );
    expect(rows.map((r) => (r.type === 'group' ? `[${r.place} ${r.count}/${r.high}]` : r.hit.id))).toEqual(['[kunde 3/2]', 'a4', 'a2', 'a1', '[ordre 1/0]', 'b3']);
  });

  it('filters before grouping, so empty groups disappear', () => {
    const rows = buildRows([hit('a1', 'crm', 'kunde', 'low', 0.2), hit('b2', 'crm', 'ordre', 'high', 0.9)], (h) => h.confidence === 'high');
    expect(rows).toHaveLength(2);
  });

  it('builds 100,000 rows quickly enough to regroup on every filter change', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => hit(`h${i}`, `s${i % 3}`, `t${i % 7}`, i % 2 ? 'high' : 'low', (i % 100) / 100));
    const t = performance.now();
    const rows = buildRows(many, () => true);
    expect(rows.filter((r) => r.type === 'hit')).toHaveLength(100_000);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('labels mail hits by subject, never by their raw location', () => {
    const mail: Hit = { ...hit('m1', 'post', 'x', 'high', 1), location: { file: 'post.mbox', index: 4 }, record: { subject: 'Reklamasjon' } };
    expect(recordLabel(mail)).toBe('Reklamasjon');
  });
});

describe('redactions as the package will show them', () => {
  const r = (span: [number, number] | null): Redaction => ({ id: 1, hitId: 'h', field: 'notat', span, mode: 'mask', reason: 'x', at: '' });
  it('masks spans character for character, so later offsets still line up', () => {
    expect(maskedText('Ringte om Ola Hansen sin ordre', [r([10, 20])])).toBe('Ringte om ██████████ sin ordre');
  });
  it('masks the whole field without revealing its length', () => {
    expect(maskedText('Kari', [r(null)])).toHaveLength(4);
    expect(maskedText('a'.repeat(500), [r(null)])).toHaveLength(12);
  });
});

describe('a review update applied to the open case', () => {
  const at = '2026-11-22T10:00:00.000Z';
  const detail = {
    case: { ref: '2026-0007', status: 'reviewing' },
    search: { at, subject: {}, sources: [] },
    hits: ['a1', 'a2', 'a3'].map((id) => ({ hitId: id, source: 'crm', hit: hit(id, 'crm', 'kunde', 'high', 0.9), decision: null, redactions: [] })),
  } as unknown as CaseDetail;
  const redaction: Redaction = { id: 4, hitId: 'a2', field: 'notat', span: null, mode: 'mask', reason: 'third-party data', at };

  it('changes only the hits in the update and keeps every other hit as the same object', () => {
    const update = {
      case: { ...detail.case, deadline: '2026-12-22' },
      hits: [{ hitId: 'a2', decision: { hitId: 'a2', include: true, ground: null, reason: 'e-mail matches', at }, redactions: [redaction] }],
    };
    const next = applyReviewUpdate(detail, update);
    expect(next.case).toBe(update.case);
    expect(next.search).toBe(detail.search);
    expect(next.hits[0]).toBe(detail.hits[0]);
    expect(next.hits[2]).toBe(detail.hits[2]);
    expect(next.hits[1]).toEqual({ ...detail.hits[1], decision: update.hits[0].decision, redactions: [redaction] });
    expect(next.hits[1].hit).toBe(detail.hits[1].hit);
    // The case it was applied to is not changed.
    expect(detail.hits[1].decision).toBeNull();
  });

  it('clears a decision or a redaction the update says is gone', () => {
    const decided = applyReviewUpdate(detail, { case: detail.case, hits: [{ hitId: 'a1', decision: { hitId: 'a1', include: false, ground: 'not-subject', reason: 'namesake', at }, redactions: [redaction] }] });
    const cleared = applyReviewUpdate(decided, { case: detail.case, hits: [{ hitId: 'a1', decision: null, redactions: [] }] });
    expect(cleared.hits[0]).toMatchObject({ decision: null, redactions: [] });
  });

  it('leaves the records as the same list, so the review rows are not regrouped for a decision', () => {
    const next = applyReviewUpdate(detail, { case: detail.case, hits: [{ hitId: 'a3', decision: null, redactions: [redaction] }] });
    expect(sameItems(detail.hits.map((h) => h.hit), next.hits.map((h) => h.hit))).toBe(true);
    const searchedAgain = next.hits.map((h, i) => (i === 1 ? { ...h, hit: { ...h.hit!, score: 0.5 } } : h));
    expect(sameItems(next.hits.map((h) => h.hit), searchedAgain.map((h) => h.hit))).toBe(false);
    expect(sameItems(next.hits.map((h) => h.hit), next.hits.slice(1).map((h) => h.hit))).toBe(false);
  });

  it('replaces the open suggestions when an update carries them, and keeps them when it does not', () => {
    const suggestion = { source: 'crm', kind: 'email' as const, value: 'k.nordmann@example.no', reason: 'seen with the name', count: 3 };
    const withSuggestions = { ...detail, suggestions: [suggestion] } as CaseDetail;
    expect(applyReviewUpdate(withSuggestions, { case: detail.case, hits: [] }).suggestions).toEqual([suggestion]);
    expect(applyReviewUpdate(withSuggestions, { case: detail.case, hits: [], suggestions: [] }).suggestions).toEqual([]);
  });

  it('ignores an update for another case than the one open', () => {
    const other = { case: { ...detail.case, ref: '2026-0008' }, hits: [{ hitId: 'a1', decision: null, redactions: [redaction] }] };
    expect(applyReviewUpdate(detail, other)).toBe(detail);
  });
});
