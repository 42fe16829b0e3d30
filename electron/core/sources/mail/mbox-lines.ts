import { createReadStream } from 'node:fs';

/**
 * Lines of an mbox file, a read window at a time: `buf[from, to)` holds either whole lines,
 * each ending in LF (`single` false), or one piece of a line (`single` true: a line longer
 * than `maxLine`, or the last line of a file that does not end in LF). A reader walks the
 * lines with indexOf, so an mbox of millions of lines costs no object per line: handing out
 * each line as a Buffer view made the search thread's garbage collector the largest cost of
 * splitting a mailbox, and its pauses the longest stalls of a search.
 */
export interface LineRun {
  buf: Buffer;
  /** File offset of `buf[0]`. */
  base: number;
  from: number;
  to: number;
  single: boolean;
  /**
   * Whether the run's first line starts a line: false for the second and later pieces of a
   * line longer than `maxLine`. Such a piece cannot be a From_ line or a header, and splitting
   * it keeps one base64 blob without newlines from being held whole just to find its end.
   */
  atLineStart: boolean;
}

/** One line with its terminating LF when it has one (see readLines). */
export interface MboxLine {
  bytes: Buffer;
  /** File offset of the first byte. */
  start: number;
  atLineStart: boolean;
}

/**
 * Streams a file as runs of lines. A line cut by the end of a read chunk is completed by
 * reading the next chunk into one window with it (a copy of the chunk, about 0.1 ms per MiB).
 */
export async function* readLineRuns(
  file: string,
  signal: AbortSignal,
  maxLine: number,
  onBytes?: (bytes: number) => void,
  chunkBytes = 1024 * 1024,
): AsyncIterable<LineRun> {
  let carry: Buffer | null = null;
  let carryBase = 0;
  let carryAtLineStart = true;
  let offset = 0;
  const stream = createReadStream(file, { highWaterMark: chunkBytes, signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const base = carry ? carryBase : offset;
    offset += chunk.length;
    const lastLf: number = buf.lastIndexOf(10);
    if (lastLf >= 0) {
      yield { buf, base, from: 0, to: lastLf + 1, single: false, atLineStart: carryAtLineStart };
      carryAtLineStart = true;
    }
    carry = lastLf + 1 < buf.length ? buf.subarray(lastLf + 1) : null;
    carryBase = base + lastLf + 1;
    if (carry && carry.length > maxLine) {
      yield { buf: carry, base: carryBase, from: 0, to: carry.length, single: true, atLineStart: carryAtLineStart };
      carry = null;
      carryAtLineStart = false;
    }
    onBytes?.(offset);
  }
  if (carry) yield { buf: carry, base: carryBase, from: 0, to: carry.length, single: true, atLineStart: carryAtLineStart };
}

/** The same lines one at a time, as objects: for callers (and tests) that want them so. */
export async function* readLines(file: string, signal: AbortSignal, maxLine: number, chunkBytes?: number): AsyncIterable<MboxLine> {
  for await (const run of readLineRuns(file, signal, maxLine, undefined, chunkBytes)) {
    let atLineStart = run.atLineStart;
    for (let s = run.from; s < run.to; ) {
      const e = run.single ? run.to : run.buf.indexOf(10, s) + 1;
      yield { bytes: run.buf.subarray(s, e), start: run.base + s, atLineStart };
      atLineStart = true;
      s = e;
    }
  }
}
