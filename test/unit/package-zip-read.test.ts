import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZipDigests } from '../../electron/core/package/zip-read';
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
