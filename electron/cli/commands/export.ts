import type { Command } from 'commander';
import { Option } from 'commander';
import type { Language } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { formatsProblem, normaliseFormats, packageFormats, type PackageFormat } from '../../../shared/package-formats';
import { buildPackage, type BuiltPackage } from '../../core/package/build-package';
import { readPasswordFile, readReviewFile } from '../../core/package/package-inputs';
import { resourcesDir, tool } from '../context';
import { EXIT } from '../exit-codes';
import { runCliSearch } from '../run-subject-search';
import { exportForCase } from './case-search';
import { addSubjectOptions, minConfidenceOption, type SubjectOptions } from '../subject-options';

interface ExportOptions extends SubjectOptions {
  out: string;
  lang: Language;
  allowIncomplete?: boolean;
  encrypt?: boolean;
  passwordFile?: string;
  review?: string;
  json?: boolean;
  formats?: string;
}

/**
 * `--formats json,xlsx,eml`: what goes in besides the letter, readme and manifest. Checked
 * before anything is searched, so a typo costs nothing (exit code 2).
 */
export function parseFormats(value: string | undefined): PackageFormat[] | undefined {
  if (value === undefined) return undefined;
  const given = value.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f.length > 0);
  const problem = given.length === 0 ? `--formats needs a list such as ${packageFormats.join(',')}.` : formatsProblem(given);
  if (problem) throw new AppError('INVALID_INPUT', `${problem.replace(/^Choose/, '--formats: choose')} Example: --formats json,xlsx. Nothing was written.`);
  return normaliseFormats(given as PackageFormat[]);
}

export function registerExport(program: Command, dataDir: () => string): void {
  addSubjectOptions(program.command('export').description('search, then write the answer package (ZIP)'))
    .requiredOption('--out <file.zip>', 'where to write the package')
    .addOption(new Option('--lang <lang>', 'language of the cover letter').choices(['nb', 'en']).default('nb'))
    .addOption(minConfidenceOption())
    .option('--allow-incomplete', 'export even if a source failed (the manifest records the failure; exit code 3)')
    .option('--encrypt', 'encrypt the ZIP with AES-256 (needs --password-file)')
    .option('--password-file <file>', 'file holding the passphrase for --encrypt')
    .option('--formats <list>', `what the package holds besides letter, readme and manifest: comma-separated ${packageFormats.join(', ')}; json or xlsx required`, packageFormats.join(','))
    .option('--review <file.json>', 'reviewer decisions and redactions to apply (see electron/core/package/review.ts)')
    .option('--json', 'print a JSON summary on stdout')
    .option('--case <ref>', 'export the hits stored and reviewed in this case, applying its decisions and redactions')
    .action(async (opts: ExportOptions & { case?: string }) => {
      const formats = parseFormats(opts.formats);
      if (opts.encrypt && !opts.passwordFile) {
        throw new AppError('INVALID_INPUT', '--encrypt needs --password-file FILE (a file holding the passphrase). Nothing was written.');
      }
      const password = opts.encrypt && opts.passwordFile ? await readPasswordFile(opts.passwordFile) : undefined;
      if (opts.case) {
        const built = await exportForCase({ ...opts, case: opts.case, formats }, dataDir(), password);
        printSummary(built, opts.json ?? false);
        process.exitCode = built.manifest.complete ? EXIT.ok : EXIT.incomplete;
        return;
      }
      const review = opts.review ? await readReviewFile(opts.review) : undefined;
      const { workspace, sources, result } = await runCliSearch(opts, dataDir());
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      let built: BuiltPackage;
      try {
        built = await buildPackage({
          outFile: opts.out,
          result,
          sources,
          controller: workspace.controller,
          lang: opts.lang,
          minConfidence: opts.minConfidence ?? 'high',
          review,
          allowIncomplete: opts.allowIncomplete,
          formats,
          password,
          resourcesDir,
          tool,
          signal: controller.signal,
        });
      } finally {
        process.off('SIGINT', onSigint);
      }
      printSummary(built, opts.json ?? false);
      process.exitCode = built.manifest.complete ? EXIT.ok : EXIT.incomplete;
    });
}

function printSummary(built: BuiltPackage, json: boolean): void {
  const m = built.manifest;
  if (json) {
    const summary = {
      file: built.file,
      size: built.size,
      verified: built.verified,
      entriesChecked: built.verification.entriesChecked,
      complete: m.complete,
      encryption: m.encryption,
      formats: m.formats,
      files: m.files.length + 1,
      review: m.review,
      sources: m.sources,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const how = m.encryption ? ', AES-256 encrypted' : '';
  process.stdout.write(`Wrote ${built.file} (${m.files.length + 1} files: ${m.formats.join(', ')} with letter, readme and manifest; ${built.size} bytes${how}; all ${built.verification.entriesChecked} entries verified against the manifest).\n`);
  for (const s of m.sources) {
    const failed = s.status === 'error' ? ' (FAILED, recorded in the manifest)' : '';
    process.stdout.write(`  ${s.id.padEnd(20)} ${s.status.padEnd(8)} ${s.hits} hits, ${s.included} included, ${s.heldBack} held back, ${s.excluded} excluded${failed}\n`);
  }
}
