/**
 * The two searches of the raw CSV pass over one block, read as a Latin-1 string (one
 * character per byte, so string positions are byte offsets), both leaning on V8's native
 * string code rather than a JavaScript loop over every byte:
 *  - text terms: one case-insensitive regular expression (byte-patterns.ts);
 *  - digit terms: `indexOf` finds each occurrence of one of the term's digits, and a short
 *    walk each way skips non-digits and compares the term's other digits, which is what
 *    `digitsOnly(field).includes(term)` amounts to ("913 45 678" still matches 91345678).
 *    A match may run across fields or records: that only adds candidates. Both ends of a
 *    match mark their record, and every occurrence of the chosen digit is tried, so an
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

/**
 * A digit term with the digit its search starts from: every occurrence of that digit in the
 * block is tried, and the term is checked outwards from it. The rarest of the term's digits
 * in the file (digitCounts of its first block) means the fewest tries: in a customer export
 * "1" is almost twice as common as "8", so 15038541215 is searched from its "8".
 */
export interface DigitTerm {
  digits: string;
  anchor: number;
}

/** How often each digit occurs in a sample of the file. */
export function digitCounts(sample: string): Uint32Array {
  const counts = new Uint32Array(10);
  for (let i = 0; i < sample.length; i++) {
    const d = sample.charCodeAt(i) - 48;
    if (d >= 0 && d < 10) counts[d]++;
  }
  return counts;
}

export function digitTerm(digits: string, counts?: Uint32Array): DigitTerm {
  let anchor = 0;
  if (counts) for (let j = 1; j < digits.length; j++) if (counts[digits.charCodeAt(j) - 48] < counts[digits.charCodeAt(anchor) - 48]) anchor = j;
  return { digits, anchor };
}

export function markDigitTerms(block: string, terms: readonly DigitTerm[], mark: Marker): void {
  for (const { digits, anchor } of terms) {
    const at0 = digits[anchor];
    for (let at = block.indexOf(at0); at >= 0; at = block.indexOf(at0, at + 1)) {
      const last = digitsAfter(block, at, digits, anchor);
      if (last < 0) continue;
      const first = digitsBefore(block, at, digits, anchor);
      if (first < 0) continue;
      mark(first);
      mark(last);
    }
  }
}

/** Where the term's last digit is, when its digits after `anchor` follow `at` with only non-digits between; else -1. */
function digitsAfter(block: string, at: number, term: string, anchor: number): number {
  let k = at + 1;
  const n = block.length;
  for (let j = anchor + 1; j < term.length; j++) {
    let c = block.charCodeAt(k);
    while (k < n && (c - 48) >>> 0 >= 10) c = block.charCodeAt(++k);
    if (k >= n || c !== term.charCodeAt(j)) return -1;
    k++;
  }
  return k - 1;
}

/** Where the term's first digit is, when its digits before `anchor` precede `at` with only non-digits between; else -1. */
function digitsBefore(block: string, at: number, term: string, anchor: number): number {
  let k = at - 1;
  for (let j = anchor - 1; j >= 0; j--) {
    let c = block.charCodeAt(k);
    while (k >= 0 && (c - 48) >>> 0 >= 10) c = block.charCodeAt(--k);
    if (k < 0 || c !== term.charCodeAt(j)) return -1;
    k--;
  }
  return k + 1;
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
