import { z } from 'zod';
import { PackageFormatsSchema } from './package-formats';
import { SubjectSchema } from './subject';
import { HitSchema, SourceResultSchema } from './hit';
import { SuggestionSchema } from './search';

/** A calendar date, `YYYY-MM-DD`. Deadlines are days, not instants (Reg. 1182/71 counts days). */
export const CalendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/** `2026-0007`: the year received and a sequence number within that year. */
export const CaseRefSchema = z.string().regex(/^\d{4}-\d{4,}$/, 'must look like 2026-0007');

export const RequestTypeSchema = z.enum(['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection']);
export type RequestType = z.infer<typeof RequestTypeSchema>;

export const ChannelSchema = z.enum(['email', 'letter', 'web-form', 'phone']);
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * received → verifying-identity → searching → reviewing → answered → closed; any open case
 * may instead be rejected (with a reason, e.g. Art. 12(5) manifestly unfounded).
 */
export const CaseStatusSchema = z.enum(['received', 'verifying-identity', 'searching', 'reviewing', 'answered', 'closed', 'rejected']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** Art. 12(6): how the controller satisfied itself that the requester is the data subject. */
export const IdentityVerificationSchema = z.object({
  method: z.string().trim().min(1),
  date: CalendarDateSchema,
  by: z.string().trim().min(1),
  note: z.string().optional(),
});
export type IdentityVerification = z.infer<typeof IdentityVerificationSchema>;

/** Art. 12(3): two further months, told to the person (with why) within the first month. */
export const ExtensionSchema = z.object({
  reason: z.string().trim().min(1),
  notified: CalendarDateSchema.nullable(),
  /** Set when the person was not told within the first month, or not yet told. */
  warning: z.string().optional(),
});
export type Extension = z.infer<typeof ExtensionSchema>;

export const CaseNoteSchema = z.object({ at: z.string(), text: z.string() });

export const CaseSchema = z.object({
  ref: CaseRefSchema,
  subject: SubjectSchema,
  types: z.array(RequestTypeSchema).min(1),
  channel: ChannelSchema,
  received: CalendarDateSchema,
  status: CaseStatusSchema,
  /** The deadline in force: one month, or three with an extension, moved to a working day. */
  deadline: CalendarDateSchema,
  /** The one-month deadline, kept to judge whether an extension was notified in time. */
  firstDeadline: CalendarDateSchema,
  verification: IdentityVerificationSchema.nullable(),
  extension: ExtensionSchema.nullable(),
  rejectionReason: z.string().nullable(),
  answeredOn: CalendarDateSchema.nullable(),
  closedOn: CalendarDateSchema.nullable(),
  /** When the record snapshots were deleted under the retention rule. */
  purgedOn: CalendarDateSchema.nullable(),
  notes: z.array(CaseNoteSchema),
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseSummarySchema = CaseSchema.pick({ ref: true, types: true, channel: true, received: true, status: true, deadline: true }).extend({
  /** Days from today to the deadline; negative when overdue. */
  daysLeft: z.number().int(),
  warning: z.string().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

/**
 * Why a hit is left out: not about the person at all (a namesake), another person's data
 * (Art. 15(4), mentioned in the cover letter), or another legal exemption.
 */
export const ExclusionGroundSchema = z.enum(['not-subject', 'third-party', 'exempt']);
export type ExclusionGround = z.infer<typeof ExclusionGroundSchema>;

export const DecisionSchema = z.object({
  hitId: z.string(),
  include: z.boolean(),
  /** Set for every exclusion. */
  ground: ExclusionGroundSchema.nullable(),
  reason: z.string().trim().min(1),
  at: z.string(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** Art. 15(4): take out another person's data, either the whole field or a span of its text. */
export const RedactionSchema = z.object({
  id: z.number().int().positive(),
  hitId: z.string(),
  field: z.string().min(1),
  /** Character offsets [start, end) in the field's text; absent = the whole field. */
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).nullable(),
  mode: z.enum(['remove', 'mask']),
  reason: z.string().trim().min(1),
  at: z.string(),
});
export type Redaction = z.infer<typeof RedactionSchema>;

export const CaseHitSchema = z.object({
  /** The record as it was found, or null after the retention purge. */
  hit: HitSchema.nullable(),
  hitId: z.string(),
  source: z.string(),
  decision: DecisionSchema.nullable(),
  redactions: z.array(RedactionSchema),
});
export type CaseHit = z.infer<typeof CaseHitSchema>;

/** A hit's review state: what a review action changed, without the record copy. */
export const HitReviewSchema = z.object({
  hitId: z.string(),
  decision: DecisionSchema.nullable(),
  redactions: z.array(RedactionSchema),
});
export type HitReview = z.infer<typeof HitReviewSchema>;

/**
 * What a decision, a redaction or a suggestion's answer returns: the case and the review state
 * of the hits it changed (and the open suggestions, if they changed), not every hit again. The
 * app applies it to the case it holds; reading back and sending a case of 200,000 hits after
 * each click took about 5 s.
 */
export const CaseReviewUpdateSchema = z.object({
  case: CaseSchema,
  hits: z.array(HitReviewSchema),
  /** The open suggestions, when the action changed them (an identifier confirmed or dismissed). */
  suggestions: z.array(SuggestionSchema).optional(),
});
export type CaseReviewUpdate = z.infer<typeof CaseReviewUpdateSchema>;

export const CaseSearchSchema = z.object({
  at: z.string(),
  subject: SubjectSchema,
  sources: z.array(SourceResultSchema),
});

export const CaseDetailSchema = z.object({
  case: CaseSchema,
  search: CaseSearchSchema.nullable(),
  hits: z.array(CaseHitSchema),
  /** Possible aliases from the latest search, not yet confirmed or dismissed. Never searched unconfirmed. */
  suggestions: z.array(SuggestionSchema).optional(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const AuditEventSchema = z.enum([
  'case-created',
  'identity-requested',
  'identity-verified',
  'search-run',
  'decision',
  'redaction',
  'redaction-removed',
  'export',
  'extension',
  'answered',
  'closed',
  'rejected',
  'purge',
  'identifier-added',
  'suggestion-dismissed',
]);
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  event: AuditEventSchema,
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  problems: z.array(z.string()),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export const NewCaseSchema = z
  .object({
    subject: SubjectSchema,
    types: z.array(RequestTypeSchema).min(1).default(['access']),
    channel: ChannelSchema,
    received: CalendarDateSchema.optional(),
    note: z.string().optional(),
  })
  .strict();
export type NewCase = z.input<typeof NewCaseSchema>;

export const CaseListFilterSchema = z.enum(['all', 'open', 'due-soon', 'overdue']);

export const SettingsSchema = z.object({
  /** Days the record copies of a closed case are kept before they are deleted (Art. 5(1)(e)). */
  retentionDays: z.number().int().min(0).max(3650),
});
export type SettingsShape = z.infer<typeof SettingsSchema>;

const Ref = z.object({ ref: CaseRefSchema });
export const IdentifierKindSchema = z.enum(['name', 'email', 'phone', 'nationalId', 'other']);
export type IdentifierKind = z.infer<typeof IdentifierKindSchema>;

/** Inputs of the case:* contract methods (see shared/contract.ts). */
export const CaseInputs = {
  list: z.object({ filter: CaseListFilterSchema.default('all'), dueSoonDays: z.number().int().min(0).max(365).optional() }).strict(),
  ref: Ref.strict(),
  requestIdentity: Ref.extend({ note: z.string().optional() }).strict(),
  verify: Ref.extend({ method: z.string().trim().min(1), by: z.string().trim().min(1), date: CalendarDateSchema.optional(), note: z.string().optional() }).strict(),
  extend: Ref.extend({ reason: z.string().trim().min(1), notified: CalendarDateSchema.nullable() }).strict(),
  reject: Ref.extend({ reason: z.string().trim().min(1) }).strict(),
  note: Ref.extend({ text: z.string().trim().min(1) }).strict(),
  search: Ref.extend({ sources: z.array(z.string()).optional() }).strict(),
  review: Ref.extend({ hitId: z.string().min(1), include: z.boolean(), reason: z.string().trim().min(1), ground: ExclusionGroundSchema.optional() }).strict(),
  /** Adds an identifier to the case's person (a confirmed suggestion); the DPO then searches again. */
  addIdentifier: Ref.extend({ kind: IdentifierKindSchema, value: z.string().trim().min(1).max(500) }).strict(),
  /** Leaves a suggestion out; it is not offered again for this case. */
  dismissSuggestion: Ref.extend({ kind: z.enum(['email', 'phone', 'name']), value: z.string().trim().min(1).max(500) }).strict(),
  /** One decision for many hits, in one transaction; at most 100,000 so one call stays bounded. */
  reviewMany: Ref.extend({
    hitIds: z.array(z.string().min(1)).min(1).max(100_000),
    include: z.boolean(),
    reason: z.string().trim().min(1),
    ground: ExclusionGroundSchema.optional(),
  }).strict(),
  redact: Ref.extend({
    hitId: z.string().min(1),
    field: z.string().min(1),
    span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).nullable().optional(),
    mode: z.enum(['remove', 'mask']).optional(),
    reason: z.string().trim().min(1),
  }).strict(),
  unredact: Ref.extend({ redactionId: z.number().int().positive() }).strict(),
  export: Ref.extend({
    lang: z.enum(['nb', 'en']),
    minConfidence: z.enum(['high', 'medium', 'low']),
    /** Encrypt the ZIP with AES-256 under a passphrase main generates (returned once, never stored). */
    encrypt: z.boolean().optional(),
    /** Export although a source failed; the manifest records the failure. */
    allowIncomplete: z.boolean().optional(),
    /** What goes in besides letter, readme and manifest (json, xlsx, eml; json or xlsx required); all when omitted. */
    formats: PackageFormatsSchema.optional(),
  }).strict(),
} as const;

export const CaseAuditSchema = z.object({ entries: z.array(AuditEntrySchema), verification: AuditVerificationSchema });
export const CaseExportResultSchema = z.object({
  path: z.string().nullable(),
  files: z.number().int().nonnegative(),
  verified: z.boolean(),
  /** SHA-256 of the ZIP, as recorded in the audit trail. */
  sha256: z.string().nullable(),
  /** False when a source failed and the export went ahead with allowIncomplete. */
  complete: z.boolean().optional(),
  /** The generated passphrase, shown to the DPO once and sent to the person separately. Never stored. */
  passphrase: z.string().nullable().optional(),
});
