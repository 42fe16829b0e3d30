import { createRequire } from 'node:module';

/**
 * The raw CSV pass's two byte loops in C (native/csv-scan, built by `npm install` as an
 * optional dependency): record boundaries by the reader's rules, and digit terms with
 * separators skipped. In V8 these loops cost 3-4 ns a byte; in C well under one. When the
 * addon was not built (no compiler where the app was installed from source) or
 * INNSYN_NATIVE_SCAN=off, the JavaScript pass in csv-scan.ts does the same work.
 */
export interface NativeScan {
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
