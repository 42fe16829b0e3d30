import { readStructured, type StructuredValue } from './mail-structured-header';

/**
 * The MIME tree of a message as postal-mime builds it, without decoding any body: the mail
 * pre-check (mail-precheck.ts) must see exactly the parts, headers and body lines the full
 * parser sees, so this follows postal-mime's line machine rule for rule (lines end at LF,
 * trailing CRs dropped; a boundary line is "--" + a boundary of any open multipart, innermost
 * first, with an optional "--" and only spaces or tabs after it; folded header lines joined
 * with LF; the last Content-Type of a header block counts but the first
 * Content-Transfer-Encoding and Content-Disposition). Where a rule would need more than that
 * (comments or RFC 2231 parameters in a structured header, deep nesting, huge header blocks),
 * it gives null and the message goes to the full parser.
 */
export interface MimePartView {
  depth: number;
  children: MimePartView[];
  /**
   * The header block in document order, keys lower-cased, values with whitespace runs as one
   * space; only the headers in READ_HEADERS, the ones anything reads.
   */
  headers: Array<{ key: string; value: string }>;
  type: StructuredValue;
  /** The subtype of a multipart ("mixed", "alternative"), false for a leaf. */
  multipart: string | false;
  disposition: StructuredValue;
  transfer: 'base64' | 'quoted-printable' | 'none';
  /**
   * Body lines as [start, end) byte offsets into the message, line ends excluded. One range
   * may hold several whole lines, separated by single LFs (no CR at their ends): postal-mime
   * joins body lines with LF, so the bytes are the same.
   */
  lines: number[];
}

interface OpenPart extends MimePartView {
  parent: OpenPart | null;
  parentMultipart: string | false;
  headerLines: string[];
  headerBytes: number;
  state: 'header' | 'body' | 'finished';
  children: OpenPart[];
}

/** Well under postal-mime's limits (50 levels as we configure it, 2 MB of headers), which throw. */
const MAX_DEPTH = 40;
const MAX_HEADER_BYTES = 1 << 20;

/** The headers anyone reads from a part (parseMessage, shownFields, the MIME rules); only these are kept. */
const READ_HEADERS = new Set([
  'from', 'sender', 'to', 'cc', 'bcc', 'reply-to', 'subject', 'date', 'message-id',
  'x-from', 'x-to', 'x-cc', 'x-bcc',
  'content-type', 'content-transfer-encoding', 'content-disposition',
]);
/** Whitespace that collapsing to single spaces would change (anything but lone spaces). */
const COLLAPSIBLE = /[^\S ]| {2}/;
/** A header name without whitespace (nearly all): nothing to collapse or trim. */
const PLAIN_KEY = /^[!-9;-~]+$/;

/** /^\s/ without a regular expression for the ASCII cases. */
function startsWithSpace(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /^\s/.test(line));
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

class Unsupported extends Error {}

function openPart(parent: OpenPart | null): OpenPart {
  const depth = parent ? parent.depth + 1 : 0;
  if (depth > MAX_DEPTH) throw new Unsupported();
  const part: OpenPart = {
    parent,
    depth,
    parentMultipart: parent ? parent.multipart : false,
    children: [],
    headers: [],
    headerLines: [],
    headerBytes: 0,
    state: 'header',
    type: { value: '', params: {} },
    multipart: false,
    disposition: { value: '', params: {} },
    transfer: 'none',
    lines: [],
  };
  parent?.children.push(part);
  return part;
}

