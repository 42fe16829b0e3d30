import { describe, expect, it } from 'vitest';
import { blockHoldsDigits } from '../../electron/core/search/prefilter/term-search';

const holds = (text: string, terms: string[], scratch = new Uint8Array(text.length)) =>
  blockHoldsDigits(Buffer.from(text, 'latin1'), Buffer.byteLength(text, 'latin1'), scratch, terms.map((t) => Buffer.from(t)));

describe('the raw CSV pass: does a block hold a digit term with separators anywhere', () => {
  it('finds a phone or ID however it is written, and across a field border', () => {
    expect(holds('a;+47 913 45 678;b\n', ['4791345678'])).toBe(true);
    expect(holds('x;913-45-678\r\n', ['91345678'])).toBe(true);
    expect(holds('150385 41215;x', ['15038541215'])).toBe(true);
    // Digits joined across fields only add candidates; the matcher decides.
    expect(holds('913;45678', ['91345678'])).toBe(true);
  });

  it('rules a block out when the digits are not there in that order', () => {
    expect(holds('a;913 45 679;b\n', ['91345678'])).toBe(false);
    expect(holds('no digits at all', ['91345678'])).toBe(false);
    expect(holds('', ['91345678'])).toBe(false);
  });

  it('reuses a scratch buffer without carrying digits over from the previous block', () => {
    const scratch = new Uint8Array(64);
    expect(holds('9134567', ['91345678'], scratch)).toBe(false);
    expect(holds('8', ['91345678'], scratch)).toBe(false);
  });
});
