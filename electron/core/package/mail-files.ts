import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { MailLocation } from '../../../shared/hit';
import type { SourceConfig } from '../../../shared/workspace';
import { unquoteFrom } from '../sources/mail/mbox-reader';
import { readOriginalMessage } from '../sources/mail/original';
import type { SourceGroup } from './grouping';
import { originalWithheld } from './package-plan';
import { safeName } from './safe-name';

export interface MailFilesInput {
  groups: readonly SourceGroup[];
  sources: readonly SourceConfig[];
  /** ZIP encryption does not hide file names, so an encrypted package names messages by number only. */
  subjectsInNames: boolean;
  stage(name: string, content: Buffer): Promise<void>;
  signal?: AbortSignal;
}

export interface MailFiles {
  /** Package path of each exported original, by hit id. */
  emlPaths: Map<string, string>;
  /** Messages whose original was not exported because a reviewer redacted part of them. */
  withheld: number;
}

/**
 * Stages each included message as `mail/<source>/<n>-<subject>.eml` with the bytes the
 * mailbox holds, attachments and all. `n` is the message's position in the source's mail
 * overview, so the file, the spreadsheet row and the data.json entry line up.
 */
export async function stageMailFiles(input: MailFilesInput): Promise<MailFiles> {
  const emlPaths = new Map<string, string>();
  let withheld = 0;
  const wanted: Array<{ hitId: string; name: string; read: () => Promise<Buffer> }> = [];
  const mbox = new MboxRanges();
  for (const group of input.groups) {
    const cfg = input.sources.find((s) => s.id === group.id);
    if (!cfg || !('path' in cfg)) continue;
    const width = Math.max(4, String(group.messages.length).length);
    for (const [i, hit] of group.messages.entries()) {
      if (originalWithheld(hit)) {
        withheld++;
        continue;
      }
      const n = String(i + 1).padStart(width, '0');
      const subject = typeof hit.record.subject === 'string' ? hit.record.subject : '';
      const file = input.subjectsInNames ? `${n}-${safeName(subject, 60, 'message')}.eml` : `${n}.eml`;
      const name = `mail/${safeName(group.id, 40, 'source')}/${file}`;
      wanted.push({ hitId: hit.id, name, read: () => mbox.read(cfg.path, hit.location) });
    }
  }
  // Each read is a few small file operations whose latency, one message after the other, was
  // most of this step; up to READ_AHEAD reads are in flight, and messages are still staged in order.
  const reads: Array<Promise<Buffer>> = [];
  const start = (k: number) => {
    if (k < wanted.length) {
      reads[k] = wanted[k].read();
      reads[k].catch(() => undefined); // awaited below in order; a failure after a cancel is moot
    }
  };
  for (let k = 0; k < READ_AHEAD; k++) start(k);
  try {
    for (const [k, m] of wanted.entries()) {
      input.signal?.throwIfAborted();
      const content = await reads[k];
      delete reads[k];
      start(k + READ_AHEAD);
      await input.stage(m.name, content);
      emlPaths.set(m.hitId, m.name);
    }
  } finally {
    await Promise.allSettled(reads);
    await mbox.close();
  }
  return { emlPaths, withheld };
}

/**
 * Messages inside an mbox, read by byte range from one handle per mailbox file for the whole
 * export: per message that is one read instead of a stat, an open, a read and a close, which
 * with thousands of messages was most of this step. The file is found by the same rule as
 * readOriginalMessage (sources/mail/original.ts), which handles every other kind of location.
 */
class MboxRanges {
  private readonly handles = new Map<string, Promise<FileHandle>>();
  private readonly rootIsFile = new Map<string, Promise<boolean>>();

  async read(root: string, location: MailLocation): Promise<Buffer> {
    if (!location.bytes) return readOriginalMessage(root, location);
    let isFile = this.rootIsFile.get(root);
    if (!isFile) this.rootIsFile.set(root, (isFile = stat(root).then((st) => st.isFile())));
    const file = (await isFile) ? root : path.join(root, ...location.file.split('/'));
    if (file !== root) {
      const rel = path.relative(root, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('message location points outside the mailbox');
    }
    let handle = this.handles.get(file);
    if (!handle) {
      handle = open(file, 'r');
      handle.catch(() => undefined); // reported to the read that needs it
      this.handles.set(file, handle);
    }
    const fh = await handle;
    const [startAt, end] = location.bytes;
    const buf = Buffer.alloc(Math.max(0, end - startAt));
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, startAt + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return unquoteFrom(buf.subarray(0, got));
  }

  async close(): Promise<void> {
    for (const h of this.handles.values()) await h.then((fh) => fh.close()).catch(() => undefined);
    this.handles.clear();
  }
}

const READ_AHEAD = 16;
