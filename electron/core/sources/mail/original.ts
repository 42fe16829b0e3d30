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

async function readByteRange(file: string, range: [number, number]): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    return await rangeOf(handle, range);
  } finally {
    await handle.close();
  }
}

async function rangeOf(handle: FileHandle, [start, end]: [number, number]): Promise<Buffer> {
  const buf = Buffer.alloc(end - start);
  const { bytesRead } = await handle.read(buf, 0, buf.length, start);
  return unquoteFrom(buf.subarray(0, bytesRead));
}

/**
 * Reads many originals, as readOriginalMessage does, keeping each mailbox file open between
 * reads: checking the 5,000 originals of an export one by one spent most of its time opening,
 * examining and closing the same mbox file. close() must be called when done.
 */
export class OriginalReader {
  private readonly rootIsFile = new Map<string, Promise<boolean>>();
  private readonly handles = new Map<string, Promise<FileHandle>>();

  async read(root: string, location: MailLocation): Promise<Buffer> {
    if (!location.bytes) return readOriginalMessage(root, location);
    let isFile = this.rootIsFile.get(root);
    if (!isFile) this.rootIsFile.set(root, (isFile = stat(root).then((s) => s.isFile())));
    const file = messageFile(root, await isFile, location);
    let handle = this.handles.get(file);
    if (!handle) {
      this.handles.set(file, (handle = open(file, 'r')));
      handle.catch(() => undefined); // reported to the read that waits for it
    }
    return rangeOf(await handle, location.bytes);
  }

  async close(): Promise<void> {
    const opened = await Promise.allSettled(this.handles.values());
    this.handles.clear();
    await Promise.all(opened.map((o) => (o.status === 'fulfilled' ? o.value.close() : undefined)));
  }
}
