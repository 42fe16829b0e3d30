import { createReadStream } from 'node:fs';

export interface MboxMessage {
  /** 0-based position in the mailbox. */
  index: number;
  /** Byte range of the message in the file, From_ line excluded. */
  start: number;
  end: number;
  /** The message with mboxrd/mboxo `>From ` quoting undone. */
  raw: Buffer;
}

const FROM_ = Buffer.from('From ');

/**
 * Streams an mbox file message by message without reading it whole. A message starts at a
 * line beginning with "From " (at the start of the file or after a newline). Lines written
 * as ">From " by the mbox writer are unquoted by one ">" (mboxrd; also right for mboxo).
 */
export async function* readMbox(
  file: string,
  signal: AbortSignal,
  onBytes?: (bytes: number) => void,
): AsyncIterable<MboxMessage> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingOffset = 0; // file offset of pending[0]
  let msgStart = -1; // file offset where the current message's body starts
  let index = 0;
  let bytes = 0;
  let resumeAt = 0; // file offset from which to look for the next From_ line
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onBytes?.(bytes);
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let scanFrom = resumeAt - pendingOffset;
    for (;;) {
      const at = findFromLine(pending, scanFrom);
      if (at < 0) break;
      const lineEnd = pending.indexOf(10, at);
      if (lineEnd < 0) break; // the From_ line continues in the next chunk
      if (msgStart >= 0) {
        const end = pendingOffset + at;
        yield makeMessage(index++, msgStart, end, pending.subarray(msgStart - pendingOffset, at));
      }
      msgStart = pendingOffset + lineEnd + 1;
      scanFrom = lineEnd + 1;
    }
    // Lines before the last (possibly incomplete) one hold no From_ line: don't rescan them.
    resumeAt = pendingOffset + Math.max(scanFrom, lastLineStart(pending));
    // Keep the current message (needed whole when it ends) or, before the first, the last line.
    const keepFrom = msgStart >= 0 ? msgStart - pendingOffset : lastLineStart(pending);
    if (keepFrom > 0) {
      pending = pending.subarray(keepFrom);
      pendingOffset += keepFrom;
    }
  }
  if (msgStart >= 0) {
    yield makeMessage(index, msgStart, pendingOffset + pending.length, pending.subarray(msgStart - pendingOffset));
  }
}

/** Offset of the next "From " at a line start, at or after `from`. */
function findFromLine(buf: Buffer, from: number): number {
  let i = from;
  for (;;) {
    const at = buf.indexOf(FROM_, i);
    if (at < 0) return -1;
    if (at === 0 ? true : buf[at - 1] === 10) return at;
    i = at + 1;
  }
}

function lastLineStart(buf: Buffer): number {
  const nl = buf.lastIndexOf(10);
  return nl < 0 ? 0 : nl + 1;
}

function makeMessage(index: number, start: number, end: number, body: Buffer): MboxMessage {
  return { index, start, end, raw: unquoteFrom(Buffer.from(body)) };
}

const QUOTED_FROM = /^>(>*From )/gm;

export function unquoteFrom(raw: Buffer): Buffer {
  if (raw.indexOf('>From ') < 0) return raw;
  return Buffer.from(raw.toString('latin1').replace(QUOTED_FROM, '$1'), 'latin1');
}
