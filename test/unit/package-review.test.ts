import { describe, expect, it } from 'vitest';
import type { Hit } from '../../shared/hit';
import { selectHits } from '../../electron/core/package/included';

const hit = (id: string, extra: Partial<Hit> = {}): Hit => ({
  id,
  source: 's',
  location: { table: 't', record: 1, line: 2 },
  confidence: 'high',
  score: 0.9,
  reasons: ['note matched name Kari Nordmann'],
  matches: [
    { field: 'note', kind: 'name', value: 'Kari Nordmann' },
    { field: 'email', kind: 'email', value: 'ola@example.no' },
  ],
  record: { note: 'Kari Nordmann and Kari Nordmann again', email: 'ola@example.no', n: 5, empty: null },
  ...extra,
});

describe('selectHits', () => {
  it('without a review: confidence threshold, and related rows with other people’s data held back', () => {
    const s = selectHits([hit('a'), hit('b', { confidence: 'low' }), hit('c', { relatedTo: 'a', thirdParty: true })], 'medium');
    expect(s.included.map((h) => h.id)).toEqual(['a']);
    expect(s.heldBack.map((h) => h.hit.id)).toEqual(['b', 'c']);
    expect(s.review).toBeNull();
  });

  it('a decision beats the automatic rule, both ways', () => {
    const s = selectHits([hit('a'), hit('b', { confidence: 'low' }), hit('c', { relatedTo: 'a', thirdParty: true })], 'high', {
      decisions: [
        { hitId: 'a', decision: 'exclude', ground: 'not-subject', reason: 'namesake' },
        { hitId: 'b', decision: 'include' },
        { hitId: 'c', decision: 'include', reason: 'checked' },
      ],
    });
    expect(s.included.map((h) => h.id)).toEqual(['b', 'c']);
    expect(s.excluded).toEqual([{ hit: expect.objectContaining({ id: 'a' }), ground: 'not-subject' }]);
    expect(s.review?.decisions).toEqual({ include: 2, exclude: 1, byGround: { 'not-subject': 1, 'third-party': 0, exempt: 0 } });
  });

  it('holds back rows reached through keys from an excluded row, unless decided themselves', () => {
    const s = selectHits(
      [hit('cust'), hit('order', { relatedTo: 'cust' }), hit('line', { relatedTo: 'order' }), hit('ok', { relatedTo: 'cust' })],
      'high',
      {
        decisions: [
          { hitId: 'cust', decision: 'exclude', ground: 'not-subject', reason: 'namesake' },
          { hitId: 'ok', decision: 'include' },
        ],
      },
    );
    expect(s.included.map((h) => h.id)).toEqual(['ok']);
    expect(s.heldBack.map((h) => [h.hit.id, h.reason])).toEqual([
      ['order', 'reached through a key from a record a reviewer excluded'],
      ['line', 'reached through a key from a record a reviewer excluded'],
    ]);
  });

  it('redacts fields and text spans, and the explanation does not repeat what was hidden', () => {
    const s = selectHits(
      [hit('a')],
      'high',
      {
        redactions: [
          { hitId: 'a', field: 'note', action: 'mask-text', text: 'Kari Nordmann', reason: 'other person' },
          { hitId: 'a', field: 'email', action: 'remove', reason: 'other person' },
          { hitId: 'a', field: 'n', action: 'mask', reason: 'x' },
          { hitId: 'a', field: 'empty', action: 'mask', reason: 'nothing to hide' },
          { hitId: 'a', field: 'missing', action: 'remove', reason: 'not there' },
        ],
      },
      '[X]',
    );
    const [a] = s.read(s.included);
    expect(s.included[0].redacted).toEqual(a.redacted);
    expect(s.included[0].columns).toEqual(['note', 'n', 'empty']);
    expect(a.record).toEqual({ note: '[X] and [X] again', n: '[X]', empty: null });
    expect(a.redacted).toEqual([
      { field: 'note', action: 'mask-text' },
      { field: 'email', action: 'remove' },
      { field: 'n', action: 'mask' },
    ]);
    expect(JSON.stringify(a).includes('Kari')).toBe(false);
    expect(JSON.stringify(a).includes('ola@example.no')).toBe(false);
    expect(s.review?.redactions).toEqual({ remove: 2, mask: 2, maskText: 1, applied: 3 });
  });

  it('rejects an exclusion without a ground, so the letter is never wrong about what was withheld', () => {
    expect(() =>
      selectHits([hit('a')], 'high', { decisions: [{ hitId: 'a', decision: 'exclude', reason: 'x' } as never] }),
    ).toThrow();
  });
});
