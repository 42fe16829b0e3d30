import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { WorkerStart } from './worker-url';

/** Nice value for scan and decode workers: below normal work, above idle. */
const BACKGROUND_NICE = 10;

/**
 * Runs first in every worker, before its entry is even loaded. Linux keeps a nice value per
 * thread, so priority 0 ("the caller") lowers this worker thread only; elsewhere it would lower
 * the whole process, so it is left alone there. Not being permitted never fails the worker.
 * It has to come before the entry: loading and compiling a worker bundle (libphonenumber's
 * metadata, postal-mime, pdf.js) costs each worker 0.1–0.2 s of CPU, and at normal priority
 * four workers starting at once kept the search thread off both cores for up to 170 ms.
 */
const PRELUDE = `try { if (process.platform === 'linux') require('node:os').setPriority(0, ${BACKGROUND_NICE}); } catch {}`;

/**
 * Starts a scan or decode worker at background priority, so on a busy laptop the search
 * thread (progress, cancel) and everything the user does come first; on 2 cores the workers
 * otherwise take both and the search thread waits to be scheduled. `execArgv: []` keeps the
 * parent's `--import tsx` (CLI, tests, bench) out of the worker: the bundle needs no loader,
 * and loading tsx cost each worker a second or more.
 */
export function startInBackground(start: WorkerStart, options: Omit<WorkerOptions, 'eval' | 'execArgv'> = {}): Worker {
  return new Worker(`${PRELUDE}\n${entryOf(start)}`, { ...options, eval: true, execArgv: [] });
}

/**
 * Starts a worker at the caller's priority, for work the caller will wait for and whose input
 * it holds until then (package/small-deflate.ts, package/xlsx-aside.ts). Same `execArgv: []` as above.
 */
export function startAtCallersPriority(start: WorkerStart, options: Omit<WorkerOptions, 'eval' | 'execArgv'> = {}): Worker {
  return new Worker(entryOf(start), { ...options, eval: true, execArgv: [] });
}

function entryOf(start: WorkerStart): string {
  return start.eval ? start.code : `import(${JSON.stringify(pathToFileURL(start.file).href)});`;
}
