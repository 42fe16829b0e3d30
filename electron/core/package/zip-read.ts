import { createCipheriv, createHash, createHmac, pbkdf2, timingSafeEqual } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { BlockReader } from './block-reader';

/**
 * A small ZIP reader for the package's read-back check: it parses the central directory and
 * every local header itself, inflates with zlib, decrypts WinZip AES (AE-1/AE-2) itself, and
 * checks each entry's CRC-32, sizes and AES authentication code. It shares no code with the
 * writer (archiver, zip-stream, compress-commons, archiver-zip-encrypted), so a bug there
 * shows up here. Entries are read in file order through 4 MB blocks (block-reader.ts), so a
 * package of a thousand small e-mails costs a few reads, not thousands, and each byte is read once.
 */

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Entries up to this size are inflated in one synchronous call; larger ones as a stream in the thread pool. */
const SMALL = 1 << 20;
/** Entries read at once: a large one inflates in the thread pool while the small ones after it are checked. */
const AHEAD = 8;
const AES_METHOD = 99;
const AES_EXTRA = 0x9901;
const ZIP64_EXTRA = 0x0001;
const pbkdf2Async = promisify(pbkdf2);

export interface EntryDigest {
  size: number;
  sha256: string;
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  aes: { strength: number; method: number; version: number } | null;
}

class BadZip extends Error {}

/**
 * Reads every entry of a ZIP back and returns its SHA-256 and size, by entry name. Throws when
 * the structure is damaged, an entry's CRC-32 or size differs from its header, a name repeats,
 * or (encrypted) the passphrase check or the authentication code fails.
 */
export async function readZipDigests(zipFile: string, password?: string, signal?: AbortSignal): Promise<Map<string, EntryDigest>> {
  const fh = await open(zipFile, 'r');
  try {
    const reader = new BlockReader(fh, (await fh.stat()).size);
    const entries = await centralDirectory(reader);
    entries.sort((a, b) => a.offset - b.offset);
    const names = new Set<string>();
    for (const e of entries) {
      if (names.has(e.name)) throw new BadZip(`${e.name} appears twice`);
      names.add(e.name);
    }
    // Entries are read AHEAD at a time, in file order: their inflating runs in the thread pool
    // side by side while this thread hashes the ones already inflated.
    const digests = new Array<Promise<EntryDigest & { end: number }>>(entries.length);
    const start = (i: number) => {
      if (i >= entries.length) return;
      digests[i] = readEntry(reader, entries[i], password);
      digests[i].catch(() => undefined); // awaited in order below
    };
    for (let i = 0; i < AHEAD; i++) start(i);
    const result = new Map<string, EntryDigest>();
    let end = 0;
    try {
      for (const [i, e] of entries.entries()) {
        signal?.throwIfAborted();
        if (e.offset < end) throw new BadZip(`${e.name} overlaps the entry before it`);
        const digest = await digests[i];
        start(i + AHEAD);
        end = digest.end;
        if (e.name.endsWith('/') && digest.size === 0) continue; // a directory entry
        result.set(e.name, { size: digest.size, sha256: digest.sha256 });
      }
    } finally {
      await Promise.allSettled(digests); // nothing may still read the file when it is closed
    }
    return result;
  } finally {
    await fh.close();
  }
}

