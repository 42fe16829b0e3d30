import type { ForeignKey, TableSchema } from '../tabular/table-schema';
import type { SqlDialect } from './dialect';

export type SqlRow = Record<string, unknown>;

/** What the engine's catalogue says: tables (with columns, types, primary keys) and declared foreign keys. */
export interface DiscoveredSchema {
  tables: TableSchema[];
  foreignKeys: ForeignKey[];
}

/**
 * One read-only connection to a database. Each engine implements it once; everything else
 * (push-down, relations, preview) is shared. A failing query must leave the session usable,
 * so one unreadable table does not stop the others from being searched.
 */
export interface SqlSession {
  readonly dialect: SqlDialect;
  /** How a row without a primary key is cited: an engine row id expression, or null to use all its values. */
  readonly rowid: { expression: string; alias: string } | null;
  discover(): Promise<DiscoveredSchema>;
  rows(sql: string, params: readonly unknown[]): AsyncIterable<SqlRow>;
  close(): Promise<void>;
}

/** Why one table could not be read, when the rest of the database still can be. */
export type TableFailure = 'permission' | 'missing';
