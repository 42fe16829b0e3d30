import { isAscii } from 'node:buffer';
const EMPTY_PARAM = /;[ \t]*(?:\r?\n[ \t]+)?;/;

/**
 * Netscape 3 wrote `Content-Type: multipart/mixed;;` with an empty parameter before the
 * boundary. postal-mime then reads the boundary's name as "; boundary" and the message as
 * one part, so its attachments would go unsearched. This removes empty parameters from the
 * top-level Content-Type header and nothing else; the original bytes are still what is
 * exported.
 */
export function repairTopContentType(raw: Uint8Array): Uint8Array {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const headerEnd = findHeaderEnd(buf);
  const head = buf.toString('latin1', 0, headerEnd);
  const match = /^content-type:[^\n]*(?:\n[ \t][^\n]*)*/im.exec(head);
  if (!match || !EMPTY_PARAM.test(match[0])) return raw;
  let fixed = match[0];
  while (EMPTY_PARAM.test(fixed)) fixed = fixed.replace(EMPTY_PARAM, ';');
  const before = head.slice(0, match.index);
  const after = head.slice(match.index + match[0].length);
  return Buffer.concat([Buffer.from(before + fixed + after, 'latin1'), buf.subarray(headerEnd)]);
}

/**
 * Old clients (and Norwegian ones long after) wrote Latin-1/Windows-1252 straight into
 * headers instead of RFC 2047 words: "From: J\xF8rn St\xF8ylen". Parsed as UTF-8 those names
 * become "J\uFFFDrn" and no longer match. When the top-level header block is not valid UTF-8,
 * it is re-encoded from the message's declared charset (Windows-1252 when none or unknown).
 */
export function repairHeaderCharset(raw: Uint8Array): Uint8Array {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const headerEnd = findHeaderEnd(buf);
  const head = buf.subarray(0, headerEnd);
  if (isAscii(head)) return raw;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head);
    return raw; // already UTF-8 (RFC 6532)
  } catch {
    // fall through: legacy 8-bit
  }
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(head.toString('latin1'))?.[1];
  const label = declared && !/^(us-)?ascii$|^utf-?8$/i.test(declared) ? declared : 'windows-1252';
  const decoder = (() => {
    try {
      return new TextDecoder(label);
    } catch {
      return new TextDecoder('windows-1252');
    }
  })();
  return Buffer.concat([Buffer.from(decoder.decode(head), 'utf8'), buf.subarray(headerEnd)]);
}

function findHeaderEnd(buf: Buffer): number {
  const lf = buf.indexOf('\n\n');
  // Only a CRLF pair ending by the first LF pair can come first: not a search of the whole message.
  const crlf = (lf < 0 ? buf : buf.subarray(0, lf + 1)).indexOf('\r\n\r\n');
  const ends = [lf, crlf].filter((n) => n >= 0);
  return ends.length > 0 ? Math.min(...ends) : Math.min(buf.length, 256 * 1024);
}
