/**
 * The two searches of the raw CSV pass over one block, read as a Latin-1 string (one
 * character per byte, so string positions are byte offsets), both leaning on V8's native
 * string code rather than a JavaScript loop over every byte:
 *  - text terms: one case-insensitive regular expression (byte-patterns.ts);
 *  - digit terms: `indexOf` finds each occurrence of the term's first digit, and a short walk
 *    from there skips non-digits and compares the following digits, which is what
 *    `digitsOnly(field).includes(term)` amounts to ("913 45 678" still matches 91345678).
 *    A match may run across fields or records: that only adds candidates. Both ends of a
 *    match mark their record, and every occurrence of the first digit is tried, so an
 *    overlapping genuine match is never hidden.
 */
export interface Marker {
  /** Marks the record holding byte `pos` of the block. */
  (pos: number): void;
}

export function textRegex(source: string | null): RegExp | null {
  return source === null ? null : new RegExp(source, 'gi');
}

export function markText(block: string, re: RegExp, mark: Marker): void {
  re.lastIndex = 0;
  for (let m = re.exec(block); m !== null; m = re.exec(block)) {
    mark(m.index);
    // Restart just after the match's start: a match that overlaps this one still marks its record.
    re.lastIndex = m.index + 1;
  }
}

export function markDigitTerms(block: string, terms: readonly string[], mark: Marker): void {
  for (const term of terms) {
    const first = term[0];
    for (let at = block.indexOf(first); at >= 0; at = block.indexOf(first, at + 1)) {
      const last = digitsFollow(block, at + 1, term);
      if (last >= 0) {
        mark(at);
        mark(last);
      }
    }
  }
}

/** Where the term's last digit is, when its digits after the first follow `from` with only non-digits between; else -1. */
function digitsFollow(block: string, from: number, term: string): number {
  let k = from;
  const n = block.length;
  for (let j = 1; j < term.length; j++) {
    let c = block.charCodeAt(k);
    while (k < n && (c - 48) >>> 0 >= 10) c = block.charCodeAt(++k);
    if (k >= n || c !== term.charCodeAt(j)) return -1;
    k++;
  }
  return k - 1;
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
