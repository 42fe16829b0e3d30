import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openEntryStream, type EntryMode, type EntrySink } from './entry-stream';
import type { ZipEntry } from './zip';
import { SmallDeflates } from './small-deflate';
import { packContent, packFile, storedInZip, type Packed } from './zip-writer';

export interface Digest {
  size: number;
  sha256: string;
}

export type StagedEntry = ZipEntry & Digest & { packed?: Promise<Packed> };

/** Small files kept in memory instead of the staging folder, up to this much held at once (compressed, once packed). */
const MEMORY_BUDGET = 64 << 20;
/** A single file larger than this always goes to disk. */
const MEMORY_ITEM = 4 << 20;

export function digestOf(content: Buffer): Digest {
  return { size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/**
 * The files of a package before they are zipped, each with its size and SHA-256 taken while it
 * was written (nothing is read back just to hash it). Small contents (e-mails, the readme, the
 * manifest) stay in memory up to a budget, so a thousand e-mails do not cost a thousand file
 * creations here and a thousand opens when zipping; everything else, and everything past the
 * budget, is written to the staging folder. Entries keep the order they were staged in.
 *
 * With `pack` (unencrypted packages, see zip-writer.ts), each entry starts being compressed in
 * the thread pool the moment it is staged, while the next one is made; a streamed file
 * (data.json) is compressed while it is being written (entry-stream.ts).
 */
export class Staging {
  /** In the order each staging began; a place is empty while its file is still being staged. */
  private readonly places: Array<StagedEntry | undefined> = [];
  private inMemory = 0;
  private readonly dirs = new Set<string>();
  /** Compresses the small files (e-mails) in a worker, a batch at a time; only for a plain ZIP. */
  private readonly small: SmallDeflates | undefined;

  constructor(
    private readonly dir: string,
    private readonly signal?: AbortSignal,
    private readonly pack = false,
  ) {
    this.small = pack ? new SmallDeflates(signal) : undefined;
  }

  /**
   * Keeps the entry's place in the order its staging began, so files staged side by side
   * (data.json and data.xlsx) are listed in the manifest in the same order every time.
   */
  private reserve(): (entry: StagedEntry) => StagedEntry {
    const at = this.places.length;
    this.places.push(undefined);
    return (entry) => (this.places[at] = entry);
  }

  /** Every staged file, once all have been staged. */
  get entries(): StagedEntry[] {
    return this.places.map((e, i) => {
      if (!e) throw new Error(`staging entry ${i} was read before it was staged`);
      return e;
    });
  }

  private add(entry: StagedEntry, put: (entry: StagedEntry) => StagedEntry): StagedEntry {
    if (this.pack) {
      const content = entry.content;
      entry.packed = content !== undefined ? packContent(content, storedInZip(entry.name), this.signal, this.small) : packFile(entry.file!, storedInZip(entry.name), this.signal);
      // The ZIP is written from the packed bytes, so a compressed entry's original bytes are
      // let go as soon as they are packed (for 5,000 e-mails, 30 MB less held until the ZIP is
      // done). The budget then counts the compressed bytes that stay in memory instead.
      if (content !== undefined) {
        void entry.packed.then(
          (p) => {
            if (!Buffer.isBuffer(p.data) || p.data === content) return;
            entry.content = undefined;
            this.inMemory -= content.length - p.data.length;
          },
          () => undefined,
        );
      }
      entry.packed.catch(() => undefined); // awaited when the ZIP is written; settle() waits for it on failure
    }
    return put(entry);
  }

  /**
   * Waits for every compression still running (after a failure), so the staging folder can be
   * removed, and stops the compression worker.
   */
  async settle(): Promise<void> {
    // A place reserved by a staging that failed stays empty.
    await Promise.allSettled(this.places.map((e) => e?.packed));
    this.close();
  }

  /** The small files are staged (the e-mails): the compression worker stops once they are compressed; later ones go to the thread pool. */
  smallFilesStaged(): void {
    this.small?.finish();
  }

  /** Stops the compression worker once every entry is packed; anything staged later is compressed in the thread pool. */
  close(): void {
    this.small?.close();
  }

  private async fileFor(name: string): Promise<string> {
    const file = path.join(this.dir, ...name.split('/'));
    const parent = path.dirname(file);
    if (!this.dirs.has(parent)) {
      await mkdir(parent, { recursive: true });
      this.dirs.add(parent);
    }
    return file;
  }

  /**
   * Stages `name` by letting `write` produce its bytes into a sink; they are hashed (and, for
   * a plain package, checksummed and compressed) as they pass, so the file is never read back.
   */
  async stream(name: string, write: (sink: EntrySink) => Promise<void>): Promise<StagedEntry> {
    this.signal?.throwIfAborted();
    const put = this.reserve();
    const file = await this.fileFor(name);
    const entry = openEntryStream(file, this.modeOf(name), this.signal);
    let ended;
    try {
      await write(entry.sink);
      ended = await entry.end();
    } catch (err) {
      entry.destroy();
      throw err;
    }
    const staged: StagedEntry = { name, file, ...ended.digest, packed: ended.packed };
    staged.packed?.catch(() => undefined); // awaited when the ZIP is written; settle() waits for it on failure
    return put(staged);
  }

  /**
   * Stages `name` by letting another thread write it (xlsx-aside.ts): `write` is given the
   * file and how to open it (entry-stream.ts) and answers what `EntryStream.end()` gave there,
   * with its packing already done.
   */
  async elsewhere(name: string, write: (file: string, mode: EntryMode) => Promise<{ digest: Digest; packed?: Packed }>): Promise<StagedEntry> {
    this.signal?.throwIfAborted();
    const put = this.reserve();
    const file = await this.fileFor(name);
    const { digest, packed } = await write(file, this.modeOf(name));
    return put({ name, file, ...digest, ...(packed ? { packed: Promise.resolve(packed) } : {}) });
  }

  /** How a staged file is written: as it is for an encrypted package, else ready for the ZIP. */
  private modeOf(name: string): EntryMode {
    return !this.pack ? 'raw' : storedInZip(name) ? 'store' : 'deflate';
  }

  /** Stages bytes already in memory: kept there while the budget allows, else written to the staging folder. */
  async content(name: string, content: Buffer): Promise<StagedEntry> {
    this.signal?.throwIfAborted();
    const put = this.reserve();
    const digest = digestOf(content);
    let entry: StagedEntry;
    if (content.length <= MEMORY_ITEM && this.inMemory + content.length <= MEMORY_BUDGET) {
      this.inMemory += content.length;
      entry = { name, content, ...digest };
    } else {
      const file = await this.fileFor(name);
      await writeFile(file, content);
      entry = { name, file, ...digest };
    }
    return this.add(entry, put);
  }
}
