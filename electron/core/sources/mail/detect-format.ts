import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from '../source';

export type MailFileFormat = 'mbox' | 'message-file' | 'msg' | 'pst' | 'not-mail';
export type MailboxFormat = MailFileFormat | 'folder';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PST_MAGIC = Buffer.from('!BDN', 'latin1');
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** An RFC 5322 header line: printable characters except ":" then ":". */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]{1,76}:/;

/**
 * What a file is, from its first bytes (extensions lie, and the Enron files have none).
 * OLE compound files are also Word and Excel documents: one counts as .msg only with the
 * .msg extension, so a stray .doc in a mail folder is reported, not misread.
 */
export function detectFromHead(head: Buffer, fileName: string): MailFileFormat {
  if (head.subarray(0, 4).equals(PST_MAGIC)) return 'pst';
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return /\.msg$/i.test(fileName) ? 'msg' : 'not-mail';
  let text = head.subarray(head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0).toString('latin1');
  if (text.startsWith('From ')) return 'mbox';
  text = text.replace(/^(\r?\n)+/, ''); // some exporters start a message with empty lines
  return HEADER_LINE.test(text) ? 'message-file' : 'not-mail';
}

export async function detectFileFormat(file: string): Promise<MailFileFormat> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return detectFromHead(head.subarray(0, bytesRead), path.basename(file));
  } finally {
    await handle.close();
  }
}

/** The format of a mailbox source's path: a folder (Maildir or any tree of message files) or one file. */
export async function detectMailboxFormat(p: string): Promise<MailboxFormat> {
  let info;
  try {
    info = await stat(p);
  } catch {
    throw new SourceError(`The mailbox path ${p} does not exist or cannot be read. Check the source's "path".`);
  }
  if (info.isDirectory()) return 'folder';
  if (!info.isFile()) {
    // Opening a FIFO blocks until something writes to it: never open what is not a file.
    throw new SourceError(`The mailbox path ${p} is not a regular file or folder (a pipe, socket or device?). Check the source's "path".`);
  }
  const format = await detectFileFormat(p);
  if (format === 'not-mail') {
    throw new SourceError(
      `The mailbox file ${p} is not an mbox, a message (.eml), an Outlook .msg or a .pst/.ost file. Check the source's "path".`,
    );
  }
  return format;
}
