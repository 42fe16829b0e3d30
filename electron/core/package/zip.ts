import { BlobReader, ZipReader, configure } from '@zip.js/zip.js';
import archiver from 'archiver';
import zipEncrypted from 'archiver-zip-encrypted';
import { createHash } from 'node:crypto';
import { createWriteStream, openAsBlob } from 'node:fs';
import { once } from 'node:events';

const ENCRYPTED_FORMAT = 'zip-encrypted';
// One stat at a time: archiver otherwise adds files in the order their stats complete, and the
// entry order (letter and guide first) should be the same in every package.
const ARCHIVE_OPTIONS: archiver.ArchiverOptions = { zlib: { level: 6 }, statConcurrency: 1 };

export interface ZipOptions {
  /** Every entry gets this timestamp, so entry metadata does not depend on staging order. */
  date: Date;
  /** AES-256 (WinZip AE-1 format), which 7-Zip, WinZip, Keka and The Unarchiver open. File names are not encrypted. */
  password?: string;
  signal?: AbortSignal;
}

/** Zips the staged files (package path → file on disk) with deflate level 6, optionally AES-256 encrypted. */
export async function writeZip(target: string, entries: ReadonlyArray<{ name: string; file: string }>, opts: ZipOptions): Promise<void> {
  const out = createWriteStream(target);
  let zip: archiver.Archiver;
  if (opts.password) {
    if (!archiver.isRegisteredFormat(ENCRYPTED_FORMAT)) archiver.registerFormat(ENCRYPTED_FORMAT, zipEncrypted);
    const options: archiver.ArchiverOptions & { encryptionMethod: 'aes256'; password: string } = {
      ...ARCHIVE_OPTIONS,
      encryptionMethod: 'aes256',
      password: opts.password,
    };
    zip = archiver.create(ENCRYPTED_FORMAT, options);
  } else {
    zip = archiver('zip', ARCHIVE_OPTIONS);
  }
  const onAbort = () => zip.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    zip.on('warning', reject);
    out.on('error', reject);
    opts.signal?.addEventListener('abort', () => reject(opts.signal?.reason), { once: true });
  });
  try {
    zip.pipe(out);
    for (const e of entries) zip.file(e.file, { name: e.name, date: opts.date });
    await Promise.race([zip.finalize(), failed]);
    await Promise.race([once(out, 'close'), failed]);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    out.destroy();
  }
}

/**
 * Reads every entry of a ZIP back and returns its SHA-256 and size, by entry name. Uses
 * zip.js, a different implementation from the writer, and decrypts when a password is given,
 * so an encrypted package is checked as thoroughly as a plain one (the AES authentication
 * code and CRC are both checked while reading).
 */
export async function hashZipEntries(zipFile: string, password?: string): Promise<Map<string, { size: number; sha256: string }>> {
  configure({ useWebWorkers: false });
  const reader = new ZipReader(new BlobReader(await openAsBlob(zipFile)), { checkSignature: true, ...(password ? { password } : {}) });
  const result = new Map<string, { size: number; sha256: string }>();
  try {
    for (const entry of await reader.getEntries()) {
      if (entry.directory || !entry.getData) continue;
      const hash = createHash('sha256');
      let size = 0;
      await entry.getData(
        new WritableStream<Uint8Array>({
          write(chunk) {
            hash.update(chunk);
            size += chunk.length;
          },
        }),
      );
      result.set(entry.filename, { size, sha256: hash.digest('hex') });
    }
  } finally {
    await reader.close();
  }
  return result;
}
