import type { Cell } from '../../../../shared/hit';
import type { PrefilterTerms } from '../../match/prefilter';
import type { TableSchema } from '../tabular/table-schema';
import { ROW_SEPARATOR, SqlParams, type SqlDialect } from './dialect';

export interface BuiltQuery {
  sql: string;
  params: unknown[];
}

/** Column types whose values are shown as "[binary data]" and never contain the subject's text. */
export function isBinaryType(type: string): boolean {
  return /^(bytea|blob|tinyblob|mediumblob|longblob|binary|varbinary|image)\b/i.test(type.trim());
}

/** The columns a row is read with: key columns (to cite the row) plus the visible ones. */
export function selectList(dialect: SqlDialect, table: TableSchema, keyColumns: readonly string[], rowid?: string): string {
  const names = [...new Set([...keyColumns, ...table.columns.map((c) => c.name)])];
  const cols = names.map((n) => dialect.quoteIdent(n));
  if (rowid) cols.unshift(rowid);
  return cols.join(', ');
}

/**
 * The search pushed into the engine. It keeps exactly the promise of prefilterTerms: a row
 * is returned when some column, as case-folded text, contains one of the text terms, or,
 * with non-digits removed, contains one of the digit terms. Never narrower, so the matcher
 * still sees every row it could accept; the values travel only as parameters.
 */
export function prefilterQuery(
  dialect: SqlDialect,
  table: TableSchema,
  terms: PrefilterTerms,
  select: string,
): BuiltQuery | null {
  const params = new SqlParams(dialect);
  const searchable = table.columns.filter((c) => !isBinaryType(c.type)).map((c) => dialect.quoteIdent(c.name));
  // Data stored decomposed ("A" + combining ring for "Å") holds the decomposed term, so both
  // forms are searched: cheaper than normalising every value inside the engine.
  const text = [...new Set(terms.text.flatMap((t) => [t, t.normalize('NFD')]))];
  if (searchable.length === 0 || text.length + terms.digits.length === 0) return null;
  let where: string;
  if (dialect.rowFilter && !text.some((t) => t.includes(ROW_SEPARATOR))) {
    where = dialect.rowFilter(
      searchable,
      text.map((t) => params.add(t)),
      terms.digits.map((d) => params.add(d)),
    );
  } else {
    const conditions: string[] = [];
    for (const col of searchable) {
      for (const term of text) conditions.push(dialect.contains(dialect.lowerText(col), params.add(term)));
      for (const digits of terms.digits) conditions.push(dialect.contains(dialect.digitsText(col), params.add(digits)));
    }
    where = conditions.join(' OR ');
  }
  return {
    sql: `SELECT ${select} FROM ${dialect.quoteIdent(table.name)} WHERE ${where}`,
    params: params.values,
  };
}

/** Keys per query when following relations: small enough for every engine's parameter limit. */
export const KEY_BATCH = 200;

/** Rows whose `columns` equal one of the key tuples; one query per batch of keys. */
export function childRowsQueries(
  dialect: SqlDialect,
  table: TableSchema,
  columns: readonly string[],
  keys: readonly Cell[][],
  select: string,
): BuiltQuery[] {
  const out: BuiltQuery[] = [];
  for (let i = 0; i < keys.length; i += KEY_BATCH) {
    const params = new SqlParams(dialect);
    const batch = keys.slice(i, i + KEY_BATCH);
    let where: string;
    if (columns.length === 1) {
      const col = dialect.quoteIdent(columns[0]);
      where = `${col} IN (${batch.map((k) => params.add(k[0])).join(', ')})`;
    } else {
      where = batch
        .map((k) => `(${columns.map((c, j) => `${dialect.quoteIdent(c)} = ${params.add(k[j])}`).join(' AND ')})`)
        .join(' OR ');
    }
    out.push({ sql: `SELECT ${select} FROM ${dialect.quoteIdent(table.name)} WHERE ${where}`, params: params.values });
  }
  return out;
}

export function countQuery(dialect: SqlDialect, table: string): string {
  return `SELECT count(*) AS n FROM ${dialect.quoteIdent(table)}`;
}

export function firstRowsQuery(dialect: SqlDialect, table: TableSchema, select: string, limit: number): string {
  return `SELECT ${select} FROM ${dialect.quoteIdent(table.name)} LIMIT ${Math.max(0, Math.floor(limit))}`;
}
