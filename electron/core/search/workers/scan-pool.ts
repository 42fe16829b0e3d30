import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { scanCsvRange, type CsvScanJob, type CsvScanResult } from '../prefilter/csv-scan';
import { startInBackground } from './background-priority';
import { workerStart } from './worker-url';

/**
 * A few worker threads that run CSV range scans, so the scan of a large export uses every
 * core and the thread that answers the UI never runs a long loop. One pool serves one file.
 * If workers cannot be started (an unusual packaging), jobs run in-process: slower and
 * blocking, but with identical results.
 */
export class ScanPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;

  constructor(size = defaultPoolSize()) {
    const start = workerStart('csv-scan-worker');
    if (!start) return;
    for (let i = 0; i < size; i++) {
      // A scan holds a few blocks at a time; a small heap makes V8 collect early instead of growing RSS.
      const resourceLimits = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };
      const w = startInBackground(start, { resourceLimits });
      w.on('message', (msg: Reply & { id: number }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        this.release(w);
        if (!p) return;
        if (msg.error === undefined) p.resolve(msg);
        else p.reject(new Error(msg.error));
      });
      w.on('error', (err) => {
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  get parallel(): number {
    return Math.max(1, this.workers.length);
  }

  async run(job: CsvScanJob): Promise<CsvScanResult> {
    if (this.workers.length === 0) return scanCsvRange(job);
    const reply = await this.send({ job });
    if (!reply.result) throw new Error('scan worker sent no result');
    return reply.result;
  }

  private async send(msg: { job: CsvScanJob }): Promise<Reply> {
    const w = await this.acquire();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, ...msg });
    });
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    return new Promise((resolve) => this.waiting.push(() => resolve(this.idle.pop()!)));
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.waiting.shift()?.();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

interface Reply {
  result?: CsvScanResult;
  error?: string;
}

/** Both cores of a laptop, but never more than four threads for one file. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}
