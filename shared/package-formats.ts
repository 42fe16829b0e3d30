import { z } from 'zod';

/**
 * What a package may hold besides the cover letter, readme and manifest (which it always
 * holds): `json` (data/data.json + data/schema.json), `xlsx` (data/data.xlsx) and `eml` (the
 * original e-mails under mail/). The person must get their data in a readable form, so at
 * least one of json and xlsx is required.
 */
export const packageFormats = ['json', 'xlsx', 'eml'] as const;
export const PackageFormatSchema = z.enum(packageFormats);
export type PackageFormat = z.infer<typeof PackageFormatSchema>;

/** Why a choice of formats is refused, in words for the DPO; null when it is acceptable. */
export function formatsProblem(formats: readonly string[]): string | null {
  const unknown = formats.filter((f) => !(packageFormats as readonly string[]).includes(f));
  if (unknown.length > 0) {
    return `Unknown package format(s): ${unknown.join(', ')}. Choose from ${packageFormats.join(', ')}.`;
  }
  if (!formats.includes('json') && !formats.includes('xlsx')) {
    return 'Choose json or xlsx (or both): the person must get their data in a readable form, and e-mails alone (eml) do not hold the data from the other sources.';
  }
  return null;
}

/** The formats of an export; all three unless chosen otherwise. */
export const PackageFormatsSchema = z
  .array(PackageFormatSchema)
  .min(1)
  .superRefine((formats, ctx) => {
    const problem = formatsProblem(formats);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The chosen formats without repeats, in the canonical order; every format when none was given. */
export function normaliseFormats(formats?: readonly PackageFormat[]): PackageFormat[] {
  if (!formats) return [...packageFormats];
  return packageFormats.filter((f) => formats.includes(f));
}
