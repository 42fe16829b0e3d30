import { createHash } from 'node:crypto';
import yauzl from 'yauzl';

/** Reads every entry of a ZIP with yauzl, a different library than the one that wrote it. */
export async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

export interface ManifestLike {
  files: Array<{ path: string; size: number; sha256: string }>;
  sources: Array<{ id: string; status: string }>;
}

/** Every file the manifest lists is present with the size and SHA-256 it claims. */
export function manifestMismatches(entries: Map<string, Buffer>): string[] {
  const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as ManifestLike;
  const problems: string[] = [];
  for (const f of manifest.files ?? []) {
    const data = entries.get(f.path);
    if (!data) problems.push(`${f.path}: missing`);
    else if (data.length !== f.size || createHash('sha256').update(data).digest('hex') !== f.sha256) problems.push(`${f.path}: differs`);
  }
  return problems;
}
