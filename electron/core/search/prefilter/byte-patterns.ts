import type { PrefilterTerms } from '../../match/prefilter';

/**
 * Turns the matcher's prefilter terms into byte patterns for a raw scan of an ASCII-compatible
 * file (UTF-8 or Windows-1252) whose ASCII letters have been lower-cased byte by byte.
 *
 * The promise to keep (match/prefilter.ts): a field whose `toLowerCase()` contains a text
 * term must make its record a candidate. Per term we search for its longest ASCII run rather
 * than every spelling: an ASCII letter in lower-cased text comes from the same letter in
 * either case, except for two characters whose lower case is ASCII (U+212A KELVIN SIGN → k,
 * U+0130 İ → i + U+0307). Those are added as sentinel patterns, so a record holding one is
 * always parsed. A term without a usable ASCII run is expanded into every case spelling of
 * its non-ASCII letters instead. Finally a pattern that contains another is dropped: the
 * shorter one already selects its records.
 */
export type ByteEncoding = 'utf8' | 'windows-1252';

const MIN_ASCII_RUN = 3;

/** Non-ASCII characters whose lower case contains ASCII (found by scanning all of Unicode). */
const SENTINELS = ['\u0130', '\u212A'];

let upperOf: Map<string, string[]> | null = null;

/** Every BMP character, keyed by its one-character lower case: ø → [Ø], å → [Å, Å (U+212B)]. */
function caseVariants(): Map<string, string[]> {
  if (upperOf) return upperOf;
  const map = new Map<string, string[]>();
  for (let cp = 0x80; cp <= 0xffff; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    const c = String.fromCharCode(cp);
    const lower = c.toLowerCase();
    if (lower === c || lower.length !== 1) continue;
    const list = map.get(lower) ?? [];
    list.push(c);
    map.set(lower, list);
  }
  // Final sigma: "Σ" lower-cases to "ς" at the end of a word, "σ" elsewhere.
  map.set('ς', [...(map.get('ς') ?? []), 'Σ']);
  upperOf = map;
  return map;
}

function encoder(encoding: ByteEncoding): (s: string) => Uint8Array | null {
  if (encoding === 'utf8') return (s) => Buffer.from(s, 'utf8');
  const table = new Map<string, number>();
  const decoded = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  for (let i = 0; i < 256; i++) if (!table.has(decoded[i])) table.set(decoded[i], i);
  return (s) => {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const b = table.get(s[i]);
      if (b === undefined) return null; // cannot occur in a Windows-1252 file at all
      out[i] = b;
    }
    return out;
  };
}

function longestAsciiRun(term: string): string {
  let best = '';
  for (const run of term.split(/[^\x00-\x7f]+/)) if (run.length > best.length) best = run;
  return best;
}

/** All spellings of a term whose lower case is the term (non-ASCII letters only; ASCII is lowered). */
function spellings(term: string, limit: number): string[] | null {
  const variants = caseVariants();
  let out = [''];
  for (const ch of term) {
    const options = ch.charCodeAt(0) < 0x80 ? [ch] : [ch, ...(variants.get(ch) ?? [])];
    out = out.flatMap((prefix) => options.map((o) => prefix + o));
    if (out.length > limit) return null;
  }
  return out;
}

/** A quoted CSV field doubles its quotes, so a term with `"` is also looked for with `""`. */
function withCsvQuoting(s: string): string[] {
  return s.includes('"') ? [s, s.replace(/"/g, '""')] : [s];
}

export interface BytePatterns {
  /** Lower-cased-ASCII byte patterns; a record containing one is a candidate. */
  text: Uint8Array[];
  /** ASCII digit strings, matched against the record's digits with everything else skipped. */
  digits: Uint8Array[];
}

export function bytePatterns(terms: PrefilterTerms, encoding: ByteEncoding): BytePatterns {
  const encode = encoder(encoding);
  const strings = new Set<string>();
  for (const raw of terms.text) {
    const term = raw.toLowerCase();
    if (term.length === 0) continue;
    const run = longestAsciiRun(term);
    const chosen = run.length >= Math.min(MIN_ASCII_RUN, term.length) ? [run] : (spellings(term, 256) ?? [run]);
    for (const s of chosen) if (s.length > 0) for (const q of withCsvQuoting(s)) strings.add(q);
  }
  if (strings.size > 0) for (const s of SENTINELS) strings.add(s);
  // Drop a pattern that contains another one: the shorter pattern already selects its records.
  const sorted = [...strings].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  const text = kept.map((s) => encode(s)).filter((b): b is Uint8Array => b !== null && b.length > 0);
  const digits = terms.digits.filter((d) => /^[0-9]+$/.test(d)).map((d) => Buffer.from(d, 'latin1'));
  return { text, digits: dedupeDigits(digits) };
}

function dedupeDigits(list: Uint8Array[]): Uint8Array[] {
  const strs = [...new Set(list.map((b) => Buffer.from(b).toString('latin1')))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of strs) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept.map((s) => Buffer.from(s, 'latin1'));
}
