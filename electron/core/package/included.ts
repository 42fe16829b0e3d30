import { atLeast, type Confidence, type Hit, type Location } from '../../../shared/hit';
import { reasonsIn, type ReasonLanguage } from '../../../shared/reason-text';
import { assertAsPlanned } from './as-planned';
import { feedOf, subjectOf, type FeedPlace, type HitFeed } from './hit-feed';
import { redactHit, type RedactionNote } from './redact';
import {
  PackageReviewSchema,
  type ExclusionGround,
  type HitDecision,
  type PackageReview,
  type ParsedPackageReview,
  type Redaction,
  type ReviewSummary,
} from './review';

/** A hit as it goes into the package: its record already redacted, its reasons in the package's language. */
export interface IncludedHit extends Hit {
  /** Which fields were redacted and how (never why, never the old value). */
  redacted?: RedactionNote[];
}

/**
 * What the plan keeps of each hit: enough to select, group, count and name files, but not
 * the record's values, so planning a case of 200,000 hits holds tens of megabytes, not
 * hundreds. The writers read the full hit again from the feed (`Selection.read`).
 */
export interface PlannedHit extends FeedPlace {
  source: string;
  location: Location;
  confidence: Confidence;
  relatedTo?: string;
  thirdParty?: boolean;
  /** As on the included hit: which fields the reviewer's redactions changed. */
  redacted?: RedactionNote[];
  /** The field names of the redacted record, one array shared by hits with the same fields. */
  columns: readonly string[];
  /** A message's subject line (for its file name); mail hits only. */
  subject?: string;
}

export interface Selection {
  included: PlannedHit[];
  /** Hits held back for review, with why; counted in the manifest, never silently lost. */
  heldBack: Array<{ hit: PlannedHit; reason: string }>;
  /** Hits a reviewer excluded, with the ground (not the reason text, which stays in the case). */
  excluded: Array<{ hit: PlannedHit; ground: ExclusionGround }>;
  review: ReviewSummary | null;
  /** The given planned hits in full, as they go into the package, read again from the feed and checked against their plan. */
  read(hits: readonly PlannedHit[]): Iterable<IncludedHit>;
}

/**
 * Which hits go into the package. Without a review: those at or above the chosen confidence,
 * and never a related row that holds other people's identifiers (Art. 15(4)); it waits for a
 * reviewer. With a review, the reviewer's decisions win and redactions are applied
 * (see review.ts for the rules). The plan reads each hit's facts from the feed, and the hits
 * with redactions in full; `read` reads the selected hits again and checks each against its plan.
 */
export function selectHits(
  from: HitFeed | readonly Hit[],
  minConfidence: Confidence,
  review?: PackageReview,
  redactedMark = '[redacted]',
  lang: ReasonLanguage = 'en',
): Selection {
  const feed = isFeed(from) ? from : feedOf(from);
  const parsed = review ? PackageReviewSchema.parse(review) : null;
  const decisions = new Map<string, HitDecision>(parsed?.decisions.map((d) => [d.hitId, d]) ?? []);
  const redactions = new Map<string, Redaction[]>();
  for (const r of parsed?.redactions ?? []) redactions.set(r.hitId, [...(redactions.get(r.hitId) ?? []), r]);
  const include = (hit: Hit) => includeHit(hit, redactions.get(hit.id), redactedMark, lang);

  const planned = planAll(feed, (id) => redactions.get(id), redactedMark);
  const out: Selection = {
    included: [],
    heldBack: [],
    excluded: [],
    review: null,
    *read(hits) {
      let i = 0;
      for (const hit of feed.again(hits)) {
        const included = include(hit);
        assertAsPlanned(included, hits[i++]);
        yield included;
      }
    },
  };
  const fromExcluded = reachedFromExcluded(planned, decisions);
  let applied = 0;
  for (const hit of planned) {
    const decision = decisions.get(hit.id);
    if (decision?.decision === 'exclude') {
      out.excluded.push({ hit, ground: decision.ground });
      continue;
    }
    if (!decision) {
      const held = fromExcluded.has(hit.id)
        ? 'reached through a key from a record a reviewer excluded'
        : automaticHoldBack(hit, minConfidence, parsed?.onlyDecided ?? false);
      if (held) {
        out.heldBack.push({ hit, reason: held });
        continue;
      }
    }
    applied += hit.redacted?.length ?? 0;
    out.included.push(hit);
  }
  if (parsed) out.review = summarise(parsed, planned, out, applied);
  return out;
}

function isFeed(from: HitFeed | readonly Hit[]): from is HitFeed {
  return !Array.isArray(from);
}

/**
 * Plans every hit of the feed from its facts, keeping one light PlannedHit each (see
 * PlannedHit). The redacted record decides the columns, the file name and whether an original
 * is withheld, so the few hits with redactions are then read in full and redacted; their
 * reasons are worded when the hit is written.
 */
