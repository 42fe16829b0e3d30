import type { Language } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Confidence } from '../../../shared/hit';
import type { PackageFormat } from '../../../shared/package-formats';
import type { SearchResult } from '../../../shared/search';
import type { Subject } from '../../../shared/subject';
import { assertMove } from '../../core/cases/case-status';
import { exportCase, type CaseExport } from '../../core/cases/export-case';
import { keepSearchWithOriginals } from '../../core/cases/mail-originals';
import { resourcesDir, tool } from '../context';
import { loadCliWorkspace, runCliSearch } from '../run-subject-search';
import type { SubjectOptions } from '../subject-options';
import { withRegister } from './case-shared';

/**
 * `innsyn search --case REF`: searches for the case's person (plus any identifiers given on
 * the command line, e.g. an alias found later) and stores every hit with the case.
 */
export async function searchForCase(ref: string, opts: SubjectOptions, dataDir: string): Promise<{ result: SearchResult }> {
  // Check the case before scanning anything: a search that cannot be stored is wasted work.
  const stored = await withRegister(dataDir, (reg) => {
    const row = reg.row(ref);
    assertMove(ref, row.status, 'reviewing');
    return row.subject;
  });
  const subject = mergeSubjects(stored, opts);
  const { sources, result } = await runCliSearch(opts, dataDir, subject);
  await withRegister(dataDir, (reg) => keepSearchWithOriginals(reg, ref, result, sources));
  return { result };
}

function mergeSubjects(base: Subject, opts: SubjectOptions): Subject {
  const add = (a: string[], b: string[] | undefined) => [...new Set([...a, ...(b ?? [])])];
  return {
    names: add(base.names, opts.name),
    emails: add(base.emails, opts.email),
    phones: add(base.phones, opts.phone),
    nationalIds: add(base.nationalIds, opts.nationalId),
    others: add(base.others, opts.other),
  };
}

export interface CaseExportOptions extends SubjectOptions {
  case: string;
  /** Parsed --formats; all formats when undefined. */
  formats?: PackageFormat[];
  out: string;
  lang: Language;
  allowIncomplete?: boolean;
  review?: string;
}

/** `innsyn export --case REF`: the package from the hits stored and reviewed in the case. */
export async function exportForCase(opts: CaseExportOptions, dataDir: string, password: string | undefined): Promise<CaseExport> {
  const given = [opts.name, opts.email, opts.phone, opts.nationalId, opts.other, opts.source].some((x) => x && x.length > 0);
  if (given || opts.review) {
    throw new AppError(
      'INVALID_INPUT',
      `export --case uses the hits stored and reviewed in case ${opts.case}; it takes no identifiers, --source or --review. To change the hits, run "innsyn search --case ${opts.case}" again. Nothing was written.`,
    );
  }
  const workspace = await loadCliWorkspace(opts.workspace, dataDir);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await withRegister(dataDir, (reg) =>
      exportCase(reg, opts.case, {
        outFile: opts.out,
        controller: workspace.controller,
        lang: opts.lang,
        minConfidence: (opts.minConfidence ?? 'high') as Confidence,
        allowIncomplete: opts.allowIncomplete,
        formats: opts.formats,
        password,
        signal: controller.signal,
        resourcesDir,
        tool,
      }),
    );
  } finally {
    process.off('SIGINT', onSigint);
  }
}
