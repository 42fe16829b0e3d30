import { open, readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceConfig } from '../../../../shared/workspace';
import type { PreparedSubject } from '../../match/prepare';
import { SourceError, type ScanContext, type Source, type SourceRecord } from '../source';
import { readMbox } from './mbox-reader';
import { parseMessage } from './parse-message';

type MailboxConfig = Extract<SourceConfig, { kind: 'mailbox' }>;

export type MailboxFormat = 'mbox' | 'message-file' | 'folder';

/** An mbox starts with a From_ line; anything else that is a file is one message. */
export async function detectMailboxFormat(p: string): Promise<MailboxFormat> {
  let info;
  try {
    info = await stat(p);
  } catch {
    throw new SourceError(`The mailbox path ${p} does not exist or cannot be read. Check the source's "path".`);
  }
  if (info.isDirectory()) return 'folder';
  const handle = await open(p, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    return head.toString('latin1') === 'From ' ? 'mbox' : 'message-file';
  } finally {
    await handle.close();
  }
}

/** Every regular file below `dir`, sorted, skipping hidden files (.DS_Store, Maildir's .lock). */
async function listMessageFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(full);
    }
  };
  await walk(dir);
  return out;
}

export class MailboxSource implements Source {
  constructor(readonly config: MailboxConfig) {}

  async *scan(_subject: PreparedSubject, ctx: ScanContext): AsyncIterable<SourceRecord> {
    const root = this.config.path;
    const format = await detectMailboxFormat(root);
    const files = format === 'folder' ? await listMessageFiles(root) : [root];
    const relative = (f: string) => (format === 'folder' ? path.relative(root, f).split(path.sep).join('/') : path.basename(f));
    let scanned = 0;
    for (const file of files) {
      if (ctx.signal.aborted) return;
      const fileFormat = format === 'folder' ? await detectMailboxFormat(file) : format;
      if (fileFormat === 'mbox') {
        const total = (await stat(file)).size;
        for await (const msg of readMbox(file, ctx.signal, (b) => ctx.onProgress({ scanned, bytesDone: b, bytesTotal: total }))) {
          const rec = await this.toRecord(msg.raw, relative(file), ctx, msg.index, [msg.start, msg.end]);
          scanned++;
          if (rec) yield rec;
        }
      } else {
        const raw = await readFile(file);
        const rec = await this.toRecord(raw, relative(file), ctx);
        scanned++;
        if (scanned % 200 === 0) ctx.onProgress({ scanned });
        if (rec) yield rec;
      }
    }
    ctx.onProgress({ scanned });
  }

  private async toRecord(
    raw: Uint8Array,
    file: string,
    ctx: ScanContext,
    index?: number,
    bytes?: [number, number],
  ): Promise<SourceRecord | null> {
    try {
      const parsed = await parseMessage(raw);
      return {
        location: {
          file,
          ...(index !== undefined ? { index } : {}),
          ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
          ...(bytes ? { bytes } : {}),
        },
        fields: parsed.fields,
        text: parsed.text,
      };
    } catch (err) {
      const where = index !== undefined ? `${file} message #${index + 1}` : file;
      ctx.problem(`${where} could not be decoded (${(err as Error).message}); it was skipped`);
      return null;
    }
  }

  async close(): Promise<void> {}
}
