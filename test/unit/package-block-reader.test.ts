import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BLOCK, BlockReader, DIRECT } from '../../electron/core/package/block-reader';

/** Bytes that differ from position to position, so a read from the wrong place shows. */
function fileBytes(size: number): Buffer {
  const b = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + (i >>> 11)) & 0xff;
  return b;
}

describe('package: the read-back reader (BlockReader)', () => {
  let dir: string;
  let file: string;
  let fh: FileHandle | null = null;
  const size = 5 * BLOCK + 12_345; // ends in a partial block
  const bytes = fileBytes(size);

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-block-reader-'));
    file = path.join(dir, 'package.zip');
    writeFileSync(file, bytes);
  });
  afterEach(async () => {
    await fh?.close();
    fh = null;
    rmSync(dir, { recursive: true, force: true });
  });

  const reader = async () => {
    fh = await open(file, 'r');
    return new BlockReader(fh, size);
  };

  it('gives the bytes at every kind of place: inside a block, across a border, large, empty, at the end', async () => {
    const r = await reader();
    const places: Array<[number, number]> = [
      [0, 30],
      [BLOCK - 10, 20], // across the first border
      [BLOCK, 1],
      [2 * BLOCK - 1, 1],
      [3 * BLOCK + 5, DIRECT], // large: straight from the file
      [size - 7, 7], // in the partial last block
      [size, 0],
      [123_456, 0],
      [0, size],
    ];
    for (let k = 0; k < 200; k++) {
      const pos = (k * 104_729) % size;
      places.push([pos, Math.min(size - pos, (k * 7_919) % 70_000)]);
    }
    for (const [pos, len] of places) {
      const got = await r.read(pos, len);
      expect(got.equals(bytes.subarray(pos, pos + len)), `read at ${pos} (+${len})`).toBe(true);
    }
  });

  it('reads each byte about once when a large entry and the small ones after it are read by turns', async () => {
    // The read-back's pattern: entries are read several at a time, so the 1 MB chunks of a
    // large entry (data.json) alternate with the headers and bodies of small ones (e-mails)
    // further on. One window moving to each read's place read this file about twice over.
    const r = await reader();
    const largeEnd = 3 * BLOCK + 777;
    const chunk = 1 << 20;
    let small = largeEnd;
    const turns: Array<{ pos: number; read: Promise<Buffer> }> = [];
    for (let p = 0; p < largeEnd || small < size; p += chunk) {
      if (p < largeEnd) turns.push({ pos: p, read: r.read(p, Math.min(chunk, largeEnd - p)) });
      for (let k = 0; k < 200 && small < size; k++) {
        const len = Math.min(3_000, size - small);
        turns.push({ pos: small, read: r.read(small, len) });
        small += len;
      }
    }
    const got = await Promise.all(turns.map(async (t) => ({ pos: t.pos, bytes: await t.read })));
    got.sort((a, b) => a.pos - b.pos);
    expect(Buffer.concat(got.map((g) => g.bytes)).equals(bytes)).toBe(true);
    // The small reads' blocks may take in the large entry's last bytes once more.
    expect(r.bytesRead).toBeLessThanOrEqual(size + BLOCK);
  });

  it('shares one read of a block among the reads that wait for it', async () => {
    const r = await reader();
    const reads = Array.from({ length: 100 }, (_, k) => r.read(BLOCK + k * 1_000, 500));
    const got = await Promise.all(reads);
    got.forEach((b, k) => expect(b.equals(bytes.subarray(BLOCK + k * 1_000, BLOCK + k * 1_000 + 500))).toBe(true));
    expect(r.bytesRead).toBe(BLOCK);
  });

  it('refuses a read past the end, and says so when the file is shorter than it was', async () => {
    const r = await reader();
    await expect(r.read(size - 10, 11)).rejects.toThrow(/runs past the end of the file/);
    await expect(r.read(-1, 1)).rejects.toThrow(/runs past the end of the file/);
    truncateSync(file, 2 * BLOCK);
    await expect(r.read(4 * BLOCK, 100)).rejects.toThrow(/ended early/);
  });
});
