import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runSearch } from '../../../../electron/core/search/run-search';
import type { SourceConfig } from '../../../../shared/workspace';
import type { TaskReport } from '../measure';
import { benchSubject } from '../data/subject';
import { hitDigest } from './digest';

/**
 * Our side of every search comparison: the real runSearch, as the app and CLI call it. The
 * event-loop monitor stands in for the UI thread: in the app this loop is the main process.
 */
export async function searchTask(args: { sources: SourceConfig[] }): Promise<TaskReport> {
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
