import { z } from 'zod';
import { SubjectSchema } from './subject';
import { HitSchema, SourceResultSchema } from './hit';

/** What `innsyn search --json` prints, and what the app's search returns. */
export const SearchResultSchema = z.object({
  subject: SubjectSchema,
  sources: z.array(SourceResultSchema),
  hits: z.array(HitSchema),
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
