import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateSegments, SEGMENT } from '../../electron/core/package/deflate-segments';
import { openEntryStream } from '../../electron/core/package/entry-stream';
import { readZipDigests } from '../../electron/core/package/zip-read';
import { writePackedZip } from '../../electron/core/package/zip-writer';
import { python } from '../integration/package-fixture';
import { tempDir } from '../helpers/temp';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Compressible text over several segments, fed in uneven pieces as data.json's writer does. */
function text(bytes: number): Buffer {
  const line = Buffer.from('{"navn": "Åse Ødegård", "epost": "ase@example.no", "telefon": "+47 913 45 678"},\n');
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / line.length) }, (_, i) => Buffer.from(`${i}:${line}`))).subarray(0, bytes);
}

async function compress(input: Buffer, piece: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  const deflate = deflateSegments(async (b) => void parts.push(b), { level: 6 });
  for (let p = 0; p < input.length; p += piece) await deflate.write(input.subarray(p, p + piece));
  const { compressedSize } = await deflate.end();
  const out = Buffer.concat(parts);
  expect(out.length).toBe(compressedSize);
  return out;
}

describe('segmented deflate (deflate-segments.ts)', () => {
  for (const size of [0, 1, SEGMENT - 1, SEGMENT, 3 * SEGMENT + 12_345]) {
    it(`is one deflate stream that zlib inflates back to the ${size} bytes it was given`, async () => {
      const input = text(size);
      const out = await compress(input, 256 * 1024 + 7);
      expect(inflateRawSync(out).equals(input)).toBe(true);
    });
  }

  it('costs little size against one stream at the same level', async () => {
    const input = text(4 * SEGMENT);
    const segmented = await compress(input, 256 * 1024);
    const whole = (await import('node:zlib')).deflateRawSync(input, { level: 6 });
    expect(segmented.length).toBeLessThan(whole.length * 1.02 + 64);
  });

  it('stops when destroyed, and a write after that fails', async () => {
    const deflate = deflateSegments(async () => undefined, { level: 6 });
    await deflate.write(text(2 * SEGMENT));
    deflate.destroy();
    await expect(deflate.end()).rejects.toThrow(/stopped/);
  });
});

describe('staged entries compressed in segments (entry-stream.ts)', () => {
  it('gives the digest of the bytes written and a ZIP entry that Python, unzip and our reader accept', async () => {
    const dir = tempDir();
    const data = text(2 * SEGMENT + 999);
    const noise = randomBytes(300_000);
    const json = openEntryStream(path.join(dir, 'data.json'), 'deflate');
    for (let p = 0; p < data.length; p += 100_000) await json.sink.write(data.subarray(p, p + 100_000));
    const jsonEnd = await json.end();
    expect(jsonEnd.digest).toEqual({ size: data.length, sha256: sha(data) });
    expect(readFileSync(path.join(dir, 'data.json')).equals(data)).toBe(true); // the staged file holds the bytes themselves
    const xlsx = openEntryStream(path.join(dir, 'data.xlsx'), 'store');
    await xlsx.sink.write(noise);
    const xlsxEnd = await xlsx.end();

    const zip = path.join(dir, 'out.zip');
    await writePackedZip(
      zip,
      [
        { name: 'data/data.json', packed: jsonEnd.packed! },
        { name: 'data/data.xlsx', packed: xlsxEnd.packed! },
      ],
      { date: new Date(Date.UTC(2026, 0, 1)) },
    );
    const got = await readZipDigests(zip);
    expect(got.get('data/data.json')).toEqual({ size: data.length, sha256: sha(data) });
    expect(got.get('data/data.xlsx')).toEqual({ size: noise.length, sha256: sha(noise) });
    expect(python('import zipfile,sys,hashlib\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(hashlib.sha256(z.read("data/data.json")).hexdigest())', zip).trim()).toBe(sha(data));
    execFileSync('unzip', ['-tq', zip]);
  });

  it('reads the rest back from the file when the compressor falls behind the writer, and the result is still the whole file', async () => {
    const dir = tempDir();
    const data = text(12 * SEGMENT + 4321);
    const entry = openEntryStream(path.join(dir, 'data.json'), 'deflate');
    // Whole segments at once, faster than the pool compresses them: it cannot keep up.
    for (let p = 0; p < data.length; p += SEGMENT) await entry.sink.write(data.subarray(p, p + SEGMENT));
    const { digest, packed } = await entry.end();
    expect(digest).toEqual({ size: data.length, sha256: sha(data) });
    const p = await packed!;
    expect(p.size).toBe(data.length);
    const file = (p.data as { file: string }).file;
    expect(inflateRawSync(readFileSync(file)).equals(data)).toBe(true);
  });
});
