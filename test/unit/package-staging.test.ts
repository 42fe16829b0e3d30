import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestOf, Staging } from '../../electron/core/package/staging';
import { readZipDigests } from '../../electron/core/package/zip-read';
import { writePackedZip } from '../../electron/core/package/zip-writer';
import { tempDir } from '../helpers/temp';

describe('package staging', () => {
  it('lets go of a compressed entry once it is packed, and keeps a stored one (its packed bytes are the content)', async () => {
    const staging = new Staging(tempDir(), undefined, true);
    const text = Buffer.from('Hei Kari,\n'.repeat(2000));
    const mail = await staging.content('mail/epost/0001-hei.eml', text);
    const sheet = await staging.content('data/data.xlsx', Buffer.from('PK already compressed'));
    const packed = await mail.packed!;
    await sheet.packed;
    await new Promise((r) => setImmediate(r));
    expect(packed.method).toBe(8);
    expect(packed.size).toBe(text.length);
    expect(mail.content).toBeUndefined();
    expect(sheet.content?.toString()).toBe('PK already compressed');
  });

  it('keeps the original bytes of an encrypted package, which archiver zips from the content', async () => {
    const staging = new Staging(tempDir(), undefined, false);
    const entry = await staging.content('manifest.json', Buffer.from('{}'));
    expect(entry.packed).toBeUndefined();
    expect(entry.content?.toString()).toBe('{}');
  });

  it('zips hundreds of e-mails, most of them compressed in the worker, into a ZIP that unzip and our reader accept byte for byte', async () => {
    const dir = tempDir();
    const staging = new Staging(path.join(dir, 'staging'), undefined, true);
    // More than the files left to the thread pool before the worker starts (small-deflate.ts).
    const mails = Array.from({ length: 600 }, (_, i) =>
      Buffer.from(`Subject: Sak ${i}\r\n\r\n${'Hei Kari, dette gjelder bestillingen din. '.repeat(i % 30)}${i % 4 === 0 ? randomBytes(3000).toString('base64') : ''}\r\n`),
    );
    for (const [i, mail] of mails.entries()) await staging.content(`mail/epost/${String(i).padStart(4, '0')}.eml`, mail);
    staging.smallFilesStaged();
    const readme = await staging.content('LESMEG.txt', Buffer.from('Readme, staged after the e-mails: compressed in the thread pool.\n'));
    const zip = path.join(dir, 'svar.zip');
    try {
      await writePackedZip(zip, staging.entries.map((e) => ({ name: e.name, packed: e.packed! })), { date: new Date('2026-11-22T12:00:00Z') });
    } finally {
      staging.close();
    }
    const read = await readZipDigests(zip);
    expect(read.size).toBe(601);
    mails.forEach((mail, i) => expect(read.get(`mail/epost/${String(i).padStart(4, '0')}.eml`)).toEqual(digestOf(mail)));
    expect(read.get('LESMEG.txt')?.sha256).toBe(readme.sha256);
    // An independent reader checks every entry's CRC-32 against its inflated bytes.
    expect(execFileSync('unzip', ['-tq', zip], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });
});
