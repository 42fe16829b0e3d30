import { parentPort } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';
import { windowBitsFor } from './deflate-window';
import type { SmallBatch, SmallBatchDone } from './small-deflate';

/**
 * Worker entry: compresses batches of small files (see small-deflate.ts). Each file is its own
 * deflate stream with its own checksum, as a ZIP entry needs; the answer is one buffer holding
 * them all, moved (not copied) back to the export's thread.
 */
parentPort?.on('message', (batch: SmallBatch) => {
  const input = Buffer.from(batch.data);
  const parts: Buffer[] = [];
  const crcs: number[] = [];
  let at = 0;
  for (const size of batch.sizes) {
    const content = input.subarray(at, at + size);
    at += size;
    crcs.push(crc32(content) >>> 0);
    // Output room for the whole file in one piece: zlib's default 16 kB per call would leave
    // more garbage than the e-mails themselves, and this thread collects it rarely.
    parts.push(deflateRawSync(content, { level: batch.level, windowBits: windowBitsFor(size), chunkSize: Math.max(64, size + (size >> 6) + 64) }));
  }
  const out = Buffer.concat(parts);
  // A fresh ArrayBuffer of exactly these bytes: Buffer.concat may hand back a slice of a shared pool.
  const data = out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
  const done: SmallBatchDone = { id: batch.id, data, sizes: parts.map((p) => p.length), crcs };
  parentPort?.postMessage(done, [data]);
});
