import { z } from 'zod';
import { ReasonSchema } from './reason';

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

const confidenceRank: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };

/** True when `c` is at least as sure as `min` (used by --min-confidence). */
export function atLeast(c: Confidence, min: Confidence): boolean {
  return confidenceRank[c] >= confidenceRank[min];
}

/** Where a record lives, precisely enough to find it again and to cite it in the package. */
export const TableLocationSchema = z.object({
  table: z.string(),
  /** 1-based record number, header excluded. */
  record: z.number().int().positive(),
  /** 1-based physical line where the record starts (quoted newlines make this differ). */
  line: z.number().int().positive(),
});
export const KeyLocationSchema = z.object({
  table: z.string(),
  key: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export const MailLocationSchema = z.object({
  /** Relative to the source path; the file's own name when the source path is one mailbox file. */
  file: z.string(),
  index: z.number().int().nonnegative().optional(),
  messageId: z.string().optional(),
  folder: z.string().optional(),
  /** Byte range of the raw message inside an mbox, so the original can be exported as .eml. */
  bytes: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
});
export const LocationSchema = z.union([TableLocationSchema, KeyLocationSchema, MailLocationSchema]);
export type TableLocation = z.infer<typeof TableLocationSchema>;
export type KeyLocation = z.infer<typeof KeyLocationSchema>;
export type MailLocation = z.infer<typeof MailLocationSchema>;
export type Location = z.infer<typeof LocationSchema>;

export const IdentifierKindSchema = z.enum(['name', 'email', 'phone', 'nationalId', 'other']);

export const FieldMatchSchema = z.object({
  /** The column or header where the identifier was found. */
  field: z.string(),
  kind: IdentifierKindSchema,
  /** The text as it appears in the record (not the normalised form). */
  value: z.string(),
});
export type FieldMatch = z.infer<typeof FieldMatchSchema>;

export const CellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof CellSchema>;

export const HitSchema = z.object({
  id: z.string(),
  source: z.string(),
  location: LocationSchema,
  confidence: ConfidenceSchema,
  score: z.number().min(0).max(1),
  /** Why it matched, in English (the CLI, JSON readers, hits stored before `why` existed). */
  reasons: z.array(z.string()),
  /** Why it matched, as data, for the app and the package to say in the reader's language (shared/reason.ts). */
  why: z.array(ReasonSchema).optional(),
  matches: z.array(FieldMatchSchema),
  /** Id of the hit this record was reached from through a key or declared link. */
  relatedTo: z.string().optional(),
  /** The record holds identifiers of other people too (Art. 15(4)): review before including. */
  thirdParty: z.boolean().optional(),
  record: z.record(z.string(), CellSchema),
});
export type Hit = z.infer<typeof HitSchema>;

export const SourceStatusSchema = z.enum(['ok', 'partial', 'error']);
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

export const SourceResultSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: SourceStatusSchema,
  /** What went wrong, in words for the DPO; never contains a password or record contents. */
  error: z.string().optional(),
  /** Problems that did not stop the scan, e.g. a malformed line; the result is then partial. */
  problems: z.array(z.string()).optional(),
  scanned: z.number().int().nonnegative(),
  hits: z.number().int().nonnegative(),
  ms: z.number().nonnegative(),
});
export type SourceResult = z.infer<typeof SourceResultSchema>;
