import type { Worker } from 'node:worker_threads';
import { startAtCallersPriority } from '../search/workers/background-priority';
import { workerStart, type WorkerStart } from '../search/workers/worker-url';
import type { EntryMode } from './entry-stream';
import type { Digest, StagedEntry, Staging } from './staging';
import { writeXlsx } from './xlsx';
import { sheetSteps, type SheetStep, type XlsxInput } from './xlsx-rows';
import type { Packed } from './zip-writer';

/** What the spreadsheet's worker is started with: the staged file to write and how (entry-stream.ts). */
export interface SheetWorkerData {
  file: string;
  mode: EntryMode;
}

export type ToSheetWorker = { t: 'step'; step: SheetStep } | { t: 'end' } | { t: 'abort' };

export type FromSheetWorker =
  /** One step is built: another may be sent. */
  | { t: 'ack' }
  | { t: 'done'; digest: Digest; packed?: Packed }
  | { t: 'failed'; message: string; code?: string }
  /** After an abort: the file is closed and may be removed. */
  | { t: 'closed' };

/**
 * Spreadsheets of fewer rows than this are built on the export's thread: starting a worker
 * costs about 30 ms of CPU and 10 MB, more than building a few thousand rows.
 */
const WORKER_FROM = 2_000;
/** Steps sent and not yet built: the worker always has the next batch, and few batches are copies at once. */
const IN_FLIGHT = 4;
/** How long an aborted worker gets to close its file before it is stopped anyway. */
const CLOSE_WAIT_MS = 5_000;

/**
 * Stages data.xlsx, built in a worker thread when it is large. The export's thread still reads
 * each hit once for data.json and the spreadsheet together (shared-read.ts) and looks up the
 * sheet's values (xlsx-rows.ts); the worker turns them into cells, encodes and compresses the
 * sheets, and hashes the file. Making the cells took that thread about a second for 200,000
 * rows while the other core was mostly idle; copying a batch's values into a message costs it
 * about a tenth of that. Where no worker can be started, the same builder runs here.
 *
 * A worker that fails part-way fails the export: the rows it was given cannot be read again.
 */
export function stageSpreadsheet(
  staged: Staging,
  name: string,
  input: XlsxInput,
  rows: number,
  opts: { workerFrom?: number; start?: WorkerStart | null } = {},
): Promise<StagedEntry> {
  const start = rows < (opts.workerFrom ?? WORKER_FROM) ? null : opts.start === undefined ? workerStart('xlsx-worker', new URL('./xlsx-worker.ts', import.meta.url)) : opts.start;
  if (!start) return staged.stream(name, (sink) => writeXlsx(input, sink));
  return staged.elsewhere(name, (file, mode) => writeInWorker(start, { file, mode }, input));
}

async function writeInWorker(start: WorkerStart, data: SheetWorkerData, input: XlsxInput): Promise<{ digest: Digest; packed?: Packed }> {
  const channel = new SheetChannel(startAtCallersPriority(start, { workerData: data }), input.signal);
  try {
    for await (const step of sheetSteps(input)) await channel.send(step);
    return await channel.end();
  } catch (err) {
    await channel.close();
    throw err;
  } finally {
    channel.stop();
  }
}

/** The export's side of the conversation with the spreadsheet's worker (xlsx-worker.ts). */
class SheetChannel {
  private inFlight = 0;
  private failure: { err: unknown } | null = null;
  private result: Extract<FromSheetWorker, { t: 'done' }> | null = null;
  private closed = false;
  private exited = false;
  private waiting: Array<() => void> = [];
  private readonly onAbort = () => this.fail(this.signal!.reason);

  constructor(
    private readonly worker: Worker,
    private readonly signal?: AbortSignal,
  ) {
    worker.on('message', (m: FromSheetWorker) => {
      if (m.t === 'ack') this.inFlight--;
      else if (m.t === 'done') this.result = m;
      else if (m.t === 'closed') this.closed = true;
      else this.fail(Object.assign(new Error(`The spreadsheet could not be written: ${m.message}`), m.code ? { code: m.code } : {}));
      this.wake();
    });
    worker.once('error', (err) => this.fail(err));
    worker.once('exit', (code) => {
      this.exited = true;
      if (!this.result) this.fail(new Error(`The spreadsheet's worker stopped before the file was written (exit code ${code}).`));
      this.wake();
    });
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Sends a step; waits while `IN_FLIGHT` are not yet built. */
  async send(step: SheetStep): Promise<void> {
    this.check();
    this.post({ t: 'step', step });
    this.inFlight++;
    await this.until(() => this.inFlight < IN_FLIGHT);
  }

  /** Asks for the workbook's end; resolves with the staged file's digest once it is written. */
  async end(): Promise<{ digest: Digest; packed?: Packed }> {
    this.check();
    this.post({ t: 'end' });
    await this.until(() => this.result !== null);
    const { digest, packed } = this.result!;
    return packed ? { digest, packed } : { digest };
  }

  /** After a failure: lets the worker close its file, so the staging folder can be removed (Windows). */
  async close(): Promise<void> {
    if (this.exited) return;
    this.post({ t: 'abort' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.until(() => this.closed || this.exited, false), new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  stop(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    void this.worker.terminate();
  }

  private post(m: ToSheetWorker): void {
    this.worker.postMessage(m);
  }

  private fail(err: unknown): void {
    this.failure ??= { err };
    this.wake();
  }

  private check(): void {
    if (this.failure) throw this.failure.err;
  }

  /** Waits for `ready`; throws as soon as something failed, unless it is waiting out a failure (close()). */
  private async until(ready: () => boolean, failFast = true): Promise<void> {
    while (!ready()) {
      if (failFast) this.check();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (failFast) this.check();
  }

  private wake(): void {
    for (const w of this.waiting.splice(0)) w();
  }
}
