import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MailLocation } from '../../../../shared/hit';
import type { SourceConfig } from '../../../../shared/workspace';
import type { PreparedSubject } from '../../match/prepare';
import type { ScanContext, Source, SourceRecord } from '../source';
import { AliasCollector, type AliasPair } from './aliases';
import { detectFileFormat, detectMailboxFormat, type MailFileFormat } from './detect-format';
import { mailLimits } from './mail-limits';
import { toSourceRecord } from './mail-record';
import { readMbox } from './mbox-reader';
import { listMailFiles } from './message-files';
import { msgToEml } from './msg-file';
import { parseMessage } from './parse-message';
import type { Subject } from '../../../../shared/subject';
import { fastPathsEnabled } from '../../search/prefilter/fast-path-switch';
import { scanMboxInWorkers } from '../../search/workers/parallel-mbox';
import { decodeLight } from '../../search/prefilter/mail-light-decode';
import { openPst, pstItemToEml, walkPst, type PstEntry } from './pst-file';

type MailboxConfig = Extract<SourceConfig, { kind: 'mailbox' }>;

/** Counts messages and reports progress now and then, not once per message. */
class Progress {
  scanned = 0;
  constructor(private readonly ctx: ScanContext) {}
  tick(bytes?: { bytesDone: number; bytesTotal: number }): void {
    this.scanned++;
    if (this.scanned % 200 === 0) this.ctx.onProgress({ scanned: this.scanned, ...bytes });
  }
}

/**
 * Passes problems on, but only the first `max` of them: a damaged mbox of a million
 * messages must not become a million-line report (or a million strings in memory).
 */
class ProblemLog {
  private count = 0;
  constructor(
    private readonly ctx: ScanContext,
    private readonly max = 500,
  ) {}
  report = (message: string): void => {
    if (++this.count <= this.max) this.ctx.problem(message);
  };
  finish(): void {
    if (this.count > this.max) this.ctx.problem(`${this.count - this.max} more problems like the ones above were not listed`);
  }
}

/**
 * The `mailbox` kind: an mbox file, a Maildir, any folder tree of message files (.eml or
 * none, as in the Enron corpus), an Outlook .msg file, or a .pst/.ost file. Every message
 * is parsed once and yielded as one record; a message that cannot be decoded is reported
 * as a problem with its location and the scan goes on.
 */
export class MailboxSource implements Source {
  private searchSubject: Subject | null = null;
  /** Set for a search on the fast path: messages are decoded by decodeLight where it can. */
  private lightSubject: PreparedSubject | null = null;

  constructor(readonly config: MailboxConfig) {}

  async *scan(subject: PreparedSubject, outer: ScanContext): AsyncIterable<SourceRecord> {
    // Only a search (which sets a prefilter) may skip records, and so use the worker path.
    this.searchSubject = outer.prefilter ? subject.subject : null;
    this.lightSubject = outer.prefilter && fastPathsEnabled() ? subject : null;
    const problems = new ProblemLog(outer);
    const ctx: ScanContext = { ...outer, problem: problems.report };
    const root = this.config.path;
    const format = await detectMailboxFormat(root);
    const aliases = new AliasCollector(subject);
    const progress = new Progress(ctx);
    if (format === 'folder') {
      for await (const file of listMailFiles(root, ctx.problem)) {
        if (ctx.signal.aborted) return;
        const rel = path.relative(root, file).split(path.sep).join('/');
        let fileFormat: MailFileFormat;
        try {
          fileFormat = await detectFileFormat(file);
        } catch (err) {
          ctx.problem(`${rel} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); it was skipped`);
          continue;
        }
        try {
          yield* this.scanFile(file, rel, fileFormat, ctx, aliases, progress);
        } catch (err) {
          // One unreadable file in a tree (permissions, a disk error) must not end the mailbox.
          if (ctx.signal.aborted) throw err;
          ctx.problem(`${rel} could not be read to the end (${describeError(err)}); the rest of the mailbox was searched`);
        }
      }
    } else {
      yield* this.scanFile(root, path.basename(root), format, ctx, aliases, progress);
    }
    problems.finish();
    ctx.onProgress({ scanned: progress.scanned });
    for (const s of aliases.suggestions()) ctx.suggest?.(s);
  }

