import { randomBytes } from 'node:crypto';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SmallDeflates } from '../../electron/core/package/small-deflate';
import { packContent } from '../../electron/core/package/zip-writer';

/** Files like a package's small ones: e-mail text, base64 attachments, empty and one-byte files. */
function files(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 50 === 0) return Buffer.alloc(0);
    if (i % 50 === 1) return Buffer.from('x');
    const text = `From: a${i}@example.no\r\nSubject: Sak ${i} – spørsmål\r\n\r\n${'Hei, dette gjelder avtalen. '.repeat(i % 40)}\r\n`;
    return i % 3 === 0 ? Buffer.concat([Buffer.from(text), Buffer.from(randomBytes(2000 + i * 37).toString('base64'))]) : Buffer.from(text);
  });
}

function expectDeflatedFrom(original: Buffer, done: { crc: number; data: Buffer } | null): void {
  expect(done).not.toBeNull();
  expect(done!.crc).toBe(crc32(original) >>> 0);
  expect(inflateRawSync(done!.data).equals(original)).toBe(true);
}

describe('small files compressed in a worker', () => {
  it('gives each file its own deflate stream and checksum, in many batches, staged in one turn or in several', async () => {
    const all = files(700); // more than the batches in flight at once hold
    const small = new SmallDeflates(undefined, undefined, { poolFirst: 0 });
    try {
      const first = all.slice(0, 400).map((f) => small.deflate(f));
      const rest: Array<Promise<{ crc: number; data: Buffer } | null>> = [];
      for (const f of all.slice(400)) {
        rest.push(small.deflate(f));
        if (rest.length % 25 === 0) await new Promise((r) => setImmediate(r));
      }
      const done = await Promise.all([...first, ...rest]);
      done.forEach((d, i) => expectDeflatedFrom(all[i], d));
    } finally {
      small.close();
    }
  });

  it("leaves the caller's buffers as they were, also slices of Node's shared pool", async () => {
    const pooled = [Buffer.from('abc'), Buffer.from('defgh'), Buffer.from('æøå')];
    const copies = pooled.map((b) => Buffer.from(b));
    const small = new SmallDeflates(undefined, undefined, { poolFirst: 0 });
    try {
      const done = await Promise.all(pooled.map((b) => small.deflate(b)));
      pooled.forEach((b, i) => {
        expect(b.equals(copies[i])).toBe(true);
        expectDeflatedFrom(copies[i], done[i]);
      });
    } finally {
      small.close();
    }
  });

  it('after finish(), compresses what it has and then stops: later files are left to the caller', async () => {
    const all = files(120);
    const small = new SmallDeflates(undefined, undefined, { poolFirst: 0 });
    const before = all.map((f) => small.deflate(f));
    small.finish();
    expect(await small.deflate(Buffer.from('late'))).toBeNull();
    (await Promise.all(before)).forEach((d, i) => expectDeflatedFrom(all[i], d));
  });

  it('leaves the first files to the caller, and starts its worker only for the ones after them', async () => {
    const all = files(30);
    const small = new SmallDeflates(undefined, undefined, { poolFirst: 10 });
    try {
      const done = await Promise.all(all.map((f) => small.deflate(f)));
      expect(done.slice(0, 10)).toEqual(all.slice(0, 10).map(() => null));
      done.slice(10).forEach((d, i) => expectDeflatedFrom(all[10 + i], d));
    } finally {
      small.close();
    }
  });

  it('leaves every file to the caller when its worker cannot start, and packContent then compresses it in the thread pool', async () => {
    const small = new SmallDeflates(undefined, { file: '/nonexistent/small-deflate-worker.js', eval: false }, { poolFirst: 0 });
    try {
      const all = files(40);
      expect(await Promise.all(all.map((f) => small.deflate(f)))).toEqual(all.map(() => null));
      const packed = await Promise.all(all.map((f) => packContent(f, false, undefined, small)));
      packed.forEach((p, i) => {
        expect(p.method).toBe(8);
        expect(p.crc).toBe(crc32(all[i]) >>> 0);
        expect(inflateRawSync(p.data as Buffer).equals(all[i])).toBe(true);
      });
    } finally {
      small.close();
    }
  });

  it('leaves waiting files to the caller when the export is cancelled, and packContent then stops with the cancellation', async () => {
    const abort = new AbortController();
    const small = new SmallDeflates(abort.signal, undefined, { poolFirst: 0 });
    const all = files(300);
    const waiting = all.map((f) => small.deflate(f));
    abort.abort(new Error('cancelled by the user'));
    const done = await Promise.all(waiting);
    // The first batches may have come back before the cancellation reached them; none is wrong.
    done.forEach((d, i) => d && expectDeflatedFrom(all[i], d));
    expect(done.filter((d) => d === null).length).toBeGreaterThan(0);
    expect(await small.deflate(Buffer.from('after'))).toBeNull();
    await expect(packContent(Buffer.from('after'), false, abort.signal, small)).rejects.toThrow('cancelled by the user');
  });
});
