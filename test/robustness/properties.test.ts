import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { matchRecord } from '../../electron/core/match/match-record';
import { normaliseName } from '../../electron/core/match/normalise';
import { prepareSubject } from '../../electron/core/match/prepare';
import { safeName } from '../../electron/core/package/safe-name';
import { CsvReader } from '../../electron/core/sources/csv/reader';

/**
 * Property-based tests: instead of a handful of examples, fast-check generates thousands of
 * inputs (and shrinks any failure to a minimal one). Fixed seeds keep CI reproducible; a
 * failure prints the seed and the counterexample.
 */
const runs = { numRuns: 300, seed: 20261121 };

// --- CSV reader ---------------------------------------------------------------------------
const cell = fc.string({ unit: fc.constantFrom('a', 'Ø', 'å', ' ', ',', ';', '"', '\r', '\n', '\r\n', 'x', '€', '😀'), maxLength: 12 });

/** RFC 4180 writing: quote a field when it holds the delimiter, a quote, CR or LF, or is empty in a one-column row. */
function serialise(rows: string[][], delimiter: string, eol: string): string {
  const field = (v: string, only: boolean) =>
    /[",;\r\n]/.test(v) || v.includes(delimiter) || (only && v === '') ? `"${v.replace(/"/g, '""')}"` : v;
  return rows.map((r) => r.map((v) => field(v, r.length === 1)).join(delimiter)).join(eol) + eol;
}

function parse(text: string, delimiter: string, cuts: number[]): string[][] {
  const reader = new CsvReader(delimiter);
  const rows: string[][] = [];
  let at = 0;
  for (const cut of [...cuts.map((c) => Math.floor(c * text.length)), text.length].sort((a, b) => a - b)) {
    rows.push(...reader.push(text.slice(at, cut)).map((r) => r.fields));
    at = cut;
  }
  rows.push(...reader.end().map((r) => r.fields));
  return rows;
}

describe('CSV reader (property)', () => {
  it('parses any RFC 4180 table back exactly, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
        (rows, delimiter, eol, cuts) => {
          // A row that is one empty unquoted field is an empty line, which the reader skips by design.
          const table = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          const text = serialise(table, delimiter, eol);
          expect(parse(text, delimiter, cuts)).toEqual(table);
        },
      ),
      runs,
    );
  });

  it('never throws and reports the starting line of every row on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', ' ', 'ø'), maxLength: 200 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), (text, cuts) => {
        const reader = new CsvReader(',');
        let at = 0;
        const lines: number[] = [];
        for (const cut of [...cuts.map((c) => Math.floor(c * text.length)), text.length].sort((a, b) => a - b)) {
          lines.push(...reader.push(text.slice(at, cut)).map((r) => r.line));
          at = cut;
        }
        lines.push(...reader.end().map((r) => r.line));
        const physical = text.split(/\r\n|\r|\n/).length;
        for (const [i, l] of lines.entries()) {
          expect(l).toBeGreaterThanOrEqual(1);
          expect(l).toBeLessThanOrEqual(physical);
          if (i > 0) expect(l).toBeGreaterThan(lines[i - 1]);
        }
      }),
      runs,
    );
  });
});

// --- Name and phone normalisation, through the matcher ----------------------------------------
const letter = fc.constantFrom(...'abcdefghijklmnoprstuvyæøåáčđŋšŧž'.split(''));
const word = fc.string({ unit: letter, minLength: 2, maxLength: 9 }).map((w) => w[0].toUpperCase() + w.slice(1));
const space = fc.constantFrom(' ', '  ', '\u00a0', '\t', ' \u2007');

describe('name and phone normalisation (property)', () => {
  it('normaliseName is idempotent and ignores case and any run of spaces', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(space, { minLength: 4, maxLength: 4 }), (words, gaps) => {
        const plain = words.join(' ');
        const messy = `${gaps[0]}${words.map((w, i) => (i % 2 ? w.toUpperCase() : w.toLowerCase())).join(gaps[1])}${gaps[2]}`;
        expect(normaliseName(messy)).toBe(normaliseName(plain));
        expect(normaliseName(normaliseName(plain))).toBe(normaliseName(plain));
      }),
      runs,
    );
  });

  it('a Norwegian mobile number matches in every way the domain guide says it is written', () => {
    const mobile = fc.tuple(fc.constantFrom('4', '9'), fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 7, maxLength: 7 })).map(([a, b]) => a + b);
    const written = (n: string) => [
      `+47 ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`,
      `0047 ${n}`,
      `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`,
      `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`,
      `+47${n}`,
    ];
    fc.assert(
      fc.property(mobile, fc.nat(4), fc.nat(4), (n, given, asWritten) => {
        const subject = prepareSubject({ names: [], emails: [], phones: [written(n)[given]], nationalIds: [], others: [] });
        const hit = matchRecord({ fields: { telefon: written(n)[asWritten] } }, subject);
        expect(hit?.confidence, `${written(n)[given]} vs ${written(n)[asWritten]}`).toBe('high');
        // One digit changed is another person's number.
        const other = `${n.slice(0, 7)}${(Number(n[7]) + 1) % 10}`;
        expect(matchRecord({ fields: { telefon: written(other)[asWritten] } }, subject)).toBeNull();
      }),
      runs,
    );
  });
});

// --- File-name sanitiser --------------------------------------------------------------------
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

describe('safeName (property)', () => {
  it('never yields a separator, "..", a control character, a reserved name or more than the limit', () => {
    const hostile = fc.string({
      unit: fc.oneof(fc.constantFrom('/', '\\', '.', '..', ':', '*', '?', '"', '<', '>', '|', '\u0000', '\u001f', '\u007f', '\u0085', ' ', 'CON', 'nul', 'COM1', 'lpt9', 'a', 'ø'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
      maxLength: 80,
    });
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 100 }), (input, max) => {
        const name = safeName(input, max);
        // Bounded in characters (code points: a cut never splits a surrogate pair) and UTF-8 bytes;
        // the fallback and the "_" that defuses a reserved name may add to the limit.
        const chars = [...name].length;
        expect(chars).toBeGreaterThan(0);
        expect(chars).toBeLessThanOrEqual(Math.max(max, 'untitled'.length) + 1);
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
        expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/);
        expect(name === '.' || name === '..' || name.startsWith('.')).toBe(false);
        expect(name).not.toMatch(/[. ]$/); // Windows drops trailing dots and spaces
        expect(RESERVED.test(name)).toBe(false);
      }),
      { ...runs, numRuns: 2000 },
    );
  });
});

// --- RFC 2047 header decoding (postal-mime) ------------------------------------------------
/** Encodes text as RFC 2047 encoded-words of at most 75 characters, never splitting a character. */
function encodeWords(text: string, mode: 'B' | 'Q'): string {
  const words: string[] = [];
  let chunk = '';
  const wrap = (s: string) =>
    mode === 'B'
      ? `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`
      : `=?UTF-8?Q?${[...Buffer.from(s)].map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}?=`;
  for (const ch of text) {
    if (wrap(chunk + ch).length > 75) {
      words.push(wrap(chunk));
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(wrap(chunk));
  return words.join('\r\n ');
}

describe('header decoding (property)', () => {
  it('any Unicode subject and display name survive RFC 2047 encoding, B or Q, folded over lines', async () => {
    const text = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('ø', 'Å', 'č', ' ', '=', '?', '_')), minLength: 1, maxLength: 60 })
      // Header text is one line without leading/trailing space; control characters are not header text.
      .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/g, 'x').replace(/\s+/gu, ' ').trim())
      .filter((s) => s.length > 0);
    await fc.assert(
      fc.asyncProperty(text, text, fc.constantFrom('B', 'Q'), async (subject, name, mode) => {
        const raw = `From: ${encodeWords(name, mode)} <p@example.no>\r\nSubject: ${encodeWords(subject, mode)}\r\n\r\nx\r\n`;
        const parsed = await PostalMime.parse(raw);
        expect(parsed.subject).toBe(subject);
        expect(parsed.from?.name).toBe(name);
      }),
      { ...runs, numRuns: 200 },
    );
  });
});
