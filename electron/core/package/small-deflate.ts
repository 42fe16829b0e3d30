import type { Worker } from 'node:worker_threads';
import { startAtCallersPriority } from '../search/workers/background-priority';
import { workerStart, type WorkerStart } from '../search/workers/worker-url';
import { DEFLATE_LEVEL } from './deflate-window';

/** Files sent to the worker together (see `SmallDeflates`). */
export interface SmallBatch {
  id: number;
  level: number;
  /** The files' bytes one after another; `sizes` says where each ends. */
  data: ArrayBuffer;
  sizes: number[];
}

export interface SmallBatchDone {
  id: number;
  /** The compressed files one after another, each a complete raw deflate stream. */
  data: ArrayBuffer;
  sizes: number[];
  /** CRC-32 of each file's original bytes, as its ZIP entry records it. */
  crcs: number[];
}

export interface SmallDeflated {
  crc: number;
  data: Buffer;
}

/** A batch holds at most this many files or bytes; a smaller one is sent at the end of the turn that staged it. */
const BATCH_FILES = 64;
const BATCH_BYTES = 1 << 20;
/** Batches at the worker at once: one being compressed, one waiting, so it never idles for this thread. */
const IN_FLIGHT = 2;
/**
 * Files left to the thread pool before the worker is started: starting it costs about 30 ms of
 * CPU and 10 MB, which a package with a few dozen e-mails would not win back (20 e-mails took
 * the pool 3-9 ms in all), while for 5,000 the first few hundred in the pool cost next to nothing.
 */
const POOL_FIRST = 256;

interface Waiting {
  resolve: (done: SmallDeflated | null) => void;
}

/**
 * Compresses a package's small files (e-mails, a few kB each) in one worker thread, a batch of
 * them per message. Handing each of 5,000 e-mails to libuv's thread pool as its own zlib job
 * cost the export's thread 0.15-0.25 s (a zlib stream object, its set-up and its callbacks per
 * e-mail), about what compressing them itself would cost: in a worker the same e-mails take
 * that thread 20-50 ms (a copy into the batch), and the worker compresses each with zlib's
 * one-shot call, which also costs less CPU in all than the pool's jobs did.
 *
 * `deflate` resolves to null for the first `POOL_FIRST` files and whenever the worker is not
 * there (it could not start, it failed, the export was cancelled or this was closed): the
 * caller then compresses the file itself, so the package never depends on the worker. Files queued in a batch are copies, so the caller's
 * buffers (often slices of a shared pool) are never moved away from it.
 */
export class SmallDeflates {
  private worker: Worker | null = null;
  private broken = false;
  private finishing = false;
  private nextId = 0;
  private queued: Array<{ content: Buffer; waiting: Waiting }> = [];
  private queuedBytes = 0;
  private sendScheduled = false;
  private readonly sent = new Map<number, Waiting[]>();
  private readonly onAbort = () => this.close();

  private poolFirst: number;

  constructor(
    private readonly signal?: AbortSignal,
    private readonly start: WorkerStart | null = workerStart('small-deflate-worker', new URL('./small-deflate-worker.ts', import.meta.url)),
    opts: { poolFirst?: number } = {},
  ) {
    this.poolFirst = opts.poolFirst ?? POOL_FIRST;
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  deflate(content: Buffer): Promise<SmallDeflated | null> {
    if (this.poolFirst > 0) {
      this.poolFirst--;
      return Promise.resolve(null);
    }
    if (this.broken || this.finishing || this.signal?.aborted || !this.ensureWorker()) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.queued.push({ content, waiting: { resolve } });
      this.queuedBytes += content.length;
      if (this.queuedBytes >= BATCH_BYTES || this.queued.length >= BATCH_FILES) this.send();
      else if (!this.sendScheduled) {
        // Files staged in this turn go together.
        this.sendScheduled = true;
        setImmediate(() => {
          this.sendScheduled = false;
          this.send();
        });
      }
    });
  }

  /**
   * No more files are coming that are worth a worker: it stops once the files sent to it are
   * compressed, and later files get null. The export calls this after the e-mails, so the worker
   * does not sit idle beside the export's busiest part, holding its memory.
   */
  finish(): void {
    this.finishing = true;
    this.stopIfDone();
  }

  private stopIfDone(): void {
    if (this.finishing && this.queued.length === 0 && this.sent.size === 0) this.close();
  }

  /** Stops the worker. Files still waiting get null (their callers compress them themselves). */
  close(): void {
    this.broken = true;
    this.signal?.removeEventListener('abort', this.onAbort);
    this.failAll();
    void this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): boolean {
    if (this.worker) return true;
    if (!this.start) {
      this.broken = true;
      return false;
    }
    // At the export's own priority: it waits for these files before it writes the ZIP, and holds
    // each until it is compressed; at background priority behind a busy export, the e-mails were
    // held a second longer, into the export's peak. The worker's output is mostly garbage
    // buffers that its collector would only look at after tens of MB; a small young generation
    // has it collect them every megabyte or so (12 MB less at its peak for 5,000 e-mails).
    const worker = startAtCallersPriority(this.start, { resourceLimits: { maxYoungGenerationSizeMb: 1 } });
    worker.on('message', (done: SmallBatchDone) => this.received(done));
    // A worker that fails or exits early leaves its files to their callers.
    const fail = () => {
      this.broken = true;
      this.failAll();
    };
    worker.once('error', fail);
    worker.once('exit', fail);
    worker.unref();
    this.worker = worker;
    return true;
  }

  /**
   * Sends batches while fewer than `IN_FLIGHT` are at the worker. Files wait here, not in
   * messages: a file waiting here is the caller's buffer, which it holds anyway, while one in
   * a message is a copy (with the worker at background priority behind a busy export, all
   * 5,000 e-mails were copies in messages at once, 28 MB).
   */
  private send(): void {
    while (this.worker && !this.broken && this.queued.length > 0 && this.sent.size < IN_FLIGHT) {
      let files = 0;
      let bytes = 0;
      while (files < this.queued.length && files < BATCH_FILES && (files === 0 || bytes + this.queued[files].content.length <= BATCH_BYTES)) {
        bytes += this.queued[files].content.length;
        files++;
      }
      const batch = this.queued.splice(0, files);
      this.queuedBytes -= bytes;
      const data = new ArrayBuffer(bytes);
      const view = new Uint8Array(data);
      let at = 0;
      for (const q of batch) {
        view.set(q.content, at);
        at += q.content.length;
      }
      const id = this.nextId++;
      // Held while answers are due, so the process waits for them; let go when none are.
      if (this.sent.size === 0) this.worker.ref();
      this.sent.set(
        id,
        batch.map((q) => q.waiting),
      );
      const message: SmallBatch = { id, level: DEFLATE_LEVEL, data, sizes: batch.map((q) => q.content.length) };
      this.worker.postMessage(message, [data]);
    }
  }

  private received(done: SmallBatchDone): void {
    const waiting = this.sent.get(done.id);
    if (!waiting) return;
    this.sent.delete(done.id);
    if (this.sent.size === 0) this.worker?.unref();
    const all = Buffer.from(done.data);
    let at = 0;
    waiting.forEach((w, i) => {
      w.resolve({ crc: done.crcs[i], data: all.subarray(at, at + done.sizes[i]) });
      at += done.sizes[i];
    });
    this.send();
    this.stopIfDone();
  }

  private failAll(): void {
    for (const waiting of this.sent.values()) for (const w of waiting) w.resolve(null);
    this.sent.clear();
    for (const q of this.queued) q.waiting.resolve(null);
    this.queued = [];
    this.queuedBytes = 0;
  }
}
