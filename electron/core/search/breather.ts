/**
 * Gives the event loop a turn at least every SLICE_MS of work on the search thread.
 *
 * Iterating over rows that are already in memory (a page of SQL results, a segment's CSV
 * candidates, messages split from a read buffer) resolves in microtasks, and microtasks never
 * let timers, I/O, progress events or a cancel request through: the bench measured stalls of
 * 0.2 to 0.45 s that way. Loops that can run long call `breathe()` per item; it costs one
 * clock read while the slice lasts. The clock is shared, because every source's loop runs on
 * the same thread: a turn given by one counts for all.
 */
const SLICE_MS = 15;
let since = performance.now();

/** Null while the current slice lasts; otherwise a promise that resolves on the next turn. */
export function breathe(): Promise<void> | null {
  if (performance.now() - since < SLICE_MS) return null;
  return new Promise<void>((resolve) =>
    setImmediate(() => {
      since = performance.now();
      resolve();
    }),
  );
}
