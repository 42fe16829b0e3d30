import { isAscii, isUtf8 } from 'node:buffer';
import { textDecoder, type Decoder } from '../../text/windows-1252';
import type { CsvEncoding } from './encoding';

/**
 * Turns a CSV file's bytes into text chunk by chunk. Encoding detection only sees the start
 * of a file; a Norwegian export can be plain ASCII for megabytes and then hold "Ø" as one
 * Windows-1252 byte. Decoding that as UTF-8 would turn the name into U+FFFD and the person
 * would never be found, so at the first byte that is not valid UTF-8 the decoder switches to
 * Windows-1252 for the rest of the file (ASCII reads the same in both) and says where.
 */
/** WHATWG encoding labels (Node's TextDecoder does not take "utf16le"). */
const LABELS: Record<CsvEncoding, string> = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
};

export class CsvDecoder {
  private decoder: Decoder;
  private utf8: boolean;
  private pending: Uint8Array = new Uint8Array(0);
  private offset = 0;
  private sawMultibyte = false;
  /** Set when the decoder switched from UTF-8 to Windows-1252. */
  switched: { byte: number; mixed: boolean } | null = null;

  constructor(readonly encoding: CsvEncoding) {
    this.utf8 = encoding === 'utf8';
    this.decoder = textDecoder(LABELS[encoding]);
  }

  decode(chunk: Uint8Array): string {
    if (!this.utf8) return this.decoder.decode(chunk, { stream: true });
    const bytes = this.pending.length > 0 ? concat(this.pending, chunk) : chunk;
    const tail = incompleteTail(bytes);
    const body = bytes.subarray(0, bytes.length - tail);
    let bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    if (bad === -1 && tail > 0 && !validLead(bytes[bytes.length - tail])) bad = bytes.length - tail;
    if (bad === -1) {
      this.pending = bytes.slice(bytes.length - tail);
      if (!this.sawMultibyte) this.sawMultibyte = !isAscii(body);
      this.offset += body.length;
      return this.decoder.decode(body);
    }
    const good = bytes.subarray(0, bad);
    if (!this.sawMultibyte) this.sawMultibyte = !isAscii(good);
    this.switched = { byte: this.offset + bad, mixed: this.sawMultibyte };
    const text = this.decoder.decode(good);
    this.utf8 = false;
    this.decoder = textDecoder('windows-1252');
    this.pending = new Uint8Array(0);
    return text + this.decoder.decode(bytes.subarray(bad), { stream: true });
  }

  end(): string {
    if (this.utf8 && this.pending.length > 0) {
      // A sequence cut off by the end of the file is not UTF-8 either.
      const rest = this.pending;
      this.pending = new Uint8Array(0);
      this.switched = { byte: this.offset, mixed: this.sawMultibyte };
      return textDecoder('windows-1252').decode(rest);
    }
    return this.decoder.decode();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function validLead(lead: number): boolean {
  return sequenceLength(lead) > 1;
}

/** Bytes at the end that start a multi-byte sequence the next chunk may complete. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const len = sequenceLength(b);
    return len > back ? back : 0;
  }
  return 0;
}

/** Index of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = sequenceLength(b);
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms and surrogates are not UTF-8 either.
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) {
      return i;
    }
    i += len;
  }
  return -1;
}
