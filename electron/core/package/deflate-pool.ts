/**
 * How many deflates the package hands the thread pool at once, and in what order. A job is
 * started from this thread, so while it is busy (laying out the letter, making rows) a job that
 * finishes cannot start the next: enough must be queued in the pool to keep it working.
 *
 * - Large jobs (1 MB segments of data.json and the sheets, large files) each hold a zlib context
 *   and a megabyte of input: two at a time keep both cores busy. `urgent` ones are those this
 *   thread is waiting for (the sheets' segments, whose writer pauses until they are done); they
 *   go before background work (data.json), which only has to be done by the time the ZIP is
 *   written.
 * - Small jobs (e-mails) take a fraction of a millisecond each, so two at a time left the pool
 *   mostly waiting for this thread: a thousand e-mails were still queued when the spreadsheet
 *   was done. Up to sixteen are queued at once (a few MB of zlib contexts).
 */
const LARGE = 2;
const SMALL = 16;
/** Inputs below this many bytes are small jobs. */
export const SMALL_JOB = 256 << 10;

class Slots {
  private running = 0;
  private readonly urgentQueue: Array<() => void> = [];
  private readonly backgroundQueue: Array<() => void> = [];
  constructor(private readonly size: number) {}

  async run<T>(job: () => Promise<T>, urgent: boolean): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => (urgent ? this.urgentQueue : this.backgroundQueue).push(resolve));
    else this.running++;
    try {
      return await job();
    } finally {
      const next = this.urgentQueue.shift() ?? this.backgroundQueue.shift();
      // The slot passes straight to the next job, so a new caller cannot jump the queue.
      if (next) next();
      else this.running--;
    }
  }
}

const large = new Slots(LARGE);
const small = new Slots(SMALL);

export function inDeflatePool<T>(job: () => Promise<T>, opts: { urgent?: boolean; small?: boolean } = {}): Promise<T> {
  return (opts.small ? small : large).run(job, opts.urgent ?? false);
}