/** The tree, or null when the message needs something this reading does not follow. */
export function readMimeTree(raw: Uint8Array): MimePartView | null {
  if (raw.length === 0) return null;
  try {
    return new TreeReader(raw).read();
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

class TreeReader {
  private readonly root: OpenPart = openPart(null);
  private current: OpenPart = this.root;
  private readonly boundaries: Array<{ value: Uint8Array; part: OpenPart }> = [];

  /** The message as a Buffer, for its native multi-byte search. */
  private readonly bytes: Buffer;

  constructor(private readonly raw: Uint8Array) {
    this.bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  }

  read(): MimePartView {
    const raw = this.raw;
    let pos = 0;
    let crlf = false;
    while (pos < raw.length) {
      if (!crlf && this.current.state !== 'header' && !this.boundaryCandidate(pos)) {
        // Body lines up to the next line that could be a boundary go to the part at once.
        const next = this.boundaries.length > 0 ? this.bytes.indexOf('\n--', pos) : -1;
        const stop = next < 0 ? raw.length : next;
        const cr = raw.indexOf(13, pos);
        if (cr < 0 || cr >= stop) {
          const end = next < 0 && raw[raw.length - 1] === 10 ? raw.length - 1 : stop;
          if (this.current.state === 'body') this.current.lines.push(pos, end);
          pos = next < 0 ? raw.length : next + 1;
          continue;
        }
        crlf = true; // CRs to remove: line by line from here
      }
      let nl = raw.indexOf(10, pos);
      if (nl < 0) nl = raw.length;
      let end = nl;
      while (end > pos && raw[end - 1] === 13) end--;
      this.line(pos, end);
      pos = nl + 1;
    }
    this.finish(this.root);
    return this.root;
  }

  private boundaryCandidate(pos: number): boolean {
    return this.boundaries.length > 0 && this.raw[pos] === 0x2d && this.raw[pos + 1] === 0x2d;
  }

  private line(start: number, end: number): void {
    const raw = this.raw;
    if (this.boundaries.length > 0 && end - start > 2 && raw[start] === 0x2d && raw[start + 1] === 0x2d) {
      for (let i = this.boundaries.length - 1; i >= 0; i--) {
        const b = this.boundaries[i];
        const closing = this.boundaryAt(start, end, b.value);
        if (closing === null) continue;
        if (closing) {
          this.finish(b.part);
          this.current = b.part.parent ?? this.root;
        } else {
          for (const child of b.part.children) this.finish(child);
          this.current = openPart(b.part);
        }
        return;
      }
    }
    this.feed(this.current, start, end);
  }

  /** null: not this boundary; true: its closing line; false: a part starts. */
  private boundaryAt(start: number, end: number, value: Uint8Array): boolean | null {
    const raw = this.raw;
    const len = end - start;
    if (len < value.length + 2) return null;
    for (let j = 0; j < value.length; j++) if (raw[start + 2 + j] !== value[j]) return null;
    let after = value.length + 2;
    const closing = len >= value.length + 4 && raw[start + after] === 0x2d && raw[start + after + 1] === 0x2d;
    if (closing) after += 2;
    for (let j = start + after; j < end; j++) if (raw[j] !== 0x20 && raw[j] !== 0x09) return null;
    return closing;
  }

  private feed(part: OpenPart, start: number, end: number): void {
    if (part.state === 'header') {
      if (start === end) {
        part.state = 'body';
        this.headersDone(part);
        return;
      }
      part.headerBytes += end - start;
      if (part.headerBytes > MAX_HEADER_BYTES) throw new Unsupported();
      part.headerLines.push(utf8.decode(this.raw.subarray(start, end)));
      return;
    }
    // postal-mime drops lines that reach a part after it was closed.
    if (part.state === 'body') part.lines.push(start, end);
  }

  private finish(part: OpenPart): void {
    if (part.state === 'finished') return;
    if (part.state === 'header') this.headersDone(part);
    const at = this.boundaries.findIndex((b) => b.part === part);
    if (at >= 0) this.boundaries.splice(at, 1);
    for (const child of part.children) this.finish(child);
    part.state = 'finished';
  }

  private headersDone(part: OpenPart): void {
    // Folded lines (starting with whitespace) belong to the line before; the first line never folds.
    const lines: string[] = [];
    for (const line of part.headerLines) {
      if (lines.length > 0 && startsWithSpace(line)) lines[lines.length - 1] += `\n${line}`;
      else lines.push(line);
    }
    let type: string | null = null;
    let transfer: string | null = null;
    let disposition: string | null = null;
    for (const line of lines) {
      // postal-mime turns every whitespace run into one space, then splits at the first colon
      // and trims both sides; a run never spans the colon, so each side can be done alone.
      const sep = line.indexOf(':');
      const rawKey = sep < 0 ? line : line.slice(0, sep);
      const key = (PLAIN_KEY.test(rawKey) ? rawKey : rawKey.replace(/\s+/g, ' ').trim()).toLowerCase();
      if (!READ_HEADERS.has(key)) continue;
      const rest = sep < 0 ? '' : line.slice(sep + 1);
      const value = (COLLAPSIBLE.test(rest) ? rest.replace(/\s+/g, ' ') : rest).trim();
      part.headers.push({ key, value });
      if (key === 'content-type') type = value;
      else if (key === 'content-transfer-encoding' && transfer === null) transfer = value;
      else if (key === 'content-disposition' && disposition === null) disposition = value;
    }
    // RFC 2046 5.1.5: in a multipart/digest a part without Content-Type is a message/rfc822.
    const parsedType = readStructured(type ?? (part.parentMultipart === 'digest' ? 'message/rfc822' : 'text/plain'));
    const parsedDisposition = readStructured(disposition ?? '');
    if (!parsedType || !parsedDisposition) throw new Unsupported();
    part.type = parsedType;
    part.disposition = parsedDisposition;
    part.multipart = /^multipart\//i.test(parsedType.value) ? parsedType.value.slice(parsedType.value.indexOf('/') + 1) : false;
    if (part.multipart && parsedType.params.boundary) this.boundaries.push({ value: encoder.encode(parsedType.params.boundary), part });
    const encoding = (transfer ?? '8bit').toLowerCase().split(/[^\w-]/)[0];
    part.transfer = /base64/i.test(encoding) ? 'base64' : /quoted-printable/i.test(encoding) ? 'quoted-printable' : 'none';
  }
}
