import type { Command } from 'commander';
import { AppError } from '../../../shared/errors';
import type { SourcePreview, TablePreview } from '../../../shared/source-preview';
import { DEFAULT_PREVIEW_ROWS, previewSource } from '../../core/sources/tabular/preview-source';
import { chooseSources, loadCliWorkspace } from '../run-subject-search';

/** `innsyn source preview`: how Innsyn reads a CSV folder or database, before searching it. */
export function registerSource(program: Command, dataDir: () => string): void {
  const source = program.command('source').description('look at a source of the workspace');
  source
    .command('preview')
    .description('show tables, columns, keys, encoding, the first rows and proposed links of a CSV or database source')
    .option('--workspace <file>', 'workspace file (default: the workspace imported into the app)')
    .requiredOption('--source <id>', 'the source to preview')
    .option('--rows <n>', 'rows to show per table', String(DEFAULT_PREVIEW_ROWS))
    .option('--json', 'print the preview as JSON on stdout')
    .action(async (opts: { workspace?: string; source: string; rows: string; json?: boolean }) => {
      const rows = Number(opts.rows);
      if (!Number.isInteger(rows) || rows < 0 || rows > 100) {
        throw new AppError('INVALID_INPUT', '--rows must be a whole number from 0 to 100.');
      }
      const ws = await loadCliWorkspace(opts.workspace, dataDir());
      const [config] = chooseSources(ws, [opts.source]);
      const preview = await previewSource(config, rows);
      process.stdout.write(opts.json ? `${JSON.stringify(preview, null, 2)}\n` : formatPreview(preview));
    });
}

function formatPreview(p: SourcePreview): string {
  const out: string[] = [`Source ${p.source} (${p.kind}): ${p.tables.length} table(s)`];
  for (const t of p.tables) out.push('', ...formatTable(t));
  if (p.excluded.length > 0) out.push('', `Left out by "exclude": ${p.excluded.join(', ')}`);
  out.push('', p.proposedLinks.length > 0 ? 'Proposed links (not used until added to "links" in the workspace):' : 'No links to propose.');
  for (const l of p.proposedLinks) out.push(`  {"from": "${l.from}", "to": "${l.to}"}   ${l.reason}`);
  if (p.problems.length > 0) out.push('', 'Problems:', ...p.problems.map((m) => `  ${m}`));
  return `${out.join('\n')}\n`;
}

function formatTable(t: TablePreview): string[] {
  const format = t.encoding ? `  encoding ${t.encoding}, delimiter ${JSON.stringify(t.delimiter)}, ${t.header ? 'header row' : 'no header row'}` : '';
  const lines = [`${t.name}${t.rowCount !== undefined ? ` (${t.rowCount} rows)` : ''}${format}`];
  lines.push(`  columns: ${t.columns.map((c) => `${c.name} ${c.type}${t.primaryKey.includes(c.name) ? ' [key]' : ''}`).join(', ')}`);
  for (const fk of t.foreignKeys) {
    lines.push(`  ${fk.columns.join(', ')} → ${fk.references.table}.${fk.references.columns.join(', ')} (${fk.origin === 'link' ? 'declared link' : 'foreign key'})`);
  }
  for (const row of t.rows) {
    lines.push(`  | ${t.columns.map((c) => clip(row[c.name])).join(' | ')}`);
  }
  return lines;
}

function clip(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value).replace(/\s+/g, ' ');
  return s.length > 24 ? `${s.slice(0, 23)}…` : s;
}
