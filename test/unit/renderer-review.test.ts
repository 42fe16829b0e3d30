import { describe, expect, it } from 'vitest';
import type { Redaction } from '../../shared/case';
import type { Hit } from '../../shared/hit';
import { buildRows, recordLabel } from '../../renderer/src/screens/review/rows';
import { maskedText } from '../../renderer/src/screens/review/redaction-text';

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
