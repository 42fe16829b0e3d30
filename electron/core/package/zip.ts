import archiver from 'archiver';
import zipEncrypted from 'archiver-zip-encrypted';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { storedInZip } from './zip-writer';
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

export interface ZipEntry {
  /** Path inside the ZIP. */
  name: string;
  /** The staged file on disk, or */
  file?: string;
  /** the content itself, when it was small enough to keep in memory. */
  content?: Buffer;
  /**
   * Store without compressing. Defaults to true for .xlsx: a spreadsheet is itself a deflated
   * ZIP, and deflating it again costs time and gains about 1%.
   */
  store?: boolean;
}

/**
 * Zips the staged files (package path → file on disk or content in memory) with deflate level 6 (or stored, when an
 * entry asks), optionally AES-256 encrypted.
 */
export async function writeZip(target: string, entries: readonly ZipEntry[], opts: ZipOptions): Promise<void> {
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
    // append() with a lazy source instead of file(): file() stats every file first, one at a
    // time, which for a thousand e-mails costs more than compressing them.
    for (const e of entries) {
      const source = e.content ?? (e.file !== undefined ? lazyFile(e.file) : null);
      if (!source) throw new Error(`${e.name} has neither a file nor content`);
      zip.append(source, { name: e.name, date: opts.date, mode: 0o644, store: e.store ?? storedInZip(e.name) });
    }
    await Promise.race([zip.finalize(), failed]);
    await Promise.race([once(out, 'close'), failed]);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    out.destroy();
  }
}

/** A stream that opens the file only when archiver gets to it, so a thousand entries do not hold a thousand open files. */
function lazyFile(file: string): Readable {
  return Readable.from(
    (async function* () {
      const fh = await open(file, 'r');
      try {
        const { size } = await fh.stat();
        if (size <= SMALL_FILE) {
          yield await fh.readFile();
          return;
        }
      } finally {
        await fh.close();
      }
      yield* createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
    })(),
    { objectMode: false },
  );
}

const SMALL_FILE = 1 << 20;
