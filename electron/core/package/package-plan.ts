import type { Language } from '../../../shared/contract';
import type { Confidence } from '../../../shared/hit';
import { normaliseFormats, type PackageFormat } from '../../../shared/package-formats';
import type { SearchResult } from '../../../shared/search';
import type { Controller, SourceConfig } from '../../../shared/workspace';
import { composeCoverLetter, type CoverLetter } from './cover-letter';
import { groupHits, type SourceGroup } from './grouping';
import type { HitFeed } from './hit-feed';
import { selectHits, type PlannedHit, type Selection } from './included';
import type { PackageReview } from './review';
import type { PackageTexts } from './texts';

export interface PlanInput {
  result: SearchResult;
  /** Where the hits are read from when they are not all in memory (a stored case); `result.hits` otherwise. */
  feed?: HitFeed;
  sources: readonly SourceConfig[];
  controller: Controller;
  lang: Language;
  minConfidence: Confidence;
  caseRef: string | null;
  review?: PackageReview;
  texts: PackageTexts;
  now: Date;
  /** The formats the package holds; all of them when not given. */
  formats?: readonly PackageFormat[];
}

export interface PackagePlan {
  selection: Selection;
  /** The configured sources that were searched, in workspace order. */
  searched: SourceConfig[];
  groups: SourceGroup[];
  includedBySource: Map<string, number>;
  letter: CoverLetter;
}

/**
 * A message whose original cannot go into the package: a reviewer redacted part of it, and
 * the .eml would hold the redacted text. Shared by the staging and the letter, so both agree.
 */
export const originalWithheld = (hit: Pick<PlannedHit, 'redacted'>): boolean => (hit.redacted?.length ?? 0) > 0;

/**
 * What a package will hold and what its cover letter says, without writing anything. The
 * export builds from this plan and the app's letter preview shows it, so the preview is
 * exactly what would be sent.
 */
export function planPackage(input: PlanInput): PackagePlan {
  const selection = selectHits(input.feed ?? input.result.hits, input.minConfidence, input.review, input.texts.redactedMark, input.lang);
  const searched = input.sources.filter((s) => input.result.sources.some((r) => r.id === s.id));
  const groups = groupHits(
    input.result.sources.map((s) => s.id),
    selection.included,
  );
  const includedBySource = countBy(selection.included.map((h) => h.source));
  // Mail staging only handles sources it can read from a file; count the same messages.
  const mailSources = new Set(searched.filter((s) => 'path' in s).map((s) => s.id));
  const withheldOriginals = groups.some((g) => mailSources.has(g.id) && g.messages.some(originalWithheld));
  const letter = composeCoverLetter({
    texts: input.texts,
    controller: input.controller,
    subject: input.result.subject,
    caseRef: input.caseRef,
    date: input.now,
    lang: input.lang,
    searchedSources: searched,
    results: input.result.sources,
    includedBySource,
    withheld: {
      thirdParty:
        selection.excluded.some((e) => e.ground === 'third-party') ||
        (selection.review?.redactions.applied ?? 0) > 0 ||
        selection.heldBack.some((h) => h.hit.thirdParty),
      exempt: selection.excluded.some((e) => e.ground === 'exempt'),
      originals: withheldOriginals,
    },
    formats: normaliseFormats(input.formats),
  });
  return { selection, searched, groups, includedBySource, letter };
}

export function countBy(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
