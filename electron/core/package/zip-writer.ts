import { createReadStream, createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib';
import { compactBuffer } from './compact-buffer';
import { inDeflatePool, SMALL_JOB } from './deflate-pool';
import { DEFLATE_LEVEL, windowBitsFor } from './deflate-window';
import type { SmallDeflates } from './small-deflate';

/**
 * The writer for unencrypted packages. Each file is compressed as soon as it is staged (see
 * staging.ts), in libuv's thread pool, while the main thread goes on to the next file: data.json
 * is deflated while data.xlsx and the letter are being made, e-mails while data.json is. Writing
 * the ZIP is then only headers and copying. Entries are deflated at level 6, or stored when
 * asked (data.xlsx is itself compressed). Sizes are known before each local header is written,
 * so there are no data descriptors; ZIP64 fields are added only when a size, an offset or the
 * entry count needs them. zip-read.ts reads the result back independently.
 */

const deflateRawAsync = promisify(deflateRaw);
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const FLAG_UTF8 = 0x0800;
const VERSION_MADE_BY = (3 << 8) | 45; // Unix, spec 4.5
const EXTERNAL_ATTRS = ((0o100644 << 16) | 0x20) >>> 0; // -rw-r--r--, MS-DOS "archive"
const FLUSH_AT = 4 << 20;

/** Entries stored without compression: a spreadsheet is itself a deflated ZIP, and deflating it again gains about 1%. */
export function storedInZip(name: string): boolean {
  return name.endsWith('.xlsx');
}

export interface Packed {
  method: 0 | 8;
  crc: number;
  size: number;
  compressedSize: number;
  /** The bytes to put in the ZIP: in memory, or a file (the compressed copy, or the staged file itself when stored). */
  data: Buffer | { file: string };
}

/**
 * Compresses (or, with `store`, only checksums) content already in memory. A small file goes to
 * `small` (a worker that compresses them in batches, small-deflate.ts) when one is given and
 * running; otherwise, or if it cannot, to the thread pool.
 */
export async function packContent(content: Buffer, store: boolean, signal?: AbortSignal, small?: SmallDeflates): Promise<Packed> {
  if (!store && small && content.length < SMALL_JOB) {
    const done = await small.deflate(content);
    if (done) return { method: 8, crc: done.crc, size: content.length, compressedSize: done.data.length, data: done.data };
  }
  const crc = crc32(content) >>> 0;
  if (store) return { method: 0, crc, size: content.length, compressedSize: content.length, data: content };
  // Without the worker, even a small e-mail goes to the thread pool: the round trip costs this
  // thread less than compressing it here (a thousand e-mails took about 0.4 s of it), and the
  // pool has a core to spare while this thread writes data.json and data.xlsx.
  return inDeflatePool(async () => {
    signal?.throwIfAborted();
    // Output room for the whole content (up to 1 MB): one thread-pool round trip, not one per 16 kB.
    const data = compactBuffer(
      await deflateRawAsync(content, { level: DEFLATE_LEVEL, windowBits: windowBitsFor(content.length), chunkSize: Math.min(Math.max(content.length + 64, 16 << 10), 1 << 20) }),
    );
    return { method: 8, crc, size: content.length, compressedSize: data.length, data };
  }, { small: content.length < SMALL_JOB });
}

/** Compresses a staged file into `file + ".deflate"` (or, with `store`, only checksums it). */
export async function packFile(file: string, store: boolean, signal?: AbortSignal): Promise<Packed> {
  let crc = 0;
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      done(null, chunk);
    },
  });
  if (store) {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, signal }) as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      size += chunk.length;
    }
    return { method: 0, crc: crc >>> 0, size, compressedSize: size, data: { file } };
  }
  const target = `${file}.deflate`;
  let compressedSize = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      compressedSize += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), tap, createDeflateRaw({ level: DEFLATE_LEVEL }), count, createWriteStream(target), { signal });
  return { method: 8, crc: crc >>> 0, size, compressedSize, data: { file: target } };
}

/** Buffers small writes into large ones and keeps the offset. */
class Output {
  offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  constructor(private readonly fh: FileHandle) {}

  async push(buf: Buffer): Promise<void> {
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.offset += buf.length;
    if (this.pendingBytes >= FLUSH_AT || this.pending.length >= 1024) await this.flush();
  }

