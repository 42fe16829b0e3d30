import { z } from 'zod';
import { SubjectSchema } from './subject';
import { HitSchema, SourceResultSchema } from './hit';

/** What `innsyn search --json` prints, and what the app's search returns. */
/** An identifier seen with the subject's name while searching; the DPO confirms or rejects it. */
export const SuggestionSchema = z.object({
  source: z.string(),
  kind: z.enum(['email', 'phone', 'name']),
  value: z.string(),
  reason: z.string(),
  count: z.number().int().positive(),
});
export type SuggestionOut = z.infer<typeof SuggestionSchema>;

export const SearchResultSchema = z.object({
  subject: SubjectSchema,
  sources: z.array(SourceResultSchema),
  hits: z.array(HitSchema),
  /** Possible aliases (e.g. other addresses under the subject's display name). Never searched unconfirmed. */
  suggestions: z.array(SuggestionSchema).optional(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

export const SearchProgressSchema = z.object({
  runId: z.string(),
  source: z.string(),
  state: z.enum(['running', 'done', 'error', 'cancelled']),
  scanned: z.number().int().nonnegative(),
  hits: z.number().int().nonnegative(),
  /** Bytes read so far and in total, for file sources where the size is known. */
  bytesDone: z.number().nonnegative().optional(),
  bytesTotal: z.number().nonnegative().optional(),
});
export type SearchProgress = z.infer<typeof SearchProgressSchema>;
