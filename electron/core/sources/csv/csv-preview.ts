import type { Cell } from '../../../../shared/hit';
import type { SourcePreview, TablePreview } from '../../../../shared/source-preview';
import { keyColumnOf, proposeLinks, type SampledTable } from '../tabular/propose-links';
import type { CsvSource } from './csv-source';
import { readTable } from './read-table';

/** Rows read per file to judge keys and propose links; the preview shows fewer. */
const SAMPLE_ROWS = 1000;

/** What the DPO checks before searching a CSV source: how each file was read, and likely links. */
export async function previewCsv(source: CsvSource, shownRows: number): Promise<SourcePreview> {
  const problems: string[] = [];
  const { tables, foreignKeys } = await source.schema((m) => problems.push(m));
  const previews: TablePreview[] = [];
  const samples: SampledTable[] = [];
  const signal = new AbortController().signal;
  for (const table of tables) {
    const rows: Array<Record<string, Cell>> = [];
    let complete = true;
    if (table.format.binary) {
      problems.push(`${table.name}: the file holds binary data, not text; it would not be searched.`);
    } else {
      const options = { signal, problem: (m: string) => problems.push(m), excludeColumns: excludedColumns(source, table.name) };
      for await (const rec of readTable(table, table.format, options)) {
        if (rows.length >= SAMPLE_ROWS) {
          complete = false;
          break;
        }
        rows.push(rec.fields);
      }
    }
    const sampled: SampledTable = { schema: table.schema, rows };
    samples.push(sampled);
    const key = keyColumnOf(sampled);
    previews.push({
      name: table.name,
      columns: table.schema.columns,
      primaryKey: key ? [key] : [],
      foreignKeys: foreignKeys
        .filter((fk) => fk.table === table.name)
        .map((fk) => ({ columns: fk.columns, references: { table: fk.refTable, columns: fk.refColumns }, origin: fk.origin })),
      ...(complete ? { rowCount: rows.length } : {}),
      rows: rows.slice(0, shownRows),
      encoding: table.format.encoding,
      delimiter: table.format.delimiter,
      header: table.format.header,
    });
  }
  return {
    source: source.config.id,
    kind: source.config.kind,
    tables: previews,
    excluded: [...(source.config.exclude?.tables ?? []), ...(source.config.exclude?.columns ?? [])],
    proposedLinks: proposeLinks(samples, foreignKeys),
    problems,
  };
}

function excludedColumns(source: CsvSource, table: string): Set<string> {
  const prefix = `${table}.`;
  return new Set((source.config.exclude?.columns ?? []).filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length)));
}
