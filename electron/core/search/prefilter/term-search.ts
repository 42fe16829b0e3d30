/**
 * The two searches of the raw CSV pass, both in V8's native code rather than a JavaScript
 * loop per byte. The block is read as a Latin-1 string (one character per byte, so string
 * positions are byte offsets):
 *  - text patterns: `indexOf` on the lower-cased string (Latin-1 lower-casing maps bytes to
 *    bytes, and patterns are lower-cased the same way, so a raw hit stays a hit);
 *  - digit terms: a regular expression per term that allows any non-digits between the
 *    digits, which is what `digitsOnly(field).includes(term)` amounts to ("913 45 678"
 *    still matches 91345678). A match may run across fields or records: that only adds
 *    candidates. Both ends of a match mark their record, and the search restarts one
 *    character after each match start, so an overlapping genuine match is never hidden.
 */
export interface Marker {
  /** Marks the record holding byte `pos` of the block. */
  (pos: number): void;
}

export function latin1Lower(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').toLowerCase();
}

export function markText(lowerBlock: string, patterns: readonly string[], mark: Marker): void {
  for (const p of patterns) {
    let at = lowerBlock.indexOf(p);
    while (at >= 0) {
      mark(at);
      at = lowerBlock.indexOf(p, at + 1);
    }
  }
}

/** One expression for all digit terms: a single native pass over the block instead of one per term. */
const NON_DIGITS = /[^0-9]+/g;

export function digitRegex(terms: readonly string[]): RegExp | null {
  if (terms.length === 0) return null;
  return new RegExp(terms.map((t) => t.split('').join('\\D*')).join('|'), 'g');
}

export function markDigits(block: string, regexes: readonly RegExp[], mark: Marker, terms: readonly string[]): void {
  // Most blocks hold none of the terms even with every non-digit removed: one native
  // replace and indexOf rule the block out before the slower separator-tolerant search.
  const digitsOnly = block.replace(NON_DIGITS, '');
  if (!terms.some((t) => digitsOnly.includes(t))) return;
  for (const re of regexes) {
    re.lastIndex = 0;
    for (let m = re.exec(block); m !== null; m = re.exec(block)) {
      mark(m.index);
      mark(m.index + m[0].length - 1);
      re.lastIndex = m.index + 1;
    }
  }
}

/** Index of the last record starting at or before `pos`, or -1. */
export function recordAt(starts: Int32Array, count: number, pos: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
