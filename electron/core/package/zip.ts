import archiver from 'archiver';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import yauzl from 'yauzl';

/** Zips the staged files (package path → file on disk) with deflate level 6. */
export async function writeZip(target: string, entries: ReadonlyArray<{ name: string; file: string }>): Promise<void> {
  const out = createWriteStream(target);
  const zip = archiver('zip', { zlib: { level: 6 } });
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    zip.on('warning', reject);
    out.on('error', reject);
  });
  zip.pipe(out);
  // A fixed timestamp per package keeps entry metadata independent of the staging order.
  const date = new Date();
  for (const e of entries) zip.file(e.file, { name: e.name, date });
  await Promise.race([zip.finalize(), failed]);
  await Promise.race([once(out, 'close'), failed]);
}

/** Reads every entry of a ZIP back and returns its SHA-256 and size, by entry name. */
export async function hashZipEntries(zipFile: string): Promise<Map<string, { size: number; sha256: string }>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipFile, { lazyEntries: true, autoClose: true }, (err, z) => (err ? reject(err) : resolve(z!))),
  );
  const result = new Map<string, { size: number; sha256: string }>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'));
        const hash = createHash('sha256');
        let size = 0;
        stream.on('data', (c: Buffer) => {
          hash.update(c);
          size += c.length;
        });
        stream.on('error', reject);
        stream.on('end', () => {
          result.set(entry.fileName, { size, sha256: hash.digest('hex') });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return result;
}
