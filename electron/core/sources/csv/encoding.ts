import { isUtf8 as nativeIsUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from './decoder';

/**
 * Decides how a CSV file's bytes become text. Norwegian exports from Excel and older systems
 * are often Windows-1252 (a superset of ISO-8859-1 for printable text), so bytes that are not
 * valid UTF-8 are read as Windows-1252 rather than replaced with U+FFFD.
 */
export type CsvEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bomLength: 2 };
  // UTF-16 without BOM: every other byte of ASCII text is zero.
  const pairs = Math.min(sample.length >> 1, 512);
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) zeroEven++;
    if (sample[2 * i + 1] === 0) zeroOdd++;
  }
  if (pairs > 8 && zeroOdd > pairs * 0.4 && zeroEven === 0) return { encoding: 'utf16le', bomLength: 0 };
  if (pairs > 8 && zeroEven > pairs * 0.4 && zeroOdd === 0) return { encoding: 'utf16be', bomLength: 0 };
  return { encoding: readAsUtf8(sample) ? 'utf8' : 'windows-1252', bomLength: 0 };
}

/**
 * UTF-8 when the sample is valid UTF-8, and also when real UTF-8 letters come before the
 * first invalid byte: such a file mixes the two, and the decoder switches (and says so) at
 * that byte instead of turning the UTF-8 part into "Ã¸".
 */
function readAsUtf8(sample: Uint8Array): boolean {
  // Node's native check first (microseconds); it rejects a sequence cut off at the end of the
  // sample, which the slower check below accepts.
  if (nativeIsUtf8(sample) || isUtf8(sample)) return true;
  const bad = firstInvalidUtf8(sample);
  return bad > 0 && sample.subarray(0, bad).some((b) => b >= 0x80);
}

/** Strict UTF-8 check; a sequence cut off at the end of the sample is accepted. */
function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (len === 0 || (b >= 0xe0 && b < 0xf0 && len !== 3)) return false;
    for (let k = 1; k < len; k++) {
      if (i + k >= bytes.length) return true;
      if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    }
    i += len;
  }
  return true;
}
