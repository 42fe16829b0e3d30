import { createRequire } from 'node:module';

/**
 * The raw CSV pass's two byte loops in C (native/csv-scan, built by `npm install` as an
 * optional dependency): record boundaries by the reader's rules, and digit terms with
 * separators skipped. In V8 these loops cost 3-4 ns a byte; in C well under one. When the
 * addon was not built (no compiler where the app was installed from source) or
 * INNSYN_NATIVE_SCAN=off, the JavaScript pass in csv-scan.ts does the same work.
 */
export interface NativeScan {
  /**
   * Finds the records of one block by the CSV reader's rules (csv-scan.ts `oneRecord`): fills
   * starts/ends/flags/breaksBefore from index 0 and returns [records, bytes consumed up to the
   * last complete record, line breaks consumed, the first record's field count or -1].
   * flags[r] is 1 when the reader would report the record (wrong field count, control
   * characters, text after a closing quote, an unclosed quote at the end of the file). When
   * the arrays are full it stops at that record boundary; the caller continues from there.
   */
  scanRecords(
    block: Uint8Array,
    length: number,
    stop: number,
    atEof: boolean,
    delimiter: number,
    expectedFields: number,
    starts: Int32Array,
    ends: Int32Array,
    flags: Uint8Array,
    breaksBefore: Int32Array,
  ): [records: number, complete: number, breaks: number, firstRecordFields: number];
  /**
   * Every place in block[0, length) where the digits of `term`, non-digits skipped, appear in
   * order, searched from term[anchor]: the first and last digit's offsets in pairs in `marks`.
   * Returns how many numbers were written, or -1 when `marks` is full.
   */
  findDigits(block: Uint8Array, length: number, term: Uint8Array, anchor: number, marks: Int32Array): number;
}

let addon: NativeScan | null | undefined;

export function nativeScan(): NativeScan | null {
  if (process.env.INNSYN_NATIVE_SCAN === 'off') return null;
  if (addon === undefined) {
    try {
      addon = createRequire(import.meta.url)('@innsyn/csv-scan') as NativeScan;
    } catch {
      addon = null;
    }
  }
  return addon;
}
