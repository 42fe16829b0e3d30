import { z } from 'zod';
import type { PackageFormat } from './package-formats';

/** The steps of writing a package, in order; each is reported when it has finished. */
export const exportSteps = ['mail', 'data', 'spreadsheet', 'letter', 'manifest', 'zip', 'verify'] as const;
export type ExportStep = (typeof exportSteps)[number];

/** Steps that only run when their format was chosen. */
const stepFormat: Partial<Record<ExportStep, PackageFormat>> = { mail: 'eml', data: 'json', spreadsheet: 'xlsx' };

/**
 * The steps an export with these formats goes through, so the bar counts only work that is
 * done and never names a file the package will not hold.
 */
export function exportStepsFor(formats: readonly PackageFormat[]): ExportStep[] {
  return exportSteps.filter((step) => {
    const format = stepFormat[step];
    return format === undefined || formats.includes(format);
  });
}

export const ExportProgressSchema = z.object({
  /** The case being exported, or null for a plain export:run. */
  ref: z.string().nullable(),
  step: z.enum(exportSteps),
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;
