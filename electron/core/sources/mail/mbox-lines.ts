import { createReadStream } from 'node:fs';

/** One line of an mbox file, with its terminating LF when it has one. */
export interface MboxLine {
  bytes: Buffer;
  /** File offset of the first byte. */
  start: number;
  /**
   * False for the second and later pieces of a line longer than `maxLine`: such a piece
   * cannot be a From_ line or a header, and splitting it keeps one base64 blob without
   * newlines from being held whole just to find its end.
   */
  atLineStart: boolean;
}

/**
 * Streams a file line by line. Lines are views into the read chunks (no copy), so a caller
 * that keeps them keeps only the chunks it needs.
 */
export async function* readLines(
  file: string,
  signal: AbortSignal,
  maxLine: number,
  onBytes?: (bytes: number) => void,
): AsyncIterable<MboxLine> {
  for await (const batch of readLineBatches(file, signal, maxLine, onBytes)) yield* batch;
}

/**
 * The same lines, handed over a read chunk (1 MiB) at a time: an mbox has millions of lines,
 * and a step of an async generator for each of them cost the mailbox search about a second
 * per 70 MB on its main thread.
 */
export async function* readLineBatches(
  file: string,
  signal: AbortSignal,
  maxLine: number,
  onBytes?: (bytes: number) => void,
): AsyncIterable<MboxLine[]> {
  let carry: Buffer[] = [];
  let carryLength = 0;
  let carryStart = 0;
  let carryAtLineStart = true;
  let offset = 0;
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const batch: MboxLine[] = [];
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      if (nl < 0) break;
      const piece = chunk.subarray(from, nl + 1);
      if (carryLength > 0) {
        batch.push({ bytes: Buffer.concat([...carry, piece]), start: carryStart, atLineStart: carryAtLineStart });
        carry = [];
        carryLength = 0;
      } else {
        batch.push({ bytes: piece, start: offset + from, atLineStart: carryAtLineStart });
      }
      carryAtLineStart = true;
      from = nl + 1;
    }
    if (from < chunk.length) {
      if (carryLength === 0) carryStart = offset + from;
      carry.push(chunk.subarray(from));
      carryLength += chunk.length - from;
      if (carryLength > maxLine) {
        batch.push({ bytes: Buffer.concat(carry), start: carryStart, atLineStart: carryAtLineStart });
        carry = [];
        carryLength = 0;
        carryAtLineStart = false;
      }
    }
    offset += chunk.length;
    // After the chunk's lines, as when they were handed over one by one.
    if (batch.length > 0) yield batch;
    onBytes?.(offset);
  }
  if (carryLength > 0) yield [{ bytes: Buffer.concat(carry), start: carryStart, atLineStart: carryAtLineStart }];
}
