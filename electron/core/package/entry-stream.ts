import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deflateSegments, SEGMENT } from './deflate-segments';
import type { Digest } from './staging';
import { DEFLATE_LEVEL } from './deflate-window';
import type { Packed } from './zip-writer';

/** Where a file being staged is written, piece by piece. Resolves when more may be written. */
export interface EntrySink {
  write(bytes: Buffer): Promise<void>;
}

export type EntryMode = 'raw' | 'store' | 'deflate';

export interface EntryStream {
  sink: EntrySink;
  /** Ends the file: its digest at once, and (store, deflate) its packing once compression has caught up. */
  end(): Promise<{ digest: Digest; packed?: Promise<Packed> }>;
  /** Stops writing after a failure or a cancel and closes the file; the caller removes it. */
  destroy(): void;
  /** Resolves once the file (and its compressed copy) is closed, after end() or destroy(). */
  closed: Promise<void>;
}

/**
 * Writes one staged file while taking its SHA-256 and size (for the manifest) and, for a plain
 * package, its CRC-32 (for the ZIP), from the bytes as they pass, so nothing is read back to
 * hash it:
 * - `raw`: the file is all (an encrypted package, which archiver zips later);
 * - `store`: the ZIP writer copies the file as it is;
 * - `deflate`: the bytes are also compressed in segments on both cores (deflate-segments.ts)
 *   as they pass, as long as the thread pool keeps up; the writer never waits for it. Once the
 *   pool falls behind, the rest is read back from the file after it is complete. Either way
 *   the compression finishes in the background while the export goes on; `packed` resolves
 *   when it is done.
 */
export function openEntryStream(file: string, mode: EntryMode, signal?: AbortSignal): EntryStream {
  const hash = createHash('sha256');
  let size = 0;
  let crc = 0;
  const out = createWriteStream(file);
  // Kept, not thrown from the event: a disk-full error surfaces at the next write or at the
  // end, and a write still in flight when a cancelled export destroys the stream does not
  // crash the process.
  let failure: Error | null = null;
  out.on('error', (err) => (failure ??= err));
  const closed = new Promise<void>((resolve) => out.once('close', resolve));
  const target = `${file}.deflate`;
  const compressed = mode === 'deflate' ? compressedFile(target, signal) : null;
  // Bytes handed to the compressor while it kept up; from here on it reads the file instead.
  let fed = 0;
  let feeding = compressed !== null;

  return {
    sink: {
      async write(bytes) {
        if (failure) throw failure;
        hash.update(bytes);
        size += bytes.length;
        if (mode !== 'raw') crc = crc32(bytes, crc);
        if (feeding && compressed!.deflate.ready) {
          // Returns at once (ready); a failure is reported by end().
          compressed!.deflate.write(bytes).catch(() => undefined);
          fed += bytes.length;
        } else {
          feeding = false;
        }
        if (!out.write(bytes)) await Promise.race([once(out, 'drain'), closed.then(() => Promise.reject(failure ?? new Error('the file was closed early')))]);
      },
    },
    async end() {
      if (failure) throw failure;
      out.end();
      await closed;
      if (failure) throw failure;
      const digest: Digest = { size, sha256: hash.digest('hex') };
      if (mode === 'raw') return { digest };
      const stored: Packed = { method: 0, crc: crc >>> 0, size, compressedSize: size, data: { file } };
      if (!compressed) return { digest, packed: Promise.resolve(stored) };
      const packed = compressed
        .finish(file, fed)
        .then(({ compressedSize }): Packed => ({ ...stored, method: 8, compressedSize, data: { file: target } }));
      return { digest, packed };
    },
    destroy() {
      compressed?.destroy();
      out.destroy();
    },
    closed: Promise.all([closed, compressed?.closed]).then(() => undefined),
  };
}

/**
 * The compressed copy of a staged file, at the package's level: `deflate` takes bytes as they
 * are written, and finish() feeds it the rest of the file from `from` and closes it.
 */
function compressedFile(target: string, signal?: AbortSignal) {
  const out = createWriteStream(target);
  let failure: Error | null = null;
  out.on('error', (err) => (failure ??= err));
  const closed = new Promise<void>((resolve) => out.once('close', resolve));
  const deflate = deflateSegments(
    async (bytes) => {
      if (failure) throw failure;
      if (!out.write(bytes)) await Promise.race([once(out, 'drain'), closed.then(() => Promise.reject(failure ?? new Error('the file was closed early')))]);
    },
    { level: DEFLATE_LEVEL, signal },
  );
  const destroy = () => {
    deflate.destroy();
    out.destroy();
  };
  return {
    deflate,
    destroy,
    closed,
    async finish(file: string, from: number): Promise<{ compressedSize: number }> {
      try {
        for await (const chunk of createReadStream(file, { start: from, highWaterMark: SEGMENT, signal }) as AsyncIterable<Buffer>) await deflate.write(chunk);
        const result = await deflate.end();
        out.end();
        await closed;
        if (failure) throw failure;
        return result;
      } catch (err) {
        destroy();
        throw err;
      }
    },
  };
}