async function centralDirectory(reader: BlockReader): Promise<CentralEntry[]> {
  const tailLen = Math.min(reader.length, 22 + MAX16);
  const tail = await reader.read(reader.length - tailLen, tailLen);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_END && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new BadZip('no end-of-central-directory record');
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    const endPos = reader.length - tailLen + at;
    if (endPos < 20) throw new BadZip('no ZIP64 locator');
    const loc = await reader.read(endPos - 20, 20);
    if (loc.readUInt32LE(0) !== SIG_END64_LOCATOR) throw new BadZip('no ZIP64 locator');
    const rec = await reader.read(safe(loc.readBigUInt64LE(8)), 56);
    if (rec.readUInt32LE(0) !== SIG_END64) throw new BadZip('no ZIP64 end record');
    count = safe(rec.readBigUInt64LE(32));
    cdSize = safe(rec.readBigUInt64LE(40));
    cdOffset = safe(rec.readBigUInt64LE(48));
  }
  const cd = Buffer.from(await reader.read(cdOffset, cdSize));
  const entries: CentralEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw new BadZip(`central directory entry ${i + 1} is damaged`);
    const flags = cd.readUInt16LE(p + 8);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw new BadZip(`central directory entry ${i + 1} is cut off`);
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    let size = cd.readUInt32LE(p + 24);
    let compressedSize = cd.readUInt32LE(p + 20);
    let offset = cd.readUInt32LE(p + 42);
    let aes: CentralEntry['aes'] = null;
    for (const [id, data] of extraFields(cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen))) {
      if (id === ZIP64_EXTRA) {
        let q = 0;
        const next = () => {
          if (q + 8 > data.length) throw new BadZip(`${name}: ZIP64 field is too short`);
          const v = safe(data.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (size === MAX32) size = next();
        if (compressedSize === MAX32) compressedSize = next();
        if (offset === MAX32) offset = next();
      } else if (id === AES_EXTRA && data.length >= 7) {
        aes = { version: data.readUInt16LE(0), strength: data.readUInt8(4), method: data.readUInt16LE(5) };
      }
    }
    entries.push({ name, flags, method: cd.readUInt16LE(p + 10), crc: cd.readUInt32LE(p + 16), compressedSize, size, offset, aes });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function* extraFields(extra: Buffer): Generator<[number, Buffer]> {
  let p = 0;
  while (p + 4 <= extra.length) {
    const len = extra.readUInt16LE(p + 2);
    yield [extra.readUInt16LE(p), extra.subarray(p + 4, p + 4 + len)];
    p += 4 + len;
  }
}

function safe(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new BadZip('a ZIP64 value is out of range');
  return Number(v);
}

async function readEntry(reader: BlockReader, e: CentralEntry, password?: string): Promise<EntryDigest & { end: number }> {
  const head = await reader.read(e.offset, 30);
  if (head.readUInt32LE(0) !== SIG_LOCAL) throw new BadZip(`${e.name}: no local header where the directory points`);
  const nameLen = head.readUInt16LE(26);
  const extraLen = head.readUInt16LE(28);
  const localName = (await reader.read(e.offset + 30, nameLen)).toString(e.flags & 0x800 ? 'utf8' : 'latin1');
  if (localName !== e.name) throw new BadZip(`${e.name}: the local header names ${localName}`);
  if (head.readUInt16LE(8) !== e.method) throw new BadZip(`${e.name}: local and central headers disagree on the method`);
  const dataStart = e.offset + 30 + nameLen + extraLen;
  const end = dataStart + e.compressedSize;

  let method = e.method;
  let chunks: AsyncIterable<Buffer> = rangeChunks(reader, dataStart, e.compressedSize);
  let checkCrc = true;
  let aes: AesCheck | null = null;
  if (e.method === AES_METHOD) {
    if (!e.aes || e.aes.strength !== 3) throw new BadZip(`${e.name}: unsupported encryption`);
    if (!password) throw new BadZip(`${e.name} is encrypted and no passphrase was given`);
    if (e.compressedSize < 28) throw new BadZip(`${e.name}: encrypted data is too short`);
    const prefix = await reader.read(dataStart, 18);
    const salt = Buffer.from(prefix.subarray(0, 16));
    const verifier = Buffer.from(prefix.subarray(16, 18));
    const mac = Buffer.from(await reader.read(dataStart + e.compressedSize - 10, 10));
    aes = await AesCheck.create(password, salt, verifier, mac, e.name);
    chunks = aes.decrypt(rangeChunks(reader, dataStart + 18, e.compressedSize - 28));
    method = e.aes.method;
    checkCrc = e.aes.version === 1; // AE-2 stores no CRC; its authentication code covers the data
  } else if (e.flags & 0x1) {
    throw new BadZip(`${e.name}: unsupported (traditional) encryption`);
  }
  if (method !== 0 && method !== 8) throw new BadZip(`${e.name}: unsupported compression method ${method}`);

  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > e.size) throw new BadZip(`${e.name} holds more data than its header says`);
    hash.update(chunk);
    crc = crc32(chunk, crc);
  };
  if (method === 0) {
    for await (const chunk of chunks) take(chunk);
  } else if (e.compressedSize <= SMALL) {
    // Inflating is cheap (a thousand e-mails take a few tens of milliseconds), cheaper than a
    // thread-pool round trip each, whose latency on a busy machine added up to most of the read-back.
    const parts: Buffer[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    take(inflateRawSync(parts.length === 1 ? parts[0] : Buffer.concat(parts), { maxOutputLength: Math.max(1, e.size + 1) }));
  } else {
    await pipeline(
      Readable.from(chunks),
      createInflateRaw({ chunkSize: 1 << 20 }),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          try {
            take(chunk);
            done();
          } catch (err) {
            done(err as Error);
          }
        },
      }),
    );
  }
  aes?.finish();
  if (size !== e.size) throw new BadZip(`${e.name} holds ${size} bytes, its header says ${e.size}`);
  if (checkCrc && crc >>> 0 !== e.crc >>> 0) throw new BadZip(`${e.name} does not match its CRC-32`);
  return { size, sha256: hash.digest('hex'), end };
}

