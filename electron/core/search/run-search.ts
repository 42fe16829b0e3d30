import type { Hit, SourceResult } from '../../../shared/hit';
import type { Reason } from '../../../shared/reason';
import { reasonsIn } from '../../../shared/reason-text';
import type { SearchProgress, SearchResult } from '../../../shared/search';
import type { Subject } from '../../../shared/subject';
import type { SourceConfig } from '../../../shared/workspace';
import { holdsOtherPeople, matchRecord } from '../match/match-record';
import { prefilterTerms } from '../match/prefilter';
import { prepareSubject, type PreparedSubject } from '../match/prepare';
import { openSource } from '../sources/open-source';
import { SourceError, type RelatedRecord, type ScanContext, type SourceRecord, type Suggestion } from '../sources/source';
import { breathe } from './breather';
import { hitId } from './hit-id';

export interface SearchOptions {
  sources: readonly SourceConfig[];
  subject: Subject;
  signal?: AbortSignal;
  onProgress?: (progress: Omit<SearchProgress, 'runId'>) => void;
  /**
   * The app's stored server passwords (OS keychain), asked per source only when the source
   * connects. The CLI leaves this out and uses the workspace's `passwordEnv` instead.
   */
  passwords?: (sourceId: string) => Promise<string | null>;
}

const confidenceOrder = { high: 0, medium: 1, low: 2 } as const;

/**
 * Searches every source at once. A source that fails is reported with status "error" and
 * the others still finish: nothing is silently dropped, and the caller decides (exit code 3,
 * refusing to export) what an incomplete result means.
 */
