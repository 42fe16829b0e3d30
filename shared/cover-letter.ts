import { z } from 'zod';
import { CaseRefSchema } from './case';
import { PackageFormatsSchema } from './package-formats';

/** Input of case:coverLetter: the same language and confidence the export would use. */
export const CoverLetterInputSchema = z
  .object({
    ref: CaseRefSchema,
    lang: z.enum(['nb', 'en']),
    minConfidence: z.enum(['high', 'medium', 'low']).default('high'),
    /** The formats the export would hold: the letter's list of files depends on them. */
    formats: PackageFormatsSchema.optional(),
  })
  .strict();

/** The composed Art. 15 letter, as the package's PDF renders it. */
export const CoverLetterSchema = z.object({
  lang: z.enum(['nb', 'en']),
  title: z.string(),
  meta: z.array(z.string()),
  sections: z.array(
    z.object({
      heading: z.string().optional(),
      paragraphs: z.array(z.string()),
      /** Indexes into `paragraphs` that are placeholders the DPO must complete. */
      placeholders: z.array(z.number().int().nonnegative()).optional(),
    }),
  ),
  signature: z.array(z.string()),
});
export type CoverLetterView = z.infer<typeof CoverLetterSchema>;
