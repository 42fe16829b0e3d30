import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { MailLocation } from '../../../../shared/hit';
import { detectFileFormat } from './detect-format';
import { unquoteFrom } from './mbox-reader';
import { msgToEml } from './msg-file';
import { findPstItem, openPst, pstItemToEml } from './pst-file';

/**
 * The message a hit points at, as .eml bytes for the package. `root` is the mailbox source's
 * path; `location.file` is relative to it (or the file's own name when the source is a
 * file). mbox and message files give their original bytes; Outlook items (.msg, PST) have
 * no MIME original, so they are converted the same way they were when searched.
 */
export async function readOriginalMessage(root: string, location: MailLocation): Promise<Buffer> {
  const file = messageFile(root, (await stat(root)).isFile(), location);
  if (location.bytes) return readByteRange(file, location.bytes);
  const format = await detectFileFormat(file);
  if (format === 'msg') return msgToEml(await readFile(file));
  if (format === 'pst') {
    if (location.folder === undefined || location.index === undefined) throw new Error('a PST location needs a folder and an index');
    const pst = openPst(file);
    try {
      const item = findPstItem(pst, location.folder, location.index);
      if (!item) throw new Error('the message is no longer in the PST file (was the file changed after the search?)');
      return (await pstItemToEml(item)).eml;
    } finally {
      pst.close();
    }
  }
  return readFile(file);
}

/** The file a location names, refusing one outside the mailbox folder. */
function messageFile(root: string, rootIsFile: boolean, location: MailLocation): string {
  if (rootIsFile) return root;
  const file = path.join(root, ...location.file.split('/'));
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('message location points outside the mailbox');
  return file;
}

async function readByteRange(file: string, [start, end]: [number, number]): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buf, 0, buf.length, start);
    return unquoteFrom(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Reads many originals, as readOriginalMessage does, with one handle per mailbox file for the
 * whole run: per message that is one read instead of a stat, an open, a read and a close,
 * which with thousands of messages was most of the time (the export stages them; a case export
 * first checks each against its fingerprint). Other kinds of location go to
 * readOriginalMessage. close() must be called when done.
 *
 * Reads go through a window of several MB: the messages of an mbox lie one after the other, so
 * a thousand of them cost a few reads instead of a thousand thread-pool round trips, each of
 * which also held the caller's thread up on the pool's queue while the pool was busy compressing.
 */
export class OriginalReader {
  private readonly files = new Map<string, Promise<WindowedFile>>();
  private readonly rootIsFile = new Map<string, Promise<boolean>>();

  async read(root: string, location: MailLocation): Promise<Buffer> {
    if (!location.bytes) return readOriginalMessage(root, location);
    let isFile = this.rootIsFile.get(root);
    if (!isFile) this.rootIsFile.set(root, (isFile = stat(root).then((st) => st.isFile())));
    const file = messageFile(root, await isFile, location);
    let windowed = this.files.get(file);
    if (!windowed) {
      windowed = open(file, 'r').then((fh) => new WindowedFile(fh));
      windowed.catch(() => undefined); // reported to the read that needs it
      this.files.set(file, windowed);
    }
    const [startAt, end] = location.bytes;
    // A copy: the message may be kept (until the ZIP is written), and must not keep the window alive.
    return unquoteFrom(Buffer.from(await (await windowed).read(startAt, Math.max(0, end - startAt))));
  }

  async close(): Promise<void> {
    for (const f of this.files.values()) await f.then((w) => w.fh.close()).catch(() => undefined);
    this.files.clear();
  }
}

/** Bytes of the window read at once; a message larger than this is read on its own. */
const WINDOW = 4 << 20;

/**
 * Byte ranges of one file through a window. A window still being read is shared by every read
 * that falls inside it (callers may have several reads in flight). A range past the end of the
 * file gives the bytes that are there, as a direct read would.
 */
class WindowedFile {
  private window: { start: number; end: number; bytes: Promise<Buffer> } | null = null;
  constructor(readonly fh: FileHandle) {}

  async read(pos: number, len: number): Promise<Buffer> {
    let w = this.window;
    if (!w || pos < w.start || pos + len > w.end) {
      const size = Math.max(len, WINDOW);
      w = { start: pos, end: pos + size, bytes: this.readAt(pos, size) };
      w.bytes.catch(() => undefined); // reported to the read that waits for it
      this.window = w;
    }
    const bytes = await w.bytes;
    return bytes.subarray(pos - w.start, Math.min(bytes.length, pos - w.start + len));
  }

  private async readAt(pos: number, size: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await this.fh.read(buf, got, size - got, pos + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  }
}
