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
  /** Why reading the hits failed; every reader of the table gets it, not only the one that read. */
  error: { err: unknown } | null;
  /** Readers still going through the table; one that stops early no longer holds batches back. */
  readers: number;
  waiting: Array<() => void>;
}

/**
 * Lets the writers of data.json and data.xlsx, which run side by side and go through the same
 * tables in the same order, share one read of each hit: reading a stored case's hits again
 * (SQLite and JSON.parse) cost as much as writing them. A batch is kept until every reader
 * has taken it, and the reader in front waits when it is `AHEAD` batches ahead, so memory stays
 * at a few batches. `fail` wakes a waiting reader when another has stopped with an error.
 * Every reader must ask for the same tables in the same order (both writers go through the
 * groups' tables and mailboxes in plan order); one that stops inside a table lets the others on.
 */
export function sharedReads(read: (hits: readonly PlannedHit[]) => Iterable<IncludedHit>, readers: number): { read: ReadBatches; fail(err: unknown): void } {
  const tables = new Map<readonly PlannedHit[], TableRead>();
  let failure: { err: unknown } | null = null;

  const wake = (t: TableRead) => {
    for (const w of t.waiting.splice(0)) w();
  };

  async function* batches(hits: readonly PlannedHit[]): AsyncGenerator<readonly IncludedHit[]> {
    let t = tables.get(hits);
    if (!t) tables.set(hits, (t = { hits: read(hits)[Symbol.iterator](), batches: [], first: 0, done: false, error: null, readers, waiting: [] }));
    let k = 0;
    try {
      for (; ; k++) {
        while (k >= t.first + t.batches.length) {
          if (failure) throw failure.err;
          if (t.error) throw t.error.err;
          if (t.done) return;
          if (t.batches.length >= AHEAD) {
            await new Promise<void>((resolve) => t.waiting.push(resolve));
            continue;
          }
          const batch: IncludedHit[] = [];
          try {
            while (batch.length < BATCH) {
              const next = t.hits.next();
              if (next.done) break;
              batch.push(next.value);
            }
          } catch (err) {
            t.error = { err };
            wake(t);
            throw err;
          }
          if (batch.length === 0) t.done = true;
          else t.batches.push({ hits: batch, left: t.readers });
        }
        yield t.batches[k - t.first].hits;
        t.batches[k - t.first].left--;
        release(t);
      }
    } finally {
      // Done with the table, or stopped inside it (then batch k was handed out but not taken
      // back): the batches from k on are no longer kept for this reader.
      for (let i = k - t.first; i < t.batches.length; i++) t.batches[i].left--;
      t.readers--;
      release(t);
      wake(t);
      if (t.readers === 0) tables.delete(hits);
    }
  }

  /** Drops the batches every reader has taken, and lets a reader that waited for that go on. */
  function release(t: TableRead): void {
    let dropped = false;
    while (t.batches.length > 0 && t.batches[0].left <= 0) {
      t.batches.shift();
      t.first++;
      dropped = true;
    }
    if (dropped) wake(t);
  }

  return {
    read: batches,
    fail(err) {
      failure ??= { err };
      for (const t of tables.values()) wake(t);
    },
  };
}
