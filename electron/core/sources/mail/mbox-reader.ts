import { mailLimits } from './mail-limits';
import { readLineRuns, type MboxLine } from './mbox-lines';

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

const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*\r?\n?$/i;
const FROM_ = Buffer.from('From ', 'latin1');

function isFromAt(buf: Buffer, s: number, e: number, atLineStart: boolean): boolean {
  return atLineStart && e - s >= 5 && buf[s] === 0x46 && buf.compare(FROM_, 0, 5, s, s + 5) === 0;
}

function isBlankAt(buf: Buffer, s: number, e: number, atLineStart: boolean): boolean {
  return atLineStart && (e - s === 1 ? buf[s] === 10 : e - s === 2 && buf[s] === 13 && buf[s + 1] === 10);
}

const isFromLine = (l: MboxLine) => isFromAt(l.bytes, 0, l.bytes.length, l.atLineStart);

/**
 * The message being read. Its kept lines are held as pieces of the read windows (consecutive
 * lines of one window are one piece), copied into the message's own buffer when it ends.
 */
class OpenMessage {
  private readonly pieces: Buffer[] = [];
  private pieceBuf: Buffer | null = null;
  private pieceFrom = 0;
  private pieceTo = 0;
  kept = 0;
  truncated = false;
  inHeaders = true;
  contentLength: number | null = null;
  /** Where the body must end if the Content-Length header is right (checked, never trusted). */
  countedEnd: number | null = null;
  /** Lines to the first From_ line at or after the counted end may only be one blank line. */
  awaitingFromAfterBlank = false;
  /** While the body is counted: the message up to its blank line, and the body lines kept since, to split it again should the count be wrong. */
  counted: { head: Buffer[]; kept: number; truncated: boolean; lines: MboxLine[] } | null = null;

  constructor(
    readonly index: number,
    readonly start: number,
    readonly maxBytes: number,
  ) {}

  add(buf: Buffer, s: number, e: number, start: number, atLineStart: boolean): void {
    const length = e - s;
    let countingStarts = false;
    if (this.inHeaders) {
      if (isBlankAt(buf, s, e, atLineStart)) {
        this.inHeaders = false;
        if (this.contentLength !== null) {
          this.countedEnd = start + length + this.contentLength;
          countingStarts = true;
        }
      } else if (atLineStart) {
        const m = CONTENT_LENGTH.exec(buf.toString('latin1', s, e));
        if (m) this.contentLength = Number(m[1]);
      }
    }
    if (this.kept + length > this.maxBytes) {
      this.truncated = true;
    } else {
      this.keep(buf, s, e);
      this.kept += length;
      if (this.counted && !countingStarts) this.counted.lines.push({ bytes: buf.subarray(s, e), start, atLineStart });
    }
    if (countingStarts) {
      this.flush();
      this.counted = { head: [...this.pieces], kept: this.kept, truncated: this.truncated, lines: [] };
    }
  }

  /** The body is read by From_ lines from here on. */
  stopCounting(): void {
    this.countedEnd = null;
    this.counted = null;
  }

  finish(end: number): MboxMessage {
    // Its own buffer, so the search can hand it to a worker without copying the window it came from.
    const own = Buffer.allocUnsafeSlow(this.kept);
    let at = 0;
    this.flush();
    for (const p of this.pieces) at += p.copy(own, at);
    return { index: this.index, start: this.start, end, raw: unquoteFrom(own), truncated: this.truncated };
  }

  /** A message holding what this one held up to its blank line, when its count turned out wrong. */
  headOnly(): OpenMessage {
    const head = new OpenMessage(this.index, this.start, this.maxBytes);
    if (this.counted) {
      head.pieces.push(...this.counted.head);
      head.kept = this.counted.kept;
      head.truncated = this.counted.truncated;
    }
    head.inHeaders = false;
    head.contentLength = this.contentLength;
    return head;
  }

  private keep(buf: Buffer, s: number, e: number): void {
    if (this.pieceBuf === buf && this.pieceTo === s) {
      this.pieceTo = e;
      return;
    }
    this.flush();
    this.pieceBuf = buf;
    this.pieceFrom = s;
    this.pieceTo = e;
  }

  /** Ends the piece being extended, so `pieces` holds everything kept. */
  private flush(): void {
    if (this.pieceBuf) this.pieces.push(this.pieceBuf.subarray(this.pieceFrom, this.pieceTo));
    this.pieceBuf = null;
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
  chunkBytes?: number,
): AsyncIterable<MboxMessage> {
  let open: OpenMessage | null = null;
  let index = 0;
  let first = true;
  let fileEnd = 0;
  for await (const run of readLineRuns(file, signal, mailLimits.maxLineBytes, onBytes, chunkBytes)) {
    const { buf, base } = run;
    let atLineStart = run.atLineStart;
    for (let next = run.from; next < run.to; atLineStart = true) {
      let s = next;
      const e = run.single ? run.to : buf.indexOf(10, s) + 1;
      next = e;
      const end = base + e;
      fileEnd = end;
      // Some Windows tools write a UTF-8 BOM before the first From_ line.
      if (first && e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
      first = false;
      const start = base + s;
      if (open && open.countedEnd !== null && start < open.countedEnd) {
        open.add(buf, s, e, start, atLineStart); // inside a counted body: a "From " line here is text
        continue;
      }
      if (open && open.countedEnd !== null && !open.awaitingFromAfterBlank && start === open.countedEnd && isBlankAt(buf, s, e, atLineStart)) {
        open.awaitingFromAfterBlank = true;
        open.add(buf, s, e, start, atLineStart);
        continue;
      }
      if (isFromAt(buf, s, e, atLineStart)) {
        if (open) yield open.finish(start);
        open = new OpenMessage(index++, end, maxMessageBytes);
        continue;
      }
      if (!open) continue; // text before the first From_ line is not a message
      if (open.countedEnd !== null) {
        // The count did not land on a From_ line: it was wrong. Re-split what was taken as body.
        const split = splitAtFromLines(open, index, maxMessageBytes);
        for (const done of split.done) yield done;
        open = split.open;
        index = open.index + 1;
      }
      open.add(buf, s, e, start, atLineStart);
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

/** After a wrong Content-Length, the kept body lines may hold further messages; split them. */
function splitAtFromLines(open: OpenMessage, nextIndex: number, maxBytes: number): { done: MboxMessage[]; open: OpenMessage } {
  const done: MboxMessage[] = [];
  const lines = open.counted?.lines ?? [];
  let current = open.headOnly();
  for (const line of lines) {
    if (isFromLine(line)) {
      done.push(current.finish(line.start));
      current = new OpenMessage(nextIndex++, line.start + line.bytes.length, maxBytes);
      continue;
    }
    current.add(line.bytes, 0, line.bytes.length, line.start, line.atLineStart);
    current.stopCounting(); // the re-split parts are read by From_ lines only
  }
  current.truncated ||= open.truncated;
  return { done, open: current };
}

const QUOTED_FROM = /^>(>*From )/gm;

export function unquoteFrom(raw: Buffer): Buffer {
  if (raw.indexOf('>From ') < 0) return raw;
  return Buffer.from(raw.toString('latin1').replace(QUOTED_FROM, '$1'), 'latin1');
}
