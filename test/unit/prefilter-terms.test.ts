import { describe, expect, it } from 'vitest';
import { bytePatterns, CASED_BLOCKS, caseVariantsIn, type ByteEncoding } from '../../electron/core/search/prefilter/byte-patterns';
import { nativeScan } from '../../electron/core/search/prefilter/native-scan';
import { digitCounts, digitTerm, markDigitTerms, markText, textRegex } from '../../electron/core/search/prefilter/term-search';

/** Byte positions the digit search marks in a block (read as Latin-1), searched from each possible digit. */
const digitMarks = (text: string, terms: string[]) => {
  const results = new Set<string>();
  for (let anchor = 0; anchor < Math.max(...terms.map((t) => t.length)); anchor++) {
    const marks: number[] = [];
    const chosen = terms.map((digits) => ({ digits, anchor: Math.min(anchor, digits.length - 1) }));
    markDigitTerms(text, chosen, (pos) => marks.push(pos));
    results.add(JSON.stringify(marks));
    // The C search (native/csv-scan) finds the same places, with blocks long enough for its 16-byte steps.
    const native = nativeScan();
    if (native) {
      const padded = `${text}${' '.repeat(40)}`;
      const bytes = Buffer.from(padded, 'latin1');
      const got: number[] = [];
      for (const { digits, anchor: a } of chosen) {
        const out = new Int32Array(64);
        const n = native.findDigits(bytes, bytes.length, Buffer.from(digits, 'latin1'), a, out);
        got.push(...out.subarray(0, n));
      }
      results.add(JSON.stringify(got));
    }
  }
  // Whichever digit the search starts from, it finds the same places.
  expect(results.size).toBe(1);
  return JSON.parse([...results][0]) as number[];
};

/** Whether the text patterns for `terms` find something in `value` written in `encoding`. */
const found = (value: string, terms: string[], encoding: ByteEncoding = 'utf8') => {
  const { text } = bytePatterns({ text: terms, digits: [] }, encoding);
  const re = textRegex(text);
  if (re === null) return false;
  const block = encoding === 'utf8' ? Buffer.from(value, 'utf8').toString('latin1') : cp1252(value);
  let hit = false;
  markText(block, re, () => (hit = true));
  return hit;
};

/** Windows-1252 bytes of a string, as a Latin-1 view (only the characters these tests use). */
function cp1252(value: string): string {
  const table: Record<string, number> = { Š: 0x8a, š: 0x9a, Ž: 0x8e, ž: 0x9e, Ø: 0xd8, ø: 0xf8, Å: 0xc5, å: 0xe5 };
  return [...value].map((c) => String.fromCharCode(table[c] ?? c.charCodeAt(0))).join('');
}

describe('the raw CSV pass: digit terms with separators', () => {
  it('finds a phone or ID however it is written, and across a field border', () => {
    expect(digitMarks('a;+47 913 45 678;b\n', ['4791345678'])).toEqual([3, 15]);
    expect(digitMarks('x;913-45-678\r\n', ['91345678'])).toEqual([2, 11]);
    expect(digitMarks('150385 41215;x', ['15038541215'])).toEqual([0, 11]);
    // Digits joined across fields only add candidates; the matcher decides.
    expect(digitMarks('913;45678', ['91345678'])).toEqual([0, 8]);
  });

  it('finds places past the first sixteen bytes and right at the end of the block', () => {
    const long = `${'x;'.repeat(20)}+47 913 45 678;${'y'.repeat(17)}9134567 8`;
    expect(digitMarks(long, ['91345678'])).toEqual([44, 53, 72, 80]);
  });

  it('finds an occurrence that starts inside a failed one', () => {
    // "9913..." fails from the first 9 and matches from the second.
    expect(digitMarks('99 13 45 678', ['91345678'])).toEqual([1, 11]);
  });

  it('starts from the digit that is rarest in the sample', () => {
    const counts = digitCounts('1111 2222 8');
    expect(digitTerm('128', counts).anchor).toBe(2);
    expect(digitTerm('128').anchor).toBe(0);
  });

  it('rules a block out when the digits are not there in that order', () => {
    expect(digitMarks('a;913 45 679;b\n', ['91345678'])).toEqual([]);
    expect(digitMarks('no digits at all', ['91345678'])).toEqual([]);
    expect(digitMarks('9134567', ['91345678'])).toEqual([]);
    expect(digitMarks('', ['91345678'])).toEqual([]);
  });
});

describe('the raw CSV pass: text terms as byte patterns', () => {
  it('knows every upper-case spelling this Node.js has: the cased blocks hold all of the BMP\'s', () => {
    const all = caseVariantsIn([[0, 0xffff]]);
    expect(caseVariantsIn(CASED_BLOCKS)).toEqual(all);
    // The spellings a Norwegian name needs, including the Ångström sign and the Kelvin sign.
    expect(all.get('å')).toEqual(['Å', '\u212b']);
    expect(all.get('k')).toEqual(['K', '\u212a']);
    expect(all.get('ø')).toEqual(['Ø']);
  });

  it('finds a term in any case, with non-ASCII letters in either case (UTF-8)', () => {
    expect(found('BJØRNSTAD', ['bjørnstad'])).toBe(true);
    expect(found('Bjørnstad', ['bjørnstad'])).toBe(true);
    expect(found('bjornstad', ['bjørnstad'])).toBe(false);
    expect(found('ÅSE', ['åse'])).toBe(true);
    // The Ångström sign lower-cases to å, the Kelvin sign to k.
    expect(found('\u212Bse', ['åse'])).toBe(true);
    expect(found('\u212Aari', ['kari'])).toBe(true);
  });

  it('lets İ stand for i, since its lower case starts with i', () => {
    expect(found('İNGRID', ['ingrid'])).toBe(true);
    expect('İNGRID'.toLowerCase().includes('i\u0307ngrid')).toBe(true);
    expect(found('İNGRID', ['i\u0307ngrid'])).toBe(true);
  });

  it('writes the patterns in the file encoding (Windows-1252 puts Š and š at 0x8A and 0x9A)', () => {
    expect(found('ŠIMEK', ['šimek'], 'windows-1252')).toBe(true);
    expect(found('ØYVIND', ['øyvind'], 'windows-1252')).toBe(true);
    expect(found('Øyvind', ['øyvind'], 'windows-1252')).toBe(true);
    // A term with a character Windows-1252 cannot hold can never be in such a file.
    expect(bytePatterns({ text: ['łukasz'], digits: [] }, 'windows-1252').text).toBeNull();
  });

  it('finds a quote in a term also when the CSV doubled it', () => {
    expect(found('"O""Brien";x', ['o"brien'])).toBe(true);
    expect(found('O"Brien', ['o"brien'])).toBe(true);
  });

  it('finds overlapping and back-to-back matches, and not a term cut short', () => {
    expect(found('bjbjørnstadBJØRNSTAD', ['bjørnstad'])).toBe(true);
    expect(found('Bjørnsta', ['bjørnstad'])).toBe(false);
  });

  it('matches astral characters in UTF-8 without knowing their case', () => {
    expect(found('a𐐀b', ['a𐐨b'])).toBe(true);
  });
});
