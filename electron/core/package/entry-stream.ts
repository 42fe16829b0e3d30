import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import { deflateSegments, SEGMENT } from './deflate-segments';
import type { Digest } from './staging';
import { DEFLATE_LEVEL, type Packed } from './zip-writer';

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
}

/**
 * Writes one staged file while taking its SHA-256 and size (for the manifest) and, for a plain
 * package, its CRC-32 (for the ZIP), from the bytes as they pass, so nothing is read back to
 * hash it:
 * - `raw`: the file is all (an encrypted package, which archiver zips later);
 * - `store`: the ZIP writer copies the file as it is;
 * - `deflate`: once the file is complete, it is compressed in the background in segments on
 *   both cores (deflate-segments.ts), while the export goes on to the next file; `packed`
 *   resolves when that is done. Compressing while writing instead would hold the writer to the
 *   compressor's pace, and this thread has other files to make meanwhile.
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

  return {
    sink: {
      async write(bytes) {
        if (failure) throw failure;
        hash.update(bytes);
        size += bytes.length;
        if (mode !== 'raw') crc = crc32(bytes, crc);
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
      if (mode === 'store') return { digest, packed: Promise.resolve(stored) };
      const target = `${file}.deflate`;
      const packed = deflateFile(file, target, signal).then(({ compressedSize }): Packed => ({ ...stored, method: 8, compressedSize, data: { file: target } }));
      return { digest, packed };
    },
    destroy() {
      out.destroy();
    },
  };
}

/**
 * Compresses a finished staged file into `target` at the package's level, in segments on both
 * cores (deflate-segments.ts), as background work: nothing waits for it until the ZIP is written.
 */
async function deflateFile(file: string, target: string, signal?: AbortSignal): Promise<{ compressedSize: number }> {
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
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: SEGMENT, signal }) as AsyncIterable<Buffer>) await deflate.write(chunk);
    const result = await deflate.end();
    out.end();
    await closed;
    if (failure) throw failure;
    return result;
  } catch (err) {
    deflate.destroy();
    out.destroy();
    throw err;
  }
}
