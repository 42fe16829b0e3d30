import type { PrefilterTerms } from '../../match/prefilter';
import { decodeWindows1252 } from '../../text/windows-1252';

/**
 * Turns the matcher's prefilter terms into what the raw scan of an ASCII-compatible file
 * (UTF-8 or Windows-1252) looks for in each block, read as a Latin-1 string (one character
 * per byte, so positions are byte offsets).
 *
 * The promise to keep (match/prefilter.ts): a field whose `toLowerCase()` contains a text
 * term must make its record a candidate. Each term becomes one case-insensitive regular
 * expression over bytes: every character of the term may appear as any character whose
 * lower case it is (ø or Ø, k or the Kelvin sign, å or Å or the Ångström sign), each written
 * in the file's encoding. The `i` flag folds ASCII and Latin-1 letters exactly as
 * `toLowerCase()` folds them, so the block need not be lower-cased first.
 *
 * The first version searched for each term's longest ASCII run instead. For a surname such
 * as "Bjørnstad", whose spellings include "bjørnštad", that run was "tad": 6% of a customer
 * file became candidates against 2% now, and parsing them cost more than the scan (1 M rows).
 */
export type ByteEncoding = 'utf8' | 'windows-1252';

export interface BytePatterns {
  /** Source of a case-insensitive (`i`) expression over the Latin-1 view of the bytes; null for no text terms. */
  text: string | null;
  /** ASCII digit strings, matched against the record's digits with everything else skipped. */
  digits: string[];
}

let upperOf: Map<string, string[]> | null = null;

/**
 * The blocks of the BMP that hold a character whose lower case differs from it (Latin, Greek,
 * Cyrillic, Armenian; Georgian, Cherokee; Latin Extended Additional and Greek Extended;
 * letterlike symbols to Coptic; Cyrillic and Latin Extended-B, C, D; fullwidth Latin).
 * Scanning these instead of all 63,000 BMP characters takes the build of the table on the
 * search thread from 10–16 ms to about 1 ms. A test checks against the whole BMP, so a Node.js
 * whose Unicode adds a cased letter elsewhere fails it instead of missing candidates.
 */
export const CASED_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x058f],
  [0x10a0, 0x10ff],
  [0x13a0, 0x13ff],
  [0x1c80, 0x1cbf],
  [0x1e00, 0x1fff],
  [0x2100, 0x2d2f],
  [0xa640, 0xa7ff],
  [0xab70, 0xabbf],
  [0xff00, 0xffef],
];

/** Every character in `blocks`, keyed by its one-character lower case: ø → [Ø], å → [Å, Å (U+212B)]. */
export function caseVariantsIn(blocks: ReadonlyArray<readonly [number, number]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [from, to] of blocks) {
    for (let cp = from; cp <= to; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const c = String.fromCharCode(cp);
      const lower = c.toLowerCase();
      if (lower === c || lower.length !== 1) continue;
      const list = map.get(lower);
      if (list) list.push(c);
      else map.set(lower, [c]);
    }
  }
  return map;
}

function caseVariants(): Map<string, string[]> {
  if (upperOf) return upperOf;
  const map = caseVariantsIn(CASED_BLOCKS);
  // Final sigma: "Σ" lower-cases to "ς" at the end of a word, "σ" elsewhere.
  map.set('ς', [...(map.get('ς') ?? []), 'Σ']);
  // "İ" (U+0130) is the one character whose lower case is two: "i" + U+0307. Letting it stand
  // for "i" only ever adds candidates; a term with U+0307 also gets it as a pattern of its own.
  map.set('i', [...(map.get('i') ?? []), '\u0130']);
  upperOf = map;
  return map;
}

function encoder(encoding: ByteEncoding): (s: string) => string | null {
  if (encoding === 'utf8') return (s) => Buffer.from(s, 'utf8').toString('latin1');
  const table = new Map<string, number>();
  const decoded = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
  for (let i = 0; i < 256; i++) if (!table.has(decoded[i])) table.set(decoded[i], i);
  return (s) => {
    let out = '';
    for (const ch of s) {
      const b = table.get(ch);
      if (b === undefined) return null; // cannot occur in a Windows-1252 file at all
      out += String.fromCharCode(b);
    }
    return out;
  };
}

const escapeByte = (s: string) =>
  s.replace(/[\s\S]/g, (c) => (/[A-Za-z0-9]/.test(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));

/** Any four-byte UTF-8 sequence: astral characters stand for themselves and every case of them. */
const ASTRAL_UTF8 = '[\\xf0-\\xf4][\\x80-\\xbf]{3}';

/** One character of a term as the alternatives of its byte spellings; null if it cannot occur in the file. */
function characterPattern(ch: string, encoding: ByteEncoding, encode: (s: string) => string | null): string | null {
  if (ch.length > 1) return encoding === 'utf8' ? ASTRAL_UTF8 : null;
  // A quoted CSV field doubles its quotes.
  if (ch === '"') return '"(?:")?';
  const spellings = new Set<string>();
  for (const c of [ch, ...(caseVariants().get(ch) ?? [])]) {
    const bytes = encode(c);
    if (bytes !== null) spellings.add(bytes.toLowerCase());
  }
  if (spellings.size === 0) return null;
  const list = [...spellings].map(escapeByte);
  return list.length === 1 ? list[0] : `(?:${list.join('|')})`;
}

function termPattern(term: string, encoding: ByteEncoding, encode: (s: string) => string | null): string | null {
  let out = '';
  for (const ch of term) {
    const p = characterPattern(ch, encoding, encode);
    if (p === null) return null; // the term cannot be in this file
    out += p;
  }
  return out;
}

export function bytePatterns(terms: PrefilterTerms, encoding: ByteEncoding): BytePatterns {
  const encode = encoder(encoding);
  const alternatives = new Set<string>();
  for (const raw of terms.text) {
    const term = raw.toLowerCase();
    if (term.length === 0) continue;
    const p = termPattern(term, encoding, encode);
    if (p !== null) alternatives.add(p);
    if (term.includes('\u0307')) {
      const dotted = encode('\u0130');
      if (dotted !== null) alternatives.add(escapeByte(dotted));
    }
  }
  const digits = terms.digits.filter((d) => /^[0-9]+$/.test(d));
  return { text: alternatives.size > 0 ? [...alternatives].join('|') : null, digits: dedupeDigits(digits) };
}

/** A digit term that contains another is dropped: the shorter one already selects its records. */
function dedupeDigits(list: readonly string[]): string[] {
  const strs = [...new Set(list)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of strs) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}
