import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SubjectSchema } from '../../../shared/subject';
import { buildPackage } from '../../core/package/build-package';
import { runSearch } from '../../core/search/run-search';
import { loadWorkspaceFile } from '../../core/workspace/load';
import { resourcesDir, tool } from '../context';
import { EXIT } from '../exit-codes';
import { terminalProgress } from '../progress';

/** Runs the whole job on the shipped demo workspace, so a newcomer sees a real package at once. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('search the demo workspace for its demo person and write the package')
    .option('--out <file.zip>', 'where to write the package', 'innsyn-demo.zip')
    .option('--lang <lang>', 'nb or en', 'nb')
    .action(async (opts: { out: string; lang: 'nb' | 'en' }) => {
      const demoDir = path.join(resourcesDir, 'demo');
      const workspace = await loadWorkspaceFile(path.join(demoDir, 'workspace.json'));
      const subject = SubjectSchema.parse(JSON.parse(await readFile(path.join(demoDir, 'person.json'), 'utf8')));
      const result = await runSearch({ sources: workspace.sources, subject, onProgress: terminalProgress() });
      const built = await buildPackage({
        outFile: opts.out,
        result,
        sources: workspace.sources,
        controller: workspace.controller,
        lang: opts.lang === 'en' ? 'en' : 'nb',
        minConfidence: 'high',
        resourcesDir,
        tool,
      });
      process.stdout.write(`Searched ${result.sources.length} demo sources for ${subject.names.join(', ')}.\n`);
      for (const s of built.manifest.sources) {
        process.stdout.write(`  ${s.label.padEnd(32)} ${s.status.padEnd(7)} ${String(s.scanned).padStart(4)} records, ${s.hits} hits, ${s.included} included\n`);
      }
      process.stdout.write(
        `Wrote ${built.file} (${built.manifest.files.length + 1} files, ${built.size} bytes; ` +
          `all ${built.verification.entriesChecked} entries read back and verified against the manifest).\n`,
      );
      process.exitCode = built.manifest.complete ? EXIT.ok : EXIT.incomplete;
    });
}
