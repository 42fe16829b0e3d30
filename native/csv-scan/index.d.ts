/**
 * Finds the records of one block by the CSV reader's rules (see csv-scan.ts `oneRecord`).
 * Fills starts/ends/flags/breaksBefore from index 0 and returns
 * [records, bytes consumed up to the last complete record, line breaks consumed].
 * flags[r] is 1 when the reader would report the record (wrong field count, control
 * characters, text after a closing quote, an unclosed quote at the end of the file), else 0.
 * When the arrays are full it stops at that record boundary; the caller continues from there.
 * firstRecordFields is the field count of the first record found, or -1.
 */
export function scanRecords(
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
 * order, searched from term[anchor]. Writes the first and last digit's offset of each into
 * `marks` (pairs) and returns how many numbers were written; stops when `marks` is full and
 * returns -1, so the caller can retry with a larger array.
 */
export function findDigits(block: Uint8Array, length: number, term: Uint8Array, anchor: number, marks: Int32Array): number;
