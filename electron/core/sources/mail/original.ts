import { open, readFile, stat } from 'node:fs/promises';
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
  const rootIsFile = (await stat(root)).isFile();
  const file = rootIsFile ? root : path.join(root, ...location.file.split('/'));
  if (!rootIsFile) {
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('message location points outside the mailbox');
  }
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
