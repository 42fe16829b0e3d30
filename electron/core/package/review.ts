import { z } from 'zod';

/**
 * What a reviewer decided before export: the bridge from the case register (where decisions
 * and redactions are stored with who/when) to the package builder. The case register maps its
 * rows onto this shape; `innsyn export --review FILE` reads the same shape from JSON.
 *
 * Rules the builder applies:
 * - A hit with a decision is included or excluded as decided, whatever its confidence. An
 *   explicit `include` is how a reviewer lets in a related row that holds other people's
 *   identifiers (held back automatically otherwise, Art. 15(4)).
 * - A hit without a decision follows the automatic rule (at or above --min-confidence, no
 *   third-party related rows), unless `onlyDecided` is true: then it is held back.
 * - Redactions apply to included hits only. Reasons stay with the controller (case register):
 *   the package says *that* a field was redacted and counts it, never why, because a reason
 *   may itself describe another person.
 * - A message (e-mail) with any redaction is exported without its original .eml, because the
 *   original bytes would still hold what was redacted; its redacted header fields stay in
 *   data.json and data.xlsx, and the manifest counts the withheld originals.
 */

/** Why a hit is left out. Drives what the cover letter says, never shown per hit. */
export const ExclusionGroundSchema = z.enum([
  /** Not about the subject at all (a namesake, a wrong match): nothing is withheld from them. */
  'not-subject',
  /** Would disclose other people's data (Art. 15(4)); the letter says such data was withheld. */
  'third-party',
  /** Withheld under another exemption (e.g. legal privilege); the letter shows a placeholder for the legal ground. */
  'exempt',
]);
export type ExclusionGround = z.infer<typeof ExclusionGroundSchema>;

export const HitDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ hitId: z.string().min(1), decision: z.literal('include'), reason: z.string().optional() }).strict(),
  z
    .object({
      hitId: z.string().min(1),
      decision: z.literal('exclude'),
      ground: ExclusionGroundSchema,
      reason: z.string().min(1),
    })
    .strict(),
]);
export type HitDecision = z.infer<typeof HitDecisionSchema>;

/**
 * One redaction inside an included hit's record (`field` is a column or a message header such
 * as "cc"):
 * - `remove`: the field is left out of data.json and data.xlsx;
 * - `mask`: the whole value is replaced by a visible marker ("[fjernet]" / "[redacted]");
 * - `mask-text`: every occurrence of `text` in the value is replaced by the marker. Text, not
 *   character offsets, because offsets silently point at the wrong characters if the record
 *   changed between review and export; a text that is no longer there is simply not present.
 */
export const RedactionSchema = z.discriminatedUnion('action', [
  z.object({ hitId: z.string().min(1), field: z.string().min(1), action: z.literal('remove'), reason: z.string().min(1) }).strict(),
  z.object({ hitId: z.string().min(1), field: z.string().min(1), action: z.literal('mask'), reason: z.string().min(1) }).strict(),
  z
    .object({
      hitId: z.string().min(1),
      field: z.string().min(1),
      action: z.literal('mask-text'),
      text: z.string().min(1),
      reason: z.string().min(1),
    })
    .strict(),
]);
export type Redaction = z.infer<typeof RedactionSchema>;

export const PackageReviewSchema = z
  .object({
    decisions: z.array(HitDecisionSchema).default([]),
    redactions: z.array(RedactionSchema).default([]),
    /** Hold back every hit the reviewer has not decided on (a fully reviewed case). */
    onlyDecided: z.boolean().default(false),
  })
  .strict();
export type PackageReview = z.input<typeof PackageReviewSchema>;
export type ParsedPackageReview = z.output<typeof PackageReviewSchema>;

/** What the manifest records about the review: counts only, never reasons or values. */
export interface ReviewSummary {
  decisions: { include: number; exclude: number; byGround: Record<ExclusionGround, number> };
  redactions: { remove: number; mask: number; maskText: number; applied: number };
  /** Originals (.eml) not exported because the message had redactions. */
  messagesWithoutOriginal: number;
  /** Decisions or redactions naming a hit this search did not produce (e.g. a re-run search). */
  unknownHits: number;
}
