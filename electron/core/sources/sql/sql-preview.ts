import type { Cell } from '../../../../shared/hit';
import type { SourcePreview, TablePreview } from '../../../../shared/source-preview';
import { proposeLinks, type SampledTable } from '../tabular/propose-links';
import { countQuery, firstRowsQuery } from './queries';
import type { SqlSource } from './sql-source';

/** Rows read per table to propose links; the preview shows fewer. */
const SAMPLE_ROWS = 1000;

/** What the DPO checks before searching a database: tables, types, keys, first rows, likely links. */
export async function previewSql(source: SqlSource, shownRows: number): Promise<SourcePreview> {
  const problems: string[] = [];
  const session = await source.session();
  const { tables, foreignKeys } = await source.schema((m) => problems.push(m));
  const previews: TablePreview[] = [];
  const samples: SampledTable[] = [];
  for (const table of tables) {
    const rows: Array<Record<string, Cell>> = [];
    let rowCount: number | undefined;
    try {
      for await (const r of session.rows(countQuery(session.dialect, table.name), [])) rowCount = Number((r as { n: unknown }).n);
      const sql = firstRowsQuery(session.dialect, table, source.select(session, table), SAMPLE_ROWS);
      for await (const row of session.rows(sql, [])) rows.push(source.toRecord(session, table, row).fields);
    } catch (err) {
      const failure = source.failureOf(err);
      if (!failure) throw err;
      problems.push(
        failure === 'permission'
          ? `table ${table.name}: permission denied for this database user; it would not be searched.`
          : `table ${table.name}: it no longer exists in the database.`,
      );
    }
    samples.push({ schema: table, rows });
    previews.push({
      name: table.name,
      columns: table.columns,
      primaryKey: table.primaryKey,
      foreignKeys: foreignKeys
        .filter((fk) => fk.table === table.name)
        .map((fk) => ({ columns: fk.columns, references: { table: fk.refTable, columns: fk.refColumns }, origin: fk.origin })),
      ...(rowCount !== undefined ? { rowCount } : {}),
      rows: rows.slice(0, shownRows),
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