  async flush(): Promise<void> {
    const data = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < data.length) done += (await this.fh.write(data, done, data.length - done)).bytesWritten;
  }
}

function dosDateTime(d: Date): { date: number; time: number } {
  const year = d.getUTCFullYear();
  if (year < 1980) return { date: (1 << 5) | 1, time: 0 };
  if (year > 2107) return { date: (127 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 };
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

/**
 * Writes the ZIP from packed entries, in the order given. Each entry's packing may still be
 * running; it is awaited when its turn comes.
 */
export async function writePackedZip(
  target: string,
  entries: ReadonlyArray<{ name: string; packed: Promise<Packed> }>,
  opts: { date: Date; signal?: AbortSignal },
): Promise<void> {
  const { date, time } = dosDateTime(opts.date);
  const fh = await open(target, 'w');
  try {
    const out = new Output(fh);
    const central: Buffer[] = [];
    for (const e of entries) {
      opts.signal?.throwIfAborted();
      const p = await e.packed;
      const name = Buffer.from(e.name, 'utf8');
      const flags = /^[\x20-\x7e]*$/.test(e.name) ? 0 : FLAG_UTF8;
      const offset = out.offset;
      const big = p.size >= MAX32 || p.compressedSize >= MAX32;
      const localExtra = big ? zip64Extra([p.size, p.compressedSize]) : Buffer.alloc(0);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(big ? 45 : 20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(p.method, 8);
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(p.crc, 14);
      local.writeUInt32LE(big ? MAX32 : p.compressedSize, 18);
      local.writeUInt32LE(big ? MAX32 : p.size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(localExtra.length, 28);
      await out.push(local);
      await out.push(name);
      if (localExtra.length > 0) await out.push(localExtra);
      let written = 0;
      if (Buffer.isBuffer(p.data)) {
        written = p.data.length;
        await out.push(p.data);
      } else {
        for await (const chunk of createReadStream(p.data.file, { highWaterMark: FLUSH_AT }) as AsyncIterable<Buffer>) {
          written += chunk.length;
          await out.push(chunk);
        }
      }
      if (written !== p.compressedSize) throw new Error(`${e.name}: ${written} bytes were packed, ${p.compressedSize} expected`);

      const z64: number[] = [];
      if (p.size >= MAX32) z64.push(p.size);
      if (p.compressedSize >= MAX32) z64.push(p.compressedSize);
      if (offset >= MAX32) z64.push(offset);
      const extra = z64.length > 0 ? zip64Extra(z64) : Buffer.alloc(0);
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(VERSION_MADE_BY, 4);
      c.writeUInt16LE(z64.length > 0 ? 45 : 20, 6);
      c.writeUInt16LE(flags, 8);
      c.writeUInt16LE(p.method, 10);
      c.writeUInt16LE(time, 12);
      c.writeUInt16LE(date, 14);
      c.writeUInt32LE(p.crc, 16);
      c.writeUInt32LE(Math.min(p.compressedSize, MAX32), 20);
      c.writeUInt32LE(Math.min(p.size, MAX32), 24);
      c.writeUInt16LE(name.length, 28);
      c.writeUInt16LE(extra.length, 30);
      c.writeUInt32LE(EXTERNAL_ATTRS, 38);
      c.writeUInt32LE(Math.min(offset, MAX32), 42);
      central.push(c, name, extra);
    }
    const cdOffset = out.offset;
    for (const b of central) await out.push(b);
    const cdSize = out.offset - cdOffset;
    const count = entries.length;
    if (count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32) {
      const end64At = out.offset;
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(0x06064b50, 0);
      end64.writeBigUInt64LE(44n, 4);
      end64.writeUInt16LE(VERSION_MADE_BY, 12);
      end64.writeUInt16LE(45, 14);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(cdSize), 40);
      end64.writeBigUInt64LE(BigInt(cdOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(end64At), 8);
      locator.writeUInt32LE(1, 16);
      await out.push(end64);
      await out.push(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(cdSize, MAX32), 12);
    end.writeUInt32LE(Math.min(cdOffset, MAX32), 16);
    await out.push(end);
    await out.flush();
  } finally {
    await fh.close();
  }
}
