import type { Language } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Confidence } from '../../../shared/hit';
import type { PackageFormat } from '../../../shared/package-formats';
import type { Controller } from '../../../shared/workspace';
import { buildPackage, type BuildPackageInput, type BuiltPackage } from '../package/build-package';
import { hashFile } from '../package/manifest';
import type { CaseRegister } from './case-register';
import { caseHitFeed } from './case-hit-feed';
import { assertMove } from './case-status';
import { packageReviewOf } from './package-review';

/** What the DPO chooses for a case's package; the export and the letter preview take the same. */
export interface CasePackageChoices {
  controller: Controller;
  lang: Language;
  minConfidence: Confidence;
  /** What the package holds besides letter, readme and manifest; all formats when not given. */
  formats?: readonly PackageFormat[];
}

export interface CaseExportInput extends CasePackageChoices {
  outFile: string;
  allowIncomplete?: boolean;
  /** AES-256 passphrase for the ZIP, as in a plain export. */
  password?: string;
  signal?: AbortSignal;
  onProgress?: BuildPackageInput['onProgress'];
  resourcesDir: string;
  tool: { name: string; version: string };
}

export interface CaseExport extends BuiltPackage {
  sha256: string;
}

/**
 * The package input for a case's stored search, its review and the DPO's choices: both the
 * export and the letter preview are planned from this one `plan`, so the preview cannot
 * differ from the package. The hits stay in the store; the plan reads them through a feed.
 */
export function reviewedSearch(reg: CaseRegister, ref: string, choices: CasePackageChoices) {
  const row = reg.row(ref);
  const search = reg.store.search(row.id);
  if (!search) throw new AppError('INVALID_INPUT', `Case ${ref} has not been searched yet. Run "innsyn search --case ${ref}" first.`);
  if (row.purgedOn) throw new AppError('INVALID_INPUT', `The records of case ${ref} were deleted under the retention rule on ${row.purgedOn}; it cannot be exported again.`);
  const plan = {
    // The hits come from the feed, not from this list.
    result: { subject: search.subject, sources: search.sources, hits: [] },
    feed: caseHitFeed(reg.store, row.id, ref, search.at),
    sources: search.configs,
    controller: choices.controller,
    lang: choices.lang,
    minConfidence: choices.minConfidence,
    caseRef: ref,
    review: packageReviewOf(reg.store, row.id),
    formats: choices.formats,
    now: reg.clock.now(),
  };
  return { search, plan };
}

/**
 * Writes the answer from the hits stored with the case, not from a fresh search: what the
 * DPO reviewed is exactly what is sent. The export is recorded with the ZIP's SHA-256 and
 * its manifest, which stay in the audit trail after the records are purged.
 */
export async function exportCase(reg: CaseRegister, ref: string, input: CaseExportInput): Promise<CaseExport> {
  const row = reg.row(ref);
  assertMove(ref, row.status, 'answered');
  const { plan } = reviewedSearch(reg, ref, input);
  // Counted now: a decision taken while the package is made is not in it.
  const undecided = reg.store.undecided(row.id);
  const built = await buildPackage({
    ...plan,
    // Each original is checked as it is staged (package/mail-files.ts).
    fingerprints: reg.store.originals(row.id),
    outFile: input.outFile,
    allowIncomplete: input.allowIncomplete,
    password: input.password,
    signal: input.signal,
    onProgress: input.onProgress,
    resourcesDir: input.resourcesDir,
    tool: input.tool,
  });
  const { sha256, size } = await hashFile(built.file);
  reg.record(reg.row(ref), 'export', () => {
    reg.store.setAnswered(row.id, reg.today());
    return {
      value: null,
      // The manifest is kept here because Art. 5(2) asks what was sent, and the records
      // themselves are deleted later (retention); the file name only, not the folder.
      data: {
        file: built.file.split(/[\\/]/).pop() ?? built.file,
        sha256,
        size,
        undecided,
        // Also in the manifest; kept at the top so the audit view shows what the package held.
        formats: built.manifest.formats,
        manifest: built.manifest,
      },
    };
  });
  return { ...built, sha256 };
}
