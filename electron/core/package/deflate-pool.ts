/**
 * How many deflates the package runs in the thread pool at once, and in what order. Each holds
 * a zlib context of a few hundred kB; two keep both cores busy and leave the rest of the pool
 * (four threads) free for file reads and writes. `urgent` jobs are ones this thread is waiting
 * for (data.xlsx's segments, whose writer pauses until they are done); the rest (e-mails,
 * data.json compressed after it was written) are background work that only has to be done by
 * the time the ZIP is written, so an urgent job goes before every background job still queued.
 */
const PARALLEL = 2;
let running = 0;
const urgentQueue: Array<() => void> = [];
const backgroundQueue: Array<() => void> = [];

export async function inDeflatePool<T>(job: () => Promise<T>, urgent = false): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => (urgent ? urgentQueue : backgroundQueue).push(resolve));
  else running++;
  try {
    return await job();
  } finally {
    const next = urgentQueue.shift() ?? backgroundQueue.shift();
    // The slot passes straight to the next job, so a new caller cannot jump the queue.
    if (next) next();
    else running--;
  }
}
