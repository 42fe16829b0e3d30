import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readZipDigests } from '../../electron/core/package/zip-read';
import { packContent, packFile, storedInZip, writePackedZip } from '../../electron/core/package/zip-writer';
import { python } from '../integration/package-fixture';
import { writeZip } from '../../electron/core/package/zip';
import { tempDir } from '../helpers/temp';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Files of every kind the package holds: empty, tiny, compressible and large, incompressible (stored). */
function stage(dir: string) {
  const files = {
    'empty.txt': Buffer.alloc(0),
    'LES-MEG.txt': Buffer.from('Hei, Åse!\r\n'.repeat(20)),
    'data/data.json': Buffer.from(JSON.stringify(Array.from({ length: 60_000 }, (_, i) => ({ i, name: `navn ${i}` })))),
    'data/data.xlsx': randomBytes(1_500_000),
  };
  const entries = Object.entries(files).map(([name, content], i) => {
    const file = path.join(dir, `f${i}`);
    writeFileSync(file, content);
    return { name, file, ...(name.endsWith('.xlsx') ? { store: true } : {}) };
  });
  return { files, entries };
}

describe('ZIP read-back (zip-read.ts)', () => {
  for (const password of [undefined, 'korrekt hest batteri']) {
    it(`reads back what archiver wrote, ${password ? 'AES-256 encrypted' : 'plain'}, and rejects a changed byte`, async () => {
      const dir = tempDir();
      const { files, entries } = stage(dir);
      const zip = path.join(dir, 'out.zip');
      await writeZip(zip, entries, { date: new Date(Date.UTC(2026, 0, 1)), password });
      const got = await readZipDigests(zip, password);
      expect([...got.keys()].sort()).toEqual(Object.keys(files).sort());
      for (const [name, content] of Object.entries(files)) expect(got.get(name), name).toEqual({ size: content.length, sha256: sha(content) });

      // Flip one byte in the middle of the large compressible entry's data.
      const bytes = readFileSync(zip);
      const at = bytes.indexOf('data/data.json') + 200_000 / 4;
      bytes[at] ^= 0x55;
      writeFileSync(zip, bytes);
      await expect(readZipDigests(zip, password)).rejects.toThrow();
    });
  }

  it('refuses a wrong passphrase and a missing one', async () => {
    const dir = tempDir();
    const { entries } = stage(dir);
    const zip = path.join(dir, 'out.zip');
    await writeZip(zip, entries, { date: new Date(), password: 'korrekt hest batteri' });
    await expect(readZipDigests(zip, 'feil passord')).rejects.toThrow(/passphrase|authentication/);
    await expect(readZipDigests(zip)).rejects.toThrow(/no passphrase/);
  });

  it('refuses a file cut short', async () => {
    const dir = tempDir();
    const { entries } = stage(dir);
    const zip = path.join(dir, 'out.zip');
    await writeZip(zip, entries, { date: new Date() });
    writeFileSync(zip, readFileSync(zip).subarray(0, 100_000));
    await expect(readZipDigests(zip)).rejects.toThrow();
  });
});

describe('plain package writer (zip-writer.ts)', () => {
  it('writes what Python zipfile and unzip read back, with UTF-8 names, an empty entry and a stored entry', async () => {
    const dir = tempDir();
    const files: Record<string, Buffer> = {
      'følgebrev.pdf': Buffer.from('%PDF-1.7 Åse Ærø'),
      'empty.txt': Buffer.alloc(0),
      'data/data.json': Buffer.from(JSON.stringify(Array.from({ length: 50_000 }, (_, i) => ({ i })))),
      'data/data.xlsx': randomBytes(300_000),
    };
    const big = path.join(dir, 'big.json');
    writeFileSync(big, files['data/data.json']);
    const entries = Object.entries(files).map(([name, content]) => ({
      name,
      packed: name === 'data/data.json' ? packFile(big, false) : packContent(content, storedInZip(name)),
    }));
    const zip = path.join(dir, 'out.zip');
    await writePackedZip(zip, entries, { date: new Date(Date.UTC(2026, 0, 1)) });
    const got = await readZipDigests(zip);
    for (const [name, content] of Object.entries(files)) expect(got.get(name), name).toEqual({ size: content.length, sha256: sha(content) });
    const listing = python(
      'import zipfile,sys,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps([[i.filename,i.compress_type,i.file_size,str(i.date_time)] for i in z.infolist()]))',
      zip,
    );
    expect(JSON.parse(listing)).toEqual([
      ['følgebrev.pdf', 8, files['følgebrev.pdf'].length, '(2026, 1, 1, 0, 0, 0)'],
      ['empty.txt', 8, 0, '(2026, 1, 1, 0, 0, 0)'],
      ['data/data.json', 8, files['data/data.json'].length, '(2026, 1, 1, 0, 0, 0)'],
      ['data/data.xlsx', 0, files['data/data.xlsx'].length, '(2026, 1, 1, 0, 0, 0)'],
    ]);
    execFileSync('unzip', ['-tq', zip]);
  });

  it('switches to ZIP64 end records past 65,535 entries, and both readers still agree', async () => {
    const dir = tempDir();
    const n = 65_600;
    const entries = Array.from({ length: n }, (_, i) => ({ name: `mail/${i}.eml`, packed: packContent(Buffer.from(String(i)), false) }));
    const zip = path.join(dir, 'many.zip');
    await writePackedZip(zip, entries, { date: new Date() });
    const got = await readZipDigests(zip);
    expect(got.size).toBe(n);
    expect(got.get('mail/65599.eml')).toEqual({ size: 5, sha256: sha(Buffer.from('65599')) });
    expect(python('import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nprint(len(z.infolist()), z.read("mail/65599.eml").decode())', zip).trim()).toBe(`${n} 65599`);
  }, 60_000);
});
