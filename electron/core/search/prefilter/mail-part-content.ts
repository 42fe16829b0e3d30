import { isAscii } from 'node:buffer';
import type { MimePartView } from './mail-mime-tree';

/**
 * A part's body after its transfer encoding, byte for byte what postal-mime's decoders give,
 * for the mail pre-check. postal-mime joins the body lines with LF (one after the last line
 * too) and decodes them through a Blob; here base64 goes through Node's native decoder and
 * quoted-printable through one loop, which is where the pre-check saves most of its time.
 * Only well-formed bodies are decoded (base64 of whole lines of its alphabet with padding at
 * the end; quoted-printable of ASCII with every "=" starting a soft line break or a hex pair):
 * postal-mime's handling of the malformed kinds differs from any other decoder's, so for
 * those this gives null and the message goes to the full parser.
 */
export function partContent(raw: Uint8Array, part: MimePartView, charset: string | undefined): Uint8Array | null {
  const body = joinLines(raw, part.lines);
  switch (part.transfer) {
    case 'none':
      return body;
    case 'base64':
      return base64(body);
    case 'quoted-printable':
      // postal-mime reads each line through the charset's decoder before it decodes "=XX"; for
      // ASCII that changes nothing only when the charset agrees with ASCII.
      return asciiCompatible(charset) ? quotedPrintable(body) : null;
  }
}

/** The body lines, each followed by LF; a view of the message when its lines already are. */
function joinLines(raw: Uint8Array, lines: readonly number[]): Uint8Array {
  if (lines.length === 0) return new Uint8Array(0);
  let contiguous = raw[lines[lines.length - 1]] === 10;
  for (let i = 2; contiguous && i < lines.length; i += 2) contiguous = lines[i] === lines[i - 1] + 1;
  if (contiguous) return raw.subarray(lines[0], lines[lines.length - 1] + 1);
  let size = 0;
  for (let i = 0; i < lines.length; i += 2) size += lines[i + 1] - lines[i] + 1;
  const out = new Uint8Array(size);
  let at = 0;
  for (let i = 0; i < lines.length; i += 2) {
    out.set(raw.subarray(lines[i], lines[i + 1]), at);
    at += lines[i + 1] - lines[i];
    out[at++] = 10;
  }
  return out;
}

/** Anything but the alphabet, padding and line ends; padding may only be followed by more of itself and line ends. */
const NOT_BASE64 = /[^A-Za-z0-9+/=\n]/;
const PADDING_TAIL = /^[=\n]*$/;

function base64(body: Uint8Array): Uint8Array | null {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const text = bytes.toString('latin1');
  if (NOT_BASE64.test(text)) return null;
  const pad = text.indexOf('=');
  if (pad >= 0 && !PADDING_TAIL.test(text.slice(pad))) return null;
  let padding = 0;
  for (let i = text.length - 1; i >= 0 && (text[i] === '=' || text[i] === '\n'); i--) if (text[i] === '=') padding++;
  let lineCount = 0;
  for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, nl + 1)) lineCount++;
  // One stray character after whole groups: postal-mime writes a byte for it, Node does not.
  if ((text.length - lineCount - padding) % 4 === 1) return null;
  return Buffer.from(text, 'base64');
}

/** Hex digit values by byte, -1 for anything else. */
const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x41 + c] = HEX[0x61 + c] = 10 + c;

function quotedPrintable(body: Uint8Array): Uint8Array | null {
  const n = body.length;
  const out = new Uint8Array(n);
  let o = 0;
  let i = 0;
  while (i < n) {
    const c = body[i];
    if (c >= 0x80) return null;
    if (c !== 0x3d) {
      out[o++] = c;
      i++;
    } else if (i + 1 < n && body[i + 1] === 10) {
      i += 2; // soft line break
    } else {
      const hi = i + 2 < n ? HEX[body[i + 1]] : -1;
      const lo = i + 2 < n ? HEX[body[i + 2]] : -1;
      if (hi < 0 || lo < 0) return null;
      out[o++] = (hi << 4) | lo;
      i += 3;
    }
  }
  return out.subarray(0, o);
}

const aliases = new Map([
  ['iso-8859-8-i', 'iso-8859-8'],
  ['iso-8859-8-e', 'iso-8859-8'],
]);
type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder>();
let decoderClass: typeof TextDecoder | null = null;

/** The decoder postal-mime uses for a part's charset (UTF-8 when none, Windows-1252 when unknown). */
export function charsetDecoder(charset: string | undefined): Decoder {
  // postal-mime takes the global TextDecoder when it decodes; if it is replaced (text-decoder-fix.ts), so are ours.
  if (decoderClass !== globalThis.TextDecoder) {
    decoders.clear();
    decoderClass = globalThis.TextDecoder;
  }
  let label = (charset || 'utf8').trim().toLowerCase();
  label = aliases.get(label) ?? label;
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = new TextDecoder('windows-1252');
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

const C1 = /[\x80-\x9f]/;

/**
 * A text part's characters, as postal-mime's decoder for its charset gives them. Two cases
 * skip TextDecoder, which took about 30 µs for a 6 KB body where reading the bytes as Latin-1
 * takes 1: ASCII in UTF-8, and Windows-1252 (also the decoder for ISO-8859-1 and US-ASCII)
 * without bytes 0x80–0x9F, the only ones it does not map like Latin-1 (nor does the
 * text-decoder-fix.ts replacement).
 */
export function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  const decoder = charsetDecoder(charset);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (decoder.encoding === 'windows-1252') {
    const text = buf.toString('latin1');
    if (!C1.test(text)) return text;
  } else if (decoder.encoding === 'utf-8' && isAscii(buf)) {
    return buf.toString('latin1');
  }
  return decoder.decode(bytes);
}

/** Charsets in which the bytes 0x00–0x7F are ASCII whatever comes before them (not ISO-2022, not UTF-16). */
function asciiCompatible(charset: string | undefined): boolean {
  const encoding = charsetDecoder(charset).encoding;
  let known = asciiEncodings.get(encoding);
  if (known === undefined) {
    known = /^(utf-8|iso-8859-\d+|windows-\d+|koi8-[ru]|gbk|gb18030)$/.test(encoding);
    asciiEncodings.set(encoding, known);
  }
  return known;
}
const asciiEncodings = new Map<string, boolean>();
