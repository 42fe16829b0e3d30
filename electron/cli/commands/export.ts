import type { Command } from 'commander';
import { Option } from 'commander';
import type { Language } from '../../../shared/contract';
import { buildPackage } from '../../core/package/build-package';
import { resourcesDir, tool } from '../context';
import { EXIT } from '../exit-codes';
import { runCliSearch } from '../run-subject-search';
import { addSubjectOptions, minConfidenceOption, type SubjectOptions } from '../subject-options';

interface ExportOptions extends SubjectOptions {
  out: string;
  lang: Language;
  allowIncomplete?: boolean;
  json?: boolean;
}

export function registerExport(program: Command, dataDir: () => string): void {
  addSubjectOptions(program.command('export').description('search, then write the answer package (ZIP)'))
    .requiredOption('--out <file.zip>', 'where to write the package')
    .addOption(new Option('--lang <lang>', 'language of the cover letter').choices(['nb', 'en']).default('nb'))
    .addOption(minConfidenceOption())
    .option('--allow-incomplete', 'export even if a source failed (the manifest records the failure)')
    .option('--json', 'print a JSON summary on stdout')
    .action(async (opts: ExportOptions) => {
      const { workspace, sources, result } = await runCliSearch(opts, dataDir());
      const built = await buildPackage({
        outFile: opts.out,
        result,
        sources,
        controller: workspace.controller,
        lang: opts.lang,
        minConfidence: opts.minConfidence ?? 'high',
        allowIncomplete: opts.allowIncomplete,
        resourcesDir,
        tool,
      });
      const summary = {
        file: built.file,
        verified: built.verified,
        complete: built.manifest.complete,
        files: built.manifest.files.length + 1,
        sources: built.manifest.sources,
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        process.stdout.write(`Wrote ${built.file} (${summary.files} files, verified against its manifest).\n`);
        for (const s of built.manifest.sources) {
          process.stdout.write(`  ${s.id.padEnd(20)} ${s.status.padEnd(8)} ${s.hits} hits, ${s.included} included, ${s.heldBack} held back\n`);
        }
      }
      process.exitCode = built.manifest.complete ? EXIT.ok : EXIT.incomplete;
    });
}
