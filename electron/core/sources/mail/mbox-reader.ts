import { mailLimits } from './mail-limits';
import { readLineBatches, type MboxLine } from './mbox-lines';

export interface MboxMessage {
  /** 0-based position in the mailbox. */
  index: number;
  /** Byte range of the message in the file, From_ line excluded. */
  start: number;
  end: number;
  /** The message with mboxrd/mboxo `>From ` quoting undone (only its first bytes if truncated). */
  raw: Buffer;
  /** The message was larger than the limit; `raw` holds only its beginning. */
  truncated: boolean;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*\r?\n?$/i;

function isFromLine(line: MboxLine): boolean {
  const b = line.bytes;
  return line.atLineStart && b.length >= 5 && b[0] === 0x46 && b.toString('latin1', 0, 5) === 'From ';
}

function isBlank(line: MboxLine): boolean {
  const b = line.bytes;
  return line.atLineStart && (b.length === 1 ? b[0] === 10 : b.length === 2 && b[0] === 13 && b[1] === 10);
}

/** The message being read: its lines are kept (up to the size limit) until it ends. */
class OpenMessage {
  lines: MboxLine[] = [];
  kept = 0;
  truncated = false;
  inHeaders = true;
  /** Where the body must end if the Content-Length header is right (checked, never trusted). */
  countedEnd: number | null = null;
  contentLength: number | null = null;
  /** Lines to the first From_ line at or after the counted end may only be one blank line. */
  awaitingFromAfterBlank = false;

  constructor(
    readonly index: number,
    readonly start: number,
    readonly maxBytes: number,
  ) {}

  add(line: MboxLine): void {
    if (this.inHeaders) {
      if (isBlank(line)) {
        this.inHeaders = false;
        if (this.contentLength !== null) this.countedEnd = line.start + line.bytes.length + this.contentLength;
      } else if (line.atLineStart) {
        const m = CONTENT_LENGTH.exec(line.bytes.toString('latin1'));
        if (m) this.contentLength = Number(m[1]);
      }
    }
    if (this.kept + line.bytes.length > this.maxBytes) {
      this.truncated = true;
      return;
    }
    this.lines.push(line);
    this.kept += line.bytes.length;
  }

  finish(end: number): MboxMessage {
    const raw = unquoteFrom(Buffer.concat(this.lines.map((l) => l.bytes)));
    return { index: this.index, start: this.start, end, raw, truncated: this.truncated };
  }
}

/**
 * Streams an mbox file message by message without reading it whole. A message starts at a
 * line beginning with "From " (mboxo/mboxrd). Where a message has a Content-Length header
 * (mboxcl, Netscape, Solaris) and the counted end is followed by a From_ line or the end of
 * the file, unquoted "From " lines inside the body do not split it. Content-Length values
 * are often wrong (old Netscape wrote them before re-encoding), so a count that does not
 * land on a From_ line is ignored and the From_ lines decide.
 */
export async function* readMbox(
  file: string,
  signal: AbortSignal,
  onBytes?: (bytes: number) => void,
  maxMessageBytes = mailLimits.maxMessageBytes,
): AsyncIterable<MboxMessage> {
  let open: OpenMessage | null = null;
  let index = 0;
  let first = true;
  let fileEnd = 0;
  for await (const batch of readLineBatches(file, signal, mailLimits.maxLineBytes, onBytes)) {
    for (let line of batch) {
      fileEnd = line.start + line.bytes.length;
      if (first) {
        first = false;
        // Some Windows tools write a UTF-8 BOM before the first From_ line.
        if (line.bytes.subarray(0, 3).equals(UTF8_BOM)) line = { ...line, bytes: line.bytes.subarray(3), start: line.start + 3 };
      }
      if (open && open.countedEnd !== null && line.start < open.countedEnd) {
        open.add(line); // inside a counted body: a "From " line here is text
        continue;
      }
      if (open && open.countedEnd !== null && !open.awaitingFromAfterBlank && line.start === open.countedEnd && isBlank(line)) {
        open.awaitingFromAfterBlank = true;
        open.add(line);
        continue;
      }
      if (isFromLine(line)) {
        if (open) yield open.finish(line.start);
        open = new OpenMessage(index++, line.start + line.bytes.length, maxMessageBytes);
        continue;
      }
      if (!open) continue; // text before the first From_ line is not a message
      if (open.countedEnd !== null) {
        // The count did not land on a From_ line: it was wrong. Re-split what was taken as body.
        open.countedEnd = null;
        const split = splitAtFromLines(open, index, maxMessageBytes);
        for (const done of split.done) yield done;
        open = split.open;
        index = open.index + 1;
      }
      open.add(line);
    }
  }
  if (open && open.countedEnd !== null && open.countedEnd > fileEnd + 2) {
    // The count runs past the end of the file: it was wrong, so From_ lines decide here too.
    const split = splitAtFromLines(open, index, maxMessageBytes);
    for (const done of split.done) yield done;
    open = split.open;
  }
  if (open) yield open.finish(fileEnd);
}

/** After a wrong Content-Length, the kept lines may hold further messages; split them. */
function splitAtFromLines(
  open: OpenMessage,
  nextIndex: number,
  maxBytes: number,
): { done: MboxMessage[]; open: OpenMessage } {
  const done: MboxMessage[] = [];
  const lines = open.lines;
  let current = new OpenMessage(open.index, open.start, maxBytes);
  for (const line of lines) {
    if (isFromLine(line)) {
      done.push(current.finish(line.start));
      current = new OpenMessage(nextIndex++, line.start + line.bytes.length, maxBytes);
      continue;
    }
    current.add(line);
    current.countedEnd = null; // the re-split parts are read by From_ lines only
  }
  current.truncated ||= open.truncated;
  return { done, open: current };
}

const QUOTED_FROM = /^>(>*From )/gm;

export function unquoteFrom(raw: Buffer): Buffer {
  if (raw.indexOf('>From ') < 0) return raw;
  return Buffer.from(raw.toString('latin1').replace(QUOTED_FROM, '$1'), 'latin1');
}
