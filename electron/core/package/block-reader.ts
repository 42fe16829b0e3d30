import type { FileHandle } from 'node:fs/promises';

/** Bytes per block kept for small reads. */
export const BLOCK = 4 << 20;
/** Reads at least this long go straight to the file: a large entry's chunks, read once each. */
export const DIRECT = BLOCK >> 2;
/**
 * Blocks kept at once. The read-back works on several entries at a time, in file order, so
 * its small reads fall into the last one or two blocks; a third keeps a read that lags behind.
 */
const KEEP = 3;

class ShortFile extends Error {}

/**
 * Reads ranges of a file for the package's read-back (zip-read.ts): small reads (headers,
 * names, e-mails) come from 4 MB blocks aligned to the file, so a thousand nearby reads cost a
 * few system calls, and a block still being read is shared with every read that falls inside
 * it. Large reads and the rare read across a block border go straight to the file.
 *
 * Why not one window that moves to wherever the last read fell: entries are read several at
 * a time, so reads at two or three places took turns, and each turn read a fresh 4 MB window.
 * A 58 MB package was read as 132 MB, and the windows left behind (alive while a chunk of them
 * was) held up to 100 MB at the export's peak.
 */
export class BlockReader {
  private readonly blocks = new Map<number, Promise<Buffer>>();
  /** Bytes read from the file so far: what the tests hold the reader to. */
  bytesRead = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly length: number,
  ) {}

  async read(pos: number, len: number): Promise<Buffer> {
    if (pos < 0 || len < 0 || pos + len > this.length) throw new ShortFile(`a read at ${pos} (+${len}) runs past the end of the file`);
    if (len === 0) return Buffer.alloc(0);
    const index = Math.floor(pos / BLOCK);
    if (len >= DIRECT || index !== Math.floor((pos + len - 1) / BLOCK)) return this.readAt(pos, len);
    const bytes = await this.block(index);
    const at = pos - index * BLOCK;
    return bytes.subarray(at, at + len);
  }

  /** The block, from the cache or the file; the least recently used one is let go beyond KEEP. */
  private block(index: number): Promise<Buffer> {
    let bytes = this.blocks.get(index);
    if (bytes) {
      this.blocks.delete(index);
    } else {
      const start = index * BLOCK;
      bytes = this.readAt(start, Math.min(BLOCK, this.length - start));
      bytes.catch(() => undefined); // reported to every read that waits for it
    }
    this.blocks.set(index, bytes);
    for (const old of this.blocks.keys()) {
      if (this.blocks.size <= KEEP) break;
      this.blocks.delete(old);
    }
    return bytes;
  }

  private async readAt(pos: number, size: number): Promise<Buffer> {
    this.bytesRead += size;
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await this.fh.read(buf, got, size - got, pos + got);
      if (bytesRead === 0) throw new ShortFile('the file ended early');
      got += bytesRead;
    }
    return buf;
  }
}
