import type { CoverLetter } from '../package/cover-letter';
import { planPackage } from '../package/package-plan';
import { loadTexts } from '../package/texts';
import type { CaseRegister } from './case-register';
import { reviewedSearch, type CasePackageChoices } from './export-case';

/** The same choices as the export (the letter lists only the chosen formats' files). */
export interface CaseLetterInput extends CasePackageChoices {
  resourcesDir: string;
}

/**
 * The cover letter `case:export` would write today, for the app to preview: the same stored
 * search, review and selection (planPackage), only nothing is written or recorded.
 */
export async function caseCoverLetter(reg: CaseRegister, ref: string, input: CaseLetterInput): Promise<CoverLetter> {
  const { plan } = reviewedSearch(reg, ref, input);
  const texts = await loadTexts(input.resourcesDir, input.lang);
  return planPackage({ ...plan, texts }).letter;
}