  private async *scanFile(
    file: string,
    rel: string,
    format: MailFileFormat,
    ctx: ScanContext,
    aliases: AliasCollector,
    progress: Progress,
  ): AsyncIterable<SourceRecord> {
    const decode = async (raw: Uint8Array, location: MailLocation, where: string) => {
      if (this.lightSubject) {
        // As in the mbox workers: a message of plain structure is decoded without the full
        // parser, with the same problems and alias input, and a record only if it may match
        // (a record the matcher rejects is not yielded; the search would drop it anyway).
        const light = await decodeLight(raw, this.lightSubject).catch(() => null);
        if (light) {
          for (const p of light.problems) ctx.problem(`${where}: ${p}`);
          aliases.add({ ...light, attached: [] });
          return light.mail ? toSourceRecord(light.mail, { ...location, ...(light.mail.messageId ? { messageId: light.mail.messageId } : {}) }) : null;
        }
      }
      try {
        const mail = await parseMessage(raw);
        for (const p of mail.problems) ctx.problem(`${where}: ${p}`);
        aliases.add(mail);
        return toSourceRecord(mail, { ...location, ...(mail.messageId ? { messageId: mail.messageId } : {}) });
      } catch (err) {
        ctx.problem(`${where} could not be decoded (${(err as Error).message}); it was skipped`);
        return null;
      }
    };
    switch (format) {
      case 'not-mail':
        ctx.problem(`${rel} is not a mail message, mbox, .msg or .pst file; it was skipped`);
        return;
      case 'mbox': {
        if (this.searchSubject && fastPathsEnabled()) {
          // Decoding spread over worker threads (search/workers); false: small file or no workers.
          const onAliases = (pairs: AliasPair[]) => aliases.addPairs(pairs);
          const onMessage = (bytes: { bytesDone: number; bytesTotal: number }) => progress.tick(bytes);
          if (yield* scanMboxInWorkers({ file, rel, subject: this.searchSubject, ctx, onAliases, onMessage })) return;
        }
        const total = (await stat(file)).size;
        let bytesDone = 0;
        for await (const msg of readMbox(file, ctx.signal, (b) => (bytesDone = b))) {
          const where = `${rel} message #${msg.index + 1}`;
          if (msg.truncated) ctx.problem(`${where} is larger than ${mailLimits.maxMessageBytes} bytes; only its beginning was searched`);
          const rec = await decode(msg.raw, { file: rel, index: msg.index, bytes: [msg.start, msg.end] }, where);
          progress.tick({ bytesDone, bytesTotal: total });
          if (rec) yield rec;
        }
        return;
      }
      case 'pst':
        yield* this.scanPst(file, rel, ctx, decode, progress);
        return;
      case 'msg':
      case 'message-file': {
        let raw: Uint8Array;
        try {
          raw = format === 'msg' ? await msgToEml(await readMsgFile(file)) : await readHead(file, rel, ctx);
        } catch (err) {
          ctx.problem(`${rel} could not be read (${(err as Error).message}); it was skipped`);
          return;
        }
        const rec = await decode(raw, { file: rel }, rel);
        progress.tick();
        if (rec) yield rec;
        return;
      }
    }
  }

  private async *scanPst(
    file: string,
    rel: string,
    ctx: ScanContext,
    decode: (raw: Uint8Array, location: MailLocation, where: string) => Promise<SourceRecord | null>,
    progress: Progress,
  ): AsyncIterable<SourceRecord> {
    let pst;
    try {
      pst = openPst(file);
    } catch (err) {
      ctx.problem(`${rel} could not be opened as a PST/OST file (${(err as Error).message}); it was skipped`);
      return;
    }
    const walk = walkPst(pst, ctx.signal);
    let items = 0;
    try {
      for (;;) {
        let next: IteratorResult<PstEntry>;
        try {
          next = walk.next();
        } catch (err) {
          // pst-extractor gives up on a damaged index; what was read so far still counts.
          ctx.problem(`${rel} is damaged after ${items} items (${describeError(err)}); the rest of it could not be read`);
          return;
        }
        if (next.done) return;
        const entry = next.value;
        items++;
        const where = `${rel} folder "${entry.folder}" item #${entry.index + 1}`;
        let raw: Buffer;
        try {
          const converted = await pstItemToEml(entry.message);
          for (const o of converted.omissions) ctx.problem(`${where}: ${o}`);
          raw = converted.eml;
        } catch (err) {
          ctx.problem(`${where} could not be read (${(err as Error).message}); it was skipped`);
          continue;
        }
        const rec = await decode(raw, { file: rel, folder: entry.folder, index: entry.index }, where);
        progress.tick();
        if (rec) yield rec;
      }
    } finally {
      pst.close();
    }
  }

  async close(): Promise<void> {}
}

/** An error code or first line, never a stack trace. */
function describeError(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String((err as Error).message ?? err).split('\n')[0];
}

async function readMsgFile(file: string): Promise<Buffer> {
  if ((await stat(file)).size > mailLimits.maxMsgFileBytes) throw new Error(`larger than ${mailLimits.maxMsgFileBytes / 1024 / 1024} MiB, not read`);
  return readFile(file);
}

/** A message file, but never more than the size limit of it: a 4 GB "message" is not read whole. */
async function readHead(file: string, rel: string, ctx: ScanContext): Promise<Buffer> {
  const size = (await stat(file)).size;
  if (size <= mailLimits.maxMessageBytes) return readFile(file);
  ctx.problem(`${rel} is larger than ${mailLimits.maxMessageBytes} bytes; only its beginning was searched`);
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(mailLimits.maxMessageBytes);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