async function* rangeChunks(reader: BlockReader, start: number, length: number): AsyncGenerator<Buffer> {
  // Chunks are a multiple of the AES block size, so decryption never splits a block.
  const step = 1 << 20;
  for (let p = 0; p < length; p += step) yield await reader.read(start + p, Math.min(step, length - p));
}

/**
 * WinZip AES-256: PBKDF2-HMAC-SHA1 (1000 rounds) gives the AES key, the HMAC key and a 2-byte
 * passphrase verifier; the data is AES-CTR with a little-endian counter starting at 1, and the
 * last 10 bytes are HMAC-SHA1 over the ciphertext.
 */
class AesCheck {
  private readonly hmac;
  private constructor(
    private readonly key: Buffer,
    hmacKey: Buffer,
    private readonly mac: Buffer,
    private readonly name: string,
  ) {
    this.hmac = createHmac('sha1', hmacKey);
  }

  static async create(password: string, salt: Buffer, verifier: Buffer, mac: Buffer, name: string): Promise<AesCheck> {
    const derived = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, 1000, 66, 'sha1');
    if (!timingSafeEqual(derived.subarray(64, 66), verifier)) throw new BadZip(`${name}: the passphrase does not open it`);
    return new AesCheck(derived.subarray(0, 32), derived.subarray(32, 64), mac, name);
  }

  async *decrypt(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let block = 1;
    for await (const chunk of chunks) {
      this.hmac.update(chunk);
      const blocks = Math.ceil(chunk.length / 16);
      const counters = Buffer.alloc(blocks * 16);
      for (let i = 0; i < blocks; i++) {
        const n = block + i;
        counters.writeUInt32LE(n % 0x1_0000_0000, i * 16);
        counters.writeUInt32LE(Math.floor(n / 0x1_0000_0000), i * 16 + 4);
      }
      block += blocks;
      const ecb = createCipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
      const stream = Buffer.concat([ecb.update(counters), ecb.final()]);
      for (let i = 0; i < chunk.length; i++) stream[i] ^= chunk[i];
      yield stream.subarray(0, chunk.length);
    }
  }

  /** Called after all data went through decrypt(). */
  finish(): void {
    if (!timingSafeEqual(this.hmac.digest().subarray(0, 10), this.mac)) throw new BadZip(`${this.name}: the authentication code does not match`);
  }
}
