import { TextDecoder } from 'node:util';

/**
 * Windows-1252 decoding that does not depend on the Node.js version. From Node 20.18.3 and
 * 22.13 (nodejs/node#60888), `new TextDecoder('windows-1252')` decodes like ISO-8859-1:
 * bytes 0x80–0x9F become C1 control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” •
 * – — ˜ ™ š › œ ž Ÿ. Norwegian exports from Windows programs are full of these (amounts in
 * euro, curly quotes in notes, names such as Šimek), and a DPO's package must show them as
 * written. Windows-1252 is one byte per character, so the decoder needs no state between
 * chunks: Latin-1 for every byte, then the 32 characters the Encoding Standard puts at
 * 0x80–0x9F (five of them unassigned, which stay as the C1 code point).
 */
const HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

const C1 = /[\x80-\x9f]/;
const C1_ALL = /[\x80-\x9f]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return C1.test(latin1) ? latin1.replace(C1_ALL, (c) => HIGH[c.charCodeAt(0) - 0x80]) : latin1;
}

/** The part of TextDecoder the readers use. */
export interface Decoder {
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

class Windows1252Decoder implements Decoder {
  decode(bytes?: Uint8Array): string {
    return bytes ? decodeWindows1252(bytes) : '';
  }
}

/**
 * A decoder for a WHATWG encoding label. Every label the Encoding Standard maps to
 * windows-1252 ("latin1", "iso-8859-1", "ascii", "cp1252", ...) gets the decoder above;
 * the rest get Node's TextDecoder (which throws for a label it does not know).
 */
export function textDecoder(label: string, options?: { fatal?: boolean }): Decoder {
  const native = new TextDecoder(label, options);
  return native.encoding === 'windows-1252' ? new Windows1252Decoder() : native;
}
