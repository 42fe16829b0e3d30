import type { Language } from '../../../shared/contract';
import type { Confidence } from '../../../shared/hit';
import type { PackageFormat } from '../../../shared/package-formats';
import type { Controller } from '../../../shared/workspace';
import type { CoverLetter } from '../package/cover-letter';
import { planPackage } from '../package/package-plan';
import { loadTexts } from '../package/texts';
import type { CaseRegister } from './case-register';
import { reviewedSearch } from './export-case';

export interface CaseLetterInput {
  controller: Controller;
  lang: Language;
  minConfidence: Confidence;
  /** The formats the export would hold; the letter lists only those files. */
  formats?: readonly PackageFormat[];
  resourcesDir: string;
}

/**
 * The cover letter `case:export` would write today, for the app to preview: the same stored
 * search, review and selection (planPackage), only nothing is written or recorded.
 */
export async function caseCoverLetter(reg: CaseRegister, ref: string, input: CaseLetterInput): Promise<CoverLetter> {
  const { search, hits, review } = reviewedSearch(reg, ref);
  const texts = await loadTexts(input.resourcesDir, input.lang);
  return planPackage({
    result: { subject: search.subject, sources: search.sources, hits },
    sources: search.configs,
    controller: input.controller,
    lang: input.lang,
    minConfidence: input.minConfidence,
    caseRef: ref,
    review,
    formats: input.formats,
    texts,
    now: reg.clock.now(),
  }).letter;
}
