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
 *
 * Reads go through a window of several MB: the messages of an mbox lie one after the other, so
 * a thousand of them cost a few reads instead of a thousand thread-pool round trips, each of
 * which also held this thread up on the pool's queue while the pool was busy compressing.
 */
class MboxRanges {
  private readonly files = new Map<string, Promise<WindowedFile>>();
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
    let windowed = this.files.get(file);
    if (!windowed) {
      windowed = open(file, 'r').then((fh) => new WindowedFile(fh));
      windowed.catch(() => undefined); // reported to the read that needs it
      this.files.set(file, windowed);
    }
    const [startAt, end] = location.bytes;
    // A copy: the message is kept until the ZIP is written, and must not keep the window alive.
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
 * that falls inside it (up to READ_AHEAD are in flight). A range past the end of the file gives
 * the bytes that are there, as a direct read would.
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

const READ_AHEAD = 16;
