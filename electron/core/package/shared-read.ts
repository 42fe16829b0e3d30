import type { IncludedHit, PlannedHit } from './included';

/** The included hits of one table (or mailbox), a batch at a time. */
export type ReadBatches = (hits: readonly PlannedHit[]) => AsyncIterable<readonly IncludedHit[]>;

/** Hits per batch: one wait per batch, not per hit. */
const BATCH = 512;
/** How many batches the reader in front may hold before it waits for the others. */
const AHEAD = 2;

interface TableRead {
  hits: Iterator<IncludedHit>;
  /** Batches read and not yet taken by every reader; `first` is the number of batch 0 here. */
  batches: Array<{ hits: IncludedHit[]; left: number }>;
  first: number;
  done: boolean;
  finished: number;
  waiting: Array<() => void>;
}

/**
 * Lets the writers of data.json and data.xlsx, which run side by side and go through the same
 * tables in the same order, share one read of each hit: reading a stored case's hits again
 * (SQLite and JSON.parse) cost as much as writing them. A batch is kept until every reader
 * has taken it, and the reader in front waits when it is `AHEAD` batches ahead, so memory stays
 * at a few batches. `fail` wakes a waiting reader when another has stopped with an error.
 */
export function sharedReads(read: (hits: readonly PlannedHit[]) => Iterable<IncludedHit>, readers: number): { read: ReadBatches; fail(err: unknown): void } {
  const tables = new Map<readonly PlannedHit[], TableRead>();
  let failure: { err: unknown } | null = null;

  const wake = (t: TableRead) => {
    for (const w of t.waiting.splice(0)) w();
  };

  async function* batches(hits: readonly PlannedHit[]): AsyncGenerator<readonly IncludedHit[]> {
    let t = tables.get(hits);
    if (!t) tables.set(hits, (t = { hits: read(hits)[Symbol.iterator](), batches: [], first: 0, done: false, finished: 0, waiting: [] }));
    try {
      for (let k = 0; ; k++) {
        while (k >= t.first + t.batches.length) {
          if (failure) throw failure.err;
          if (t.done) return;
          if (t.batches.length >= AHEAD) {
            await new Promise<void>((resolve) => t.waiting.push(resolve));
            continue;
          }
          const batch: IncludedHit[] = [];
          while (batch.length < BATCH) {
            const next = t.hits.next();
            if (next.done) break;
            batch.push(next.value);
          }
          if (batch.length === 0) t.done = true;
          else t.batches.push({ hits: batch, left: readers });
        }
        yield t.batches[k - t.first].hits;
        t.batches[k - t.first].left--;
        let dropped = false;
        while (t.batches.length > 0 && t.batches[0].left === 0) {
          t.batches.shift();
          t.first++;
          dropped = true;
        }
        if (dropped) wake(t);
      }
    } finally {
      if (++t.finished === readers) tables.delete(hits);
    }
  }

  return {
    read: batches,
    fail(err) {
      failure ??= { err };
      for (const t of tables.values()) wake(t);
    },
  };
}