function planAll(feed: HitFeed, redactionsOf: (hitId: string) => readonly Redaction[] | undefined, mark: string): PlannedHit[] {
  const columnSets = new Map<string, readonly string[]>();
  // A feed may already share one array between hits with the same fields (a case does).
  const kept = new Set<readonly string[]>();
  const shared = (keys: readonly string[]) => {
    if (kept.has(keys)) return keys;
    const joined = keys.join('\u0000');
    let columns = columnSets.get(joined);
    if (!columns) {
      columnSets.set(joined, (columns = keys));
      kept.add(keys);
    }
    return columns;
  };
  const planned: PlannedHit[] = [];
  const toRedact: PlannedHit[] = [];
  for (const { facts, position } of feed.facts()) {
    const p: PlannedHit = { id: facts.id, position, source: facts.source, location: facts.location, confidence: facts.confidence, columns: shared(facts.fields) };
    if (facts.relatedTo !== undefined) p.relatedTo = facts.relatedTo;
    if (facts.thirdParty !== undefined) p.thirdParty = facts.thirdParty;
    if (facts.subject !== undefined) p.subject = facts.subject;
    if (redactionsOf(facts.id)) toRedact.push(p);
    planned.push(p);
  }
  // After the facts: a case's feed reads both from one connection, which is busy until the first read ends.
  let i = 0;
  for (const hit of feed.again(toRedact)) {
    const p = toRedact[i++];
    const { hit: redacted, notes } = redactHit(hit, redactionsOf(p.id)!, mark);
    p.columns = shared(Object.keys(redacted.record));
    if (notes.length > 0) p.redacted = notes;
    if (p.subject !== undefined) p.subject = subjectOf(redacted.record);
  }
  return planned;
}

/** One hit as it goes into the package: its redactions applied, its reasons in the package's language. */
function includeHit(hit: Hit, redactions: readonly Redaction[] | undefined, mark: string, lang: ReasonLanguage): IncludedHit {
  const worded = inLanguage(hit, lang);
  if (!redactions) return worded;
  const { hit: redacted, notes } = redactHit(worded, redactions, mark);
  return notes.length > 0 ? { ...redacted, redacted: notes } : redacted;
}

/**
 * The hit with its reasons in the package's language. Hits stored before reasons were kept as
 * data have only the English sentences, which then go out as they are.
 */
function inLanguage(hit: Hit, lang: ReasonLanguage): Hit {
  if (!hit.why) return hit;
  const { why, ...rest } = hit;
  return { ...rest, reasons: reasonsIn(why, lang) };
}

/**
 * Hits reached (through any chain of keys) from a hit a reviewer excluded. If the customer row
 * was a namesake, so are that customer's orders and tickets: they must not go out on the
 * strength of a link to someone else, unless a reviewer decides on them one by one.
 */
function reachedFromExcluded(hits: readonly PlannedHit[], decisions: ReadonlyMap<string, HitDecision>): Set<string> {
  const parent = new Map(hits.filter((h) => h.relatedTo).map((h) => [h.id, h.relatedTo!]));
  const out = new Set<string>();
  for (const hit of hits) {
    const seen = new Set<string>([hit.id]);
    for (let p = parent.get(hit.id) ?? hit.relatedTo; p && !seen.has(p); p = parent.get(p)) {
      seen.add(p);
      if (decisions.get(p)?.decision === 'exclude') {
        out.add(hit.id);
        break;
      }
    }
  }
  return out;
}

function automaticHoldBack(hit: PlannedHit, minConfidence: Confidence, onlyDecided: boolean): string | null {
  if (onlyDecided) return 'not decided by a reviewer';
  if (!atLeast(hit.confidence, minConfidence)) return `confidence ${hit.confidence} is below ${minConfidence}`;
  if (hit.relatedTo && hit.thirdParty) return 'related record holds other people’s data and needs review';
  return null;
}

function summarise(
  review: ParsedPackageReview,
  hits: readonly PlannedHit[],
  selection: Selection,
  applied: number,
): ReviewSummary {
  const known = new Set(hits.map((h) => h.id));
  const byGround: Record<ExclusionGround, number> = { 'not-subject': 0, 'third-party': 0, exempt: 0 };
  for (const e of selection.excluded) byGround[e.ground]++;
  const unknown = new Set(
    [...review.decisions, ...review.redactions].map((x) => x.hitId).filter((id) => !known.has(id)),
  );
  return {
    decisions: {
      include: review.decisions.filter((d) => d.decision === 'include' && known.has(d.hitId)).length,
      exclude: selection.excluded.length,
      byGround,
    },
    redactions: {
      remove: review.redactions.filter((r) => r.action === 'remove').length,
      mask: review.redactions.filter((r) => r.action === 'mask').length,
      maskText: review.redactions.filter((r) => r.action === 'mask-text').length,
      applied,
    },
    messagesWithoutOriginal: 0,
    unknownHits: unknown.size,
  };
}
