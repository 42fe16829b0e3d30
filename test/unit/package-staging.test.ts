import { describe, expect, it } from 'vitest';
import { Staging } from '../../electron/core/package/staging';
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
});
