import type { Exclude, Link } from '../../../../shared/workspace';

/** What a tabular source (CSV folder or database) knows about one table. */
export interface TableSchema {
  name: string;
  columns: Array<{ name: string; type: string }>;
  primaryKey: string[];
}

/**
 * A child → parent relation: rows of `table` whose `columns` equal a parent row's
 * `refColumns` belong with that parent. Declared in the schema, or in the workspace's links.
 */
export interface ForeignKey {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  origin: 'schema' | 'link';
}

export function describeForeignKey(fk: ForeignKey): string {
  return `${fk.table}.${fk.columns.join('+')} → ${fk.refTable}.${fk.refColumns.join('+')}`;
}

/** Splits "table.column" at its only dot (the workspace schema guarantees there is one). */
export function splitColumnRef(ref: string): { table: string; column: string } {
  const dot = ref.indexOf('.');
  return { table: ref.slice(0, dot), column: ref.slice(dot + 1) };
}

/**
 * Turns the workspace's declared links into foreign keys, checking each end against the
 * tables found. A link to a table or column that does not exist is reported, not guessed at:
 * following a mistyped link could pull in other people's rows.
 */
export function linksToForeignKeys(
  links: readonly Link[] | undefined,
  tables: readonly TableSchema[],
  problem: (message: string) => void,
): ForeignKey[] {
  const out: ForeignKey[] = [];
  for (const link of links ?? []) {
    const from = splitColumnRef(link.from);
    const to = splitColumnRef(link.to);
    const missing = [from, to].find(
      (end) => !tables.some((t) => t.name === end.table && t.columns.some((c) => c.name === end.column)),
    );
    if (missing) {
      problem(
        `the link ${link.from} → ${link.to} was not followed: ${missing.table}.${missing.column} was not found ` +
          '(the table or column is missing or left out). Check the spelling in the workspace.',
      );
      continue;
    }
    out.push({ table: from.table, columns: [from.column], refTable: to.table, refColumns: [to.column], origin: 'link' });
  }
  return out;
}

/** Applies the workspace's `exclude` to discovered tables: excluded tables and columns disappear. */
export function applyExclude(tables: readonly TableSchema[], exclude: Exclude | undefined): TableSchema[] {
  const tablesOut = new Set(exclude?.tables ?? []);
  const columnsOut = new Set(exclude?.columns ?? []);
  return tables
    .filter((t) => !tablesOut.has(t.name))
    .map((t) => ({ ...t, columns: t.columns.filter((c) => !columnsOut.has(`${t.name}.${c.name}`)) }));
}

/** Names in `exclude` that match nothing: usually a typo, and the DPO should know. */
export function unknownExcludes(tables: readonly TableSchema[], exclude: Exclude | undefined): string[] {
  const unknown: string[] = [];
  for (const name of exclude?.tables ?? []) if (!tables.some((t) => t.name === name)) unknown.push(name);
  for (const ref of exclude?.columns ?? []) {
    const { table, column } = splitColumnRef(ref);
    if (!tables.some((t) => t.name === table && t.columns.some((c) => c.name === column))) unknown.push(ref);
  }
  return unknown;
}
