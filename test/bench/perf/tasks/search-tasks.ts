import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runSearch } from '../../../../electron/core/search/run-search';
import { workerStart } from '../../../../electron/core/search/workers/worker-url';
import type { SourceConfig } from '../../../../shared/workspace';
import type { TaskReport } from '../measure';
import { benchSubject } from '../data/subject';
import { hitDigest } from './digest';

/**
 * Our side of every search comparison: the real runSearch, as the app and CLI call it. The
 * event-loop monitor watches the search thread: in the app that is the core's utility process,
 * which the window's own threads (Electron main, renderer) never wait on; it is measured as the
 * stricter stand-in because a stall there still freezes progress and delays a cancel.
 */
export async function searchTask(args: { sources: SourceConfig[] }): Promise<TaskReport> {
  // Run from TypeScript, the workers are bundled on first use (worker-url.ts); the app ships
  // them prebuilt. Bundle before the clock starts, so time and stalls are the search's own.
  workerStart('csv-scan-worker');
  workerStart('mail-parse-worker');
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  const result = await runSearch({ sources: args.sources, subject: benchSubject });
  const ms = performance.now() - started;
  delay.disable();
  const failed = result.sources.filter((s) => s.status === 'error');
  if (failed.length > 0) throw new Error(`source(s) failed: ${failed.map((s) => `${s.id}: ${s.error ?? ''}`).join('; ')}`);
  const detail: Record<string, number | string> = {};
  for (const s of result.sources) {
    detail[`${s.id}.scanned`] = s.scanned;
    detail[`${s.id}.ms`] = s.ms;
  }
  return {
    ms,
    hits: result.hits.length,
    digest: hitDigest(result.hits),
    maxEventLoopDelayMs: delay.max / 1e6,
    detail,
  };
}
