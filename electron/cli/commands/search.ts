import type { Command } from 'commander';
import type { SearchResult } from '../../../shared/search';
import { EXIT } from '../exit-codes';
import { runCliSearch } from '../run-subject-search';
import { searchForCase } from './case-search';
import { addSubjectOptions, type SubjectOptions } from '../subject-options';

export function registerSearch(program: Command, dataDir: () => string): void {
  addSubjectOptions(program.command('search').description('search the workspace’s sources for one person'))
    .option('--json', 'print only the result as JSON on stdout')
    .option('--case <ref>', 'search for the person in this case and store the hits with it for review')
    .action(async (opts: SubjectOptions & { json?: boolean; case?: string }) => {
      const { result } = opts.case ? await searchForCase(opts.case, opts, dataDir()) : await runCliSearch(opts, dataDir());
      process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(result));
      // Partial counts too: a skipped file or message means the answer may miss something.
      process.exitCode = result.sources.some((s) => s.status !== 'ok') ? EXIT.incomplete : EXIT.ok;
    });
}

function formatResult(result: SearchResult): string {
  const lines: string[] = ['Sources:'];
  for (const s of result.sources) {
    lines.push(`  ${s.id.padEnd(20)} ${s.kind.padEnd(8)} ${s.status.padEnd(8)} ${String(s.scanned).padStart(9)} searched ${String(s.hits).padStart(6)} hits  ${s.ms} ms`);
    if (s.error) lines.push(`      error: ${s.error}`);
    for (const p of s.problems ?? []) lines.push(`      problem: ${p}`);
  }
  lines.push('', `Hits: ${result.hits.length}`);
  for (const h of result.hits) {
    const where = 'table' in h.location ? h.location.table : h.location.file;
    lines.push(`  ${h.confidence.padEnd(6)} ${h.score.toFixed(2)}  ${h.id}  ${where}${h.relatedTo ? `  (related to ${h.relatedTo})` : ''}`);
    for (const r of h.reasons) lines.push(`           ${r}`);
  }
  return `${lines.join('\n')}\n`;
}