export async function runSearch(options: SearchOptions): Promise<SearchResult> {
  const subject = prepareSubject(options.subject);
  const signal = options.signal ?? new AbortController().signal;
  const outcomes = await Promise.all(
    options.sources.map((config) => searchOneSource(config, subject, signal, options.onProgress, options.passwords)),
  );
  const hits = outcomes.flatMap((o) => o.hits);
  const suggestions = outcomes.flatMap((o) => o.suggestions);
  hits.sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      confidenceOrder[a.confidence] - confidenceOrder[b.confidence] ||
      b.score - a.score,
  );
  return {
    subject: options.subject,
    sources: outcomes.map((o) => o.result),
    hits,
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

async function searchOneSource(
  config: SourceConfig,
  subject: PreparedSubject,
  signal: AbortSignal,
  onProgress: SearchOptions['onProgress'],
  passwords?: SearchOptions['passwords'],
): Promise<{ result: SourceResult; hits: Hit[]; suggestions: Array<Suggestion & { source: string }> }> {
  const started = performance.now();
  const hits: Hit[] = [];
  const problems: string[] = [];
  let scanned = 0;
  let yielded = 0;
  const suggestions: Array<Suggestion & { source: string }> = [];
  let bytes: { bytesDone?: number; bytesTotal?: number } = {};
  const report = (state: SearchProgress['state']) =>
    onProgress?.({ source: config.id, state, scanned, hits: hits.length, ...bytes });
  const finish = (status: SourceResult['status'], error?: string) => ({
    hits,
    suggestions,
    result: {
      id: config.id,
      kind: config.kind,
      status,
      ...(error ? { error } : {}),
      ...(problems.length > 0 ? { problems } : {}),
      scanned,
      hits: hits.length,
      ms: Math.round(performance.now() - started),
    },
  });

  let source;
  try {
    report('running');
    source = openSource(config, passwords ? { password: () => passwords(config.id) } : {});
    const matched: SourceRecord[] = [];
    const ctx: ScanContext = {
      signal,
      onProgress: (p) => {
        // A source that pre-filters (SQL) scans more records than it yields; trust its count.
        scanned = Math.max(scanned, p.scanned);
        bytes = { bytesDone: p.bytesDone, bytesTotal: p.bytesTotal };
        report('running');
      },
      problem: (msg) => problems.push(msg),
      suggest: (s) => suggestions.push({ ...s, source: config.id }),
      prefilter: prefilterTerms(subject),
    };
    for await (const record of source.scan(subject, ctx)) {
      const pause = breathe();
      if (pause) await pause;
      yielded++;
      scanned = Math.max(scanned, yielded);
      const match = matchRecord(record, subject);
      if (!match) continue;
      if (source.related) matched.push(record);
      hits.push({
        id: hitId(config.id, record.location),
        source: config.id,
        location: record.location,
        confidence: match.confidence,
        score: Number(match.score.toFixed(3)),
        why: match.why,
        reasons: match.reasons,
        matches: match.matches,
        ...(match.thirdParty ? { thirdParty: true } : {}),
        record: record.fields,
      });
    }
    if (source.related && matched.length > 0 && !signal.aborted) {
      await addRelatedHits(source.related(matched, ctx), config.id, subject, hits);
    }
    if (signal.aborted) {
      report('cancelled');
      return finish('error', 'The search was cancelled before this source was finished.');
    }
    report('done');
    return finish(problems.length > 0 ? 'partial' : 'ok');
  } catch (err) {
    report(signal.aborted ? 'cancelled' : 'error');
    if (signal.aborted) return finish('error', 'The search was cancelled before this source was finished.');
    return finish('error', describeSourceFailure(config, err));
  } finally {
    await source?.close().catch(() => undefined);
  }
}

/** A message for the DPO: our own SourceErrors are already worded; anything else gets context. */
function describeSourceFailure(config: SourceConfig, err: unknown): string {
  if (err instanceof SourceError) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  const detail = code ? `${code}` : (err as Error).message?.split('\n')[0] ?? 'unknown error';
  return `Source "${config.id}" (${config.kind}) could not be searched: ${detail}. The other sources were searched normally.`;
}

/**
 * Turns records reached through keys into hits that point at the hit they came from. A
 * related record inherits its parent's confidence only when it holds no one else's
 * identifiers; otherwise it is marked third-party, lowered, and left for review.
 */
async function addRelatedHits(
  related: AsyncIterable<RelatedRecord>,
  sourceId: string,
  subject: PreparedSubject,
  hits: Hit[],
): Promise<void> {
  const byId = new Map(hits.map((h) => [h.id, h]));
  for await (const rec of related) {
    const pause = breathe();
    if (pause) await pause;
    const id = hitId(sourceId, rec.location);
    if (byId.has(id)) continue;
    const parentId = hitId(sourceId, rec.from);
    const parent = byId.get(parentId);
    if (!parent) continue;
    const own = matchRecord(rec, subject);
    // A row with none of the subject's identifiers can still hold someone else's (a contact person).
    // Rows below another person's row (reached through it) are that person's data too.
    const viaOther = parent.relatedTo !== undefined && parent.thirdParty === true;
    const thirdParty = viaOther || (own?.thirdParty ?? holdsOtherPeople(rec, subject));
    const confidence = thirdParty ? (parent.confidence === 'high' ? 'medium' : 'low') : parent.confidence;
    const why: Reason[] = [{ code: 'linked', parent: parentId, via: rec.via }];
    if (thirdParty) why.push({ code: 'othersInRecord' });
    // The record's own evidence, without a second "holds other people's identifiers".
    for (const r of own?.why ?? []) if (r.code !== 'othersInRecord') why.push(r);
    const hit: Hit = {
      id,
      source: sourceId,
      location: rec.location,
      confidence,
      score: Number(Math.max(0, parent.score - (thirdParty ? 0.3 : 0.05)).toFixed(3)),
      why,
      reasons: reasonsIn(why, 'en'),
      matches: own?.matches ?? [],
      relatedTo: parentId,
      ...(thirdParty ? { thirdParty: true } : {}),
      record: rec.fields,
    };
    hits.push(hit);
    byId.set(id, hit);
  }
}
