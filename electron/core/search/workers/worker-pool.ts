import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startInBackground } from './background-priority';
import { workerStart } from './worker-url';

/**
 * A fixed set of worker threads running one entry file, answering `{ id, ... }` messages
 * with `{ id, ... }` replies. Callers keep their own back-pressure (how many requests they
 * have in flight); the pool only queues a request until a worker is free.
 */
export class WorkerPool<Req extends { id: number }, Rep extends { id: number; error?: string }> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ req: Req; transfer: ArrayBuffer[] }> = [];
  private readonly pending = new Map<number, { resolve: (r: Rep) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  /** Null when the worker entry cannot be found (callers then work in-process). */
  static open<Req extends { id: number }, Rep extends { id: number; error?: string }>(name: string, size = defaultPoolSize()): WorkerPool<Req, Rep> | null {
    const start = workerStart(name);
    if (!start) return null;
    const pool = new WorkerPool<Req, Rep>();
    for (let i = 0; i < size; i++) {
      const w = startInBackground(start);
      w.on('message', (rep: Rep) => {
        const p = pool.pending.get(rep.id);
        pool.pending.delete(rep.id);
        pool.idle.push(w);
        pool.pump();
        if (!p) return;
        if (rep.error === undefined) p.resolve(rep);
        else p.reject(new Error(rep.error));
      });
      w.on('error', (err) => {
        for (const p of pool.pending.values()) p.reject(err);
        pool.pending.clear();
      });
      pool.workers.push(w);
      pool.idle.push(w);
    }
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  request(make: (id: number) => Req, transfer: ArrayBuffer[] = []): Promise<Rep> {
    const req = make(this.nextId++);
    const reply = new Promise<Rep>((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.queue.push({ req, transfer });
      this.pump();
    });
    // A cancelled search stops awaiting its requests and closes the pool, which rejects them:
    // an abandoned request must not become an unhandled rejection, which ends the process.
    // Callers that still await the reply get the rejection as before.
    reply.catch(() => undefined);
    return reply;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop()!;
      const { req, transfer } = this.queue.shift()!;
      w.postMessage(req, transfer);
    }
  }

  async close(): Promise<void> {
    for (const p of this.pending.values()) p.reject(new Error('the search was stopped'));
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Both cores of a laptop, but never more than four threads for one source. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}
