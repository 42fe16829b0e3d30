import { setPriority } from 'node:os';

/** Nice value for scan and decode workers: below normal work, above idle. */
const BACKGROUND_NICE = 10;

/**
 * Lowers the calling worker thread's CPU priority, so that on a busy laptop the search
 * thread (progress, cancel) and everything the user does come first; on 2 cores the workers
 * otherwise take both and the search thread waits to be scheduled. Linux keeps a nice value
 * per thread, so priority 0 ("the caller") means this thread only. Elsewhere it would lower
 * the whole process, so it is left alone there. Never fails the worker.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, BACKGROUND_NICE);
  } catch {
    // Not permitted in this environment: run at normal priority.
  }
}
