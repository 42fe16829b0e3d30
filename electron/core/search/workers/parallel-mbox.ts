import { stat } from 'node:fs/promises';
import type { Subject } from '../../../../shared/subject';
import { mailLimits } from '../../sources/mail/mail-limits';
import { readMbox } from '../../sources/mail/mbox-reader';
import type { AliasPair } from '../../sources/mail/aliases';
import type { ScanContext, SourceRecord } from '../../sources/source';
import { breathe } from '../breather';
import type { MailBatch, MailBatchReply } from './mail-batch';
import { WorkerPool } from './worker-pool';

export interface ParallelMboxInput {
  file: string;
  /** The name the mailbox source cites the file by. */
  rel: string;
  subject: Subject;
  ctx: ScanContext;
  /** The mailbox source's alias collector (given what aliasPairs found) and progress counter. */
  onAliases: (pairs: AliasPair[]) => void;
  onMessage: (bytes: { bytesDone: number; bytesTotal: number }) => void;
}

const BATCH_MESSAGES = 64;
/**
 * Replies are taken in mailbox order, so a worker whose batch is slow (PDF attachments) holds
 * up the queue; with four batches per worker in flight the other one keeps working meanwhile
 * (two left it idle for about a tenth of the search).
 */
const IN_FLIGHT_PER_WORKER = 4;
const BATCH_BYTES = 4 << 20;
/** Below `minBytes` a mailbox is decoded in-process; tests lower it to exercise the workers. */
export const mboxWorkerTuning = { minBytes: 8 << 20 };

/**
 * The mbox part of a mailbox search with the decoding spread over worker threads. The
 * search thread only splits the file into messages (mbox-reader, as before) and hands them
 * out in batches; each worker decodes its batch exactly as the mailbox source would and keeps
 * only the records the matcher could accept. Results are taken back in mailbox order, so
 * problems, alias suggestions and records come out as on the simple path. At most four
 * batches per worker are in flight: a fast reader cannot run ahead of the decoding and fill
 * memory. Returns false (having yielded nothing) for a small mailbox or when no worker could
 * be started; the caller then decodes in-process.
 */
export async function* scanMboxInWorkers(input: ParallelMboxInput): AsyncGenerator<SourceRecord, boolean> {
  const total = (await stat(input.file)).size;
  // Starting workers costs more than it saves on a small mailbox.
  if (total < mboxWorkerTuning.minBytes) return false;
  const pool = WorkerPool.open<MailBatch, MailBatchReply>('mail-parse-worker');
  if (!pool) return false;
  const { ctx } = input;
  const inFlight: Array<{ bytesDone: number; reply: Promise<MailBatchReply>; count: number }> = [];
  let items: MailBatch['items'] = [];
  let size = 0;
  let bytesDone = 0;
  const send = () => {
    const batch = items;
    const transfer = batch.map((i) => i.raw.buffer as ArrayBuffer).filter((b, i, all) => all.indexOf(b) === i);
    inFlight.push({ bytesDone, count: batch.length, reply: pool.request((id) => ({ id, subject: input.subject, items: batch }), ownsWhole(batch) ? transfer : []) });
    items = [];
    size = 0;
  };
  async function* drain(keep: number): AsyncGenerator<SourceRecord> {
    while (inFlight.length > keep) {
      const flight = inFlight.shift()!;
      const reply = await flight.reply;
      for (const r of reply.results ?? []) {
        if (r) {
          for (const p of r.problems) ctx.problem(p);
          if (r.aliases.length > 0) input.onAliases(r.aliases);
        }
        input.onMessage({ bytesDone: flight.bytesDone, bytesTotal: total });
        if (r?.record) yield r.record;
      }
    }
  }
  try {
    for await (const msg of readMbox(input.file, ctx.signal, (b) => (bytesDone = b))) {
      // Splitting a read buffer into messages yields in microtasks only; let the loop run.
      const pause = breathe();
      if (pause) await pause;
      const where = `${input.rel} message #${msg.index + 1}`;
      if (msg.truncated) ctx.problem(`${where} is larger than ${mailLimits.maxMessageBytes} bytes; only its beginning was searched`);
      items.push({ raw: msg.raw, location: { file: input.rel, index: msg.index, bytes: [msg.start, msg.end] }, where });
      size += msg.raw.length;
      if (items.length >= BATCH_MESSAGES || size >= BATCH_BYTES) {
        send();
        yield* drain(pool.size * IN_FLIGHT_PER_WORKER);
      }
    }
    if (items.length > 0) send();
    yield* drain(0);
    return true;
  } finally {
    await pool.close();
  }
}

/** Transfer (not copy) the messages' memory when each message owns its whole buffer. */
function ownsWhole(batch: MailBatch['items']): boolean {
  return batch.every((i) => i.raw.byteOffset === 0 && i.raw.byteLength === i.raw.buffer.byteLength);
}
