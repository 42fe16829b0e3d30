import { z } from 'zod';

/** The steps of writing a package, in order; each is reported when it has finished. */
export const exportSteps = ['mail', 'data', 'spreadsheet', 'letter', 'manifest', 'zip', 'verify'] as const;
export type ExportStep = (typeof exportSteps)[number];

export const ExportProgressSchema = z.object({
  /** The case being exported, or null for a plain export:run. */
  ref: z.string().nullable(),
  step: z.enum(exportSteps),
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;
