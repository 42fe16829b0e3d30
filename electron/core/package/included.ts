import { atLeast, type Confidence, type Hit } from '../../../shared/hit';
import { reasonsIn, type ReasonLanguage } from '../../../shared/reason-text';
import { redactHit, type RedactionNote } from './redact';
import {
  PackageReviewSchema,
  type ExclusionGround,
  type HitDecision,
  type PackageReview,
  type Redaction,
  type ReviewSummary,
} from './review';

/** A hit as it goes into the package: its record already redacted. */
export interface IncludedHit extends Hit {
  /** Which fields were redacted and how (never why, never the old value). */
  redacted?: RedactionNote[];
}

export interface Selection {
  included: IncludedHit[];
  /** Hits held back for review, with why; counted in the manifest, never silently lost. */
  heldBack: Array<{ hit: Hit; reason: string }>;
  /** Hits a reviewer excluded, with the ground (not the reason text, which stays in the case). */
  excluded: Array<{ hit: Hit; ground: ExclusionGround }>;
  review: ReviewSummary | null;
}

/**
 * Which hits go into the package. Without a review: those at or above the chosen confidence,
 * and never a related row that holds other people's identifiers (Art. 15(4)); it waits for a
 * reviewer. With a review, the reviewer's decisions win and redactions are applied
 * (see review.ts for the rules).
 */
export function selectHits(
  hits: readonly Hit[],
  minConfidence: Confidence,
  review?: PackageReview,
  redactedMark = '[redacted]',
  lang: ReasonLanguage = 'en',
): Selection {
  const parsed = review ? PackageReviewSchema.parse(review) : null;
  const decisions = new Map<string, HitDecision>(parsed?.decisions.map((d) => [d.hitId, d]) ?? []);
  const redactions = new Map<string, Redaction[]>();
  for (const r of parsed?.redactions ?? []) redactions.set(r.hitId, [...(redactions.get(r.hitId) ?? []), r]);

  const out: Selection = { included: [], heldBack: [], excluded: [], review: null };
  const fromExcluded = reachedFromExcluded(hits, decisions);
  let applied = 0;
  for (const hit of hits) {
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
    const rs = redactions.get(hit.id);
    const worded = inLanguage(hit, lang);
    if (!rs) {
      out.included.push(worded);
      continue;
    }
    const { hit: redacted, notes } = redactHit(worded, rs, redactedMark);
    applied += notes.length;
    out.included.push(notes.length > 0 ? { ...redacted, redacted: notes } : redacted);
  }
  if (parsed) out.review = summarise(parsed, hits, out, applied);
  return out;
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
function reachedFromExcluded(hits: readonly Hit[], decisions: ReadonlyMap<string, HitDecision>): Set<string> {
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

function automaticHoldBack(hit: Hit, minConfidence: Confidence, onlyDecided: boolean): string | null {
  if (onlyDecided) return 'not decided by a reviewer';
  if (!atLeast(hit.confidence, minConfidence)) return `confidence ${hit.confidence} is below ${minConfidence}`;
  if (hit.relatedTo && hit.thirdParty) return 'related record holds other people’s data and needs review';
  return null;
}

function summarise(
  review: ReturnType<typeof PackageReviewSchema.parse>,
  hits: readonly Hit[],
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
