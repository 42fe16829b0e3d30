import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MailLocation } from '../../../../shared/hit';
import { unquoteFrom } from './mbox-reader';

/**
 * The original bytes of a message, for exporting it as .eml. `root` is the mailbox source's
 * path; `location.file` is relative to it (or the file's own name when the source is a file).
 */
export async function readOriginalMessage(root: string, location: MailLocation): Promise<Buffer> {
  const rootIsFile = (await stat(root)).isFile();
  const file = rootIsFile ? root : path.join(root, ...location.file.split('/'));
  if (!rootIsFile) {
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('message location points outside the mailbox');
  }
  if (!location.bytes) return readFile(file);
  const [start, end] = location.bytes;
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(end - start);
    await handle.read(buf, 0, buf.length, start);
    return unquoteFrom(buf);
  } finally {
    await handle.close();
  }
}
