import { promisify } from 'node:util';
import { constants, deflateRaw } from 'node:zlib';
import { compactBuffer } from './compact-buffer';
import { inDeflatePool } from './deflate-pool';

const deflateRawAsync = promisify(deflateRaw);

/** Uncompressed bytes per segment. */
export const SEGMENT = 1 << 20;
/**
 * A segment is cut once this much is waiting. Writers hand over pieces of SEGMENT bytes that
 * end a little early, at a record or row boundary (utf8-pieces.ts, xml-bytes.ts); each such
 * piece becomes a segment as it is, instead of being copied together with part of the next.
 */
const CUT_AT = SEGMENT - (SEGMENT >> 3);
/** Segments cut but not yet written before a write waits: bounds memory, keeps the pool busy. */
const AHEAD = 4;

export interface SegmentedDeflate {
  /** Takes bytes; resolves when more may be written. */
  write(bytes: Buffer): Promise<void>;
  /** Whether write() would take bytes now without waiting for the pool to catch up. */
  readonly ready: boolean;
  /** Compresses what is left as the final segment and resolves once every segment is written. */
  end(): Promise<{ compressedSize: number }>;
  /** Stops after a failure or a cancel: nothing more is compressed or written. */
  destroy(): void;
}

export interface SegmentOptions {
  level: number;
  /** Whether this thread waits for the result (see deflate-pool.ts). */
  urgent?: boolean;
  signal?: AbortSignal;
}

/**
 * One raw deflate stream made of independently compressed 1 MB segments, as pigz makes them:
 * every segment but the last ends with a sync flush (an empty stored block, not marked final),
 * so their concatenation is one valid deflate stream that any inflater reads from start to
 * end, and no segment refers back to bytes before it. Segments are compressed in the thread
 * pool side by side, on both cores, while this thread makes the next bytes; one zlib stream
 * compresses on one thread only, which made data.json's compression the longest single task
 * of the export and held data.xlsx's writer up. The price is a fraction of a percent of size
 * (each segment starts without the previous one's history). Compressed segments go to
 * `output` in order.
 */
export function deflateSegments(output: (bytes: Buffer) => Promise<void>, opts: SegmentOptions): SegmentedDeflate {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let written: Promise<void> = Promise.resolve();
  let ahead = 0;
  let compressedSize = 0;
  let failure: unknown = null;
  let stopped = false;
  const wake: Array<() => void> = [];

  const cut = (final: boolean) => {
    const raw = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    const finishFlush = final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH;
    const compressed = inDeflatePool(async () => {
      if (stopped) throw new Error('the compression was stopped');
      // Output room for the whole segment: one thread-pool round trip instead of one per 16 kB.
      const out = await deflateRawAsync(raw, { level: opts.level, finishFlush, chunkSize: Math.max(SEGMENT, raw.length + 1024) });
      return compactBuffer(out);
    }, { urgent: opts.urgent });
    compressed.catch(() => undefined); // awaited in order below
    ahead++;
    written = written
      .then(async () => {
        const data = await compressed;
        if (stopped) throw new Error('the compression was stopped');
        compressedSize += data.length;
        await output(data);
      })
      .finally(() => {
        ahead--;
        wake.shift()?.();
      });
    written.catch((err: unknown) => (failure ??= err));
  };

  return {
    get ready() {
      return failure === null && ahead < AHEAD;
    },
    async write(bytes) {
      if (failure) throw failure;
      opts.signal?.throwIfAborted();
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes < CUT_AT) return;
      cut(false);
      while (ahead > AHEAD && !failure) await new Promise<void>((resolve) => wake.push(resolve));
      if (failure) throw failure;
    },
    async end() {
      if (failure) throw failure;
      cut(true);
      await written;
      return { compressedSize };
    },
    destroy() {
      stopped = true;
    },
  };
}
