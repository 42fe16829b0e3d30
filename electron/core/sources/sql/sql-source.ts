import type { Cell, KeyLocation } from '../../../../shared/hit';
import type { SourceConfig } from '../../../../shared/workspace';
import { prefilterTerms } from '../../match/prefilter';
import type { PreparedSubject } from '../../match/prepare';
import type { RelatedRecord, ScanContext, Source, SourceRecord } from '../source';
import { followRelations, type FollowOptions } from '../tabular/follow-relations';
import {
  applyExclude,
  linksToForeignKeys,
  unknownExcludes,
  type ForeignKey,
  type TableSchema,
} from '../tabular/table-schema';
import { toCell } from './cell';
import { childRowsQueries, countQuery, prefilterQuery, selectList } from './queries';
import type { SqlRow, SqlSession, TableFailure } from './session';

type SqlConfig = Extract<SourceConfig, { kind: 'sqlite' | 'postgres' | 'mysql' }>;

export interface SqlSourceOptions extends Pick<FollowOptions, 'maxDepth'> {
  /**
   * Where the desktop app keeps a server password (the OS keychain); used when the workspace
   * names no `passwordEnv`. Returns null when none is stored.
   */
  password?: () => Promise<string | null>;
}

/** The searchable view of a database: tables after `exclude`, and every relation to follow. */
export interface SqlModel {
  tables: TableSchema[];
  foreignKeys: ForeignKey[];
}

/**
 * Everything the three SQL kinds share. An engine supplies a read-only session and says
 * which of its errors mean "this one table cannot be read"; the search is pushed down into
 * the engine, relations are followed with parameterised key lookups.
 */
export abstract class SqlSource implements Source {
  private sessionPromise: Promise<SqlSession> | null = null;
  private model: SqlModel | null = null;

  constructor(
    readonly config: SqlConfig,
    protected readonly options: SqlSourceOptions = {},
  ) {}

  protected abstract openSession(): Promise<SqlSession>;
  /** Returns what kind of per-table failure an error is, or null when the whole source failed. */
  protected abstract tableFailure(err: unknown): TableFailure | null;

  /** Whether an error means one table could not be read (the rest of the database still can). */
  failureOf(err: unknown): TableFailure | null {
    return this.tableFailure(err);
  }

  /** The open, read-only session (opened on first use). Exposed so tests can prove writes fail. */
  session(): Promise<SqlSession> {
    this.sessionPromise ??= this.openSession();
    return this.sessionPromise;
  }

  async schema(problem: (message: string) => void = () => {}): Promise<SqlModel> {
    if (this.model) return this.model;
    const discovered = await (await this.session()).discover();
    for (const name of unknownExcludes(discovered.tables, this.config.exclude)) {
      problem(`"${name}" in exclude was not found in the database; check the spelling.`);
    }
    const tables = applyExclude(discovered.tables, this.config.exclude);
    const visible = (fk: ForeignKey) =>
      // A table pointing at itself (ReportsTo, referred_by, parent_id) links one person to
      // another, not a person to their own data, so it is never followed.
      fk.table !== fk.refTable &&
      [fk.table, fk.refTable].every((name) => tables.some((t) => t.name === name)) &&
      fk.columns.every((c) => columnUsable(tables, fk.table, c)) &&
      fk.refColumns.every((c) => columnUsable(tables, fk.refTable, c));
    const foreignKeys = [...discovered.foreignKeys.filter(visible), ...linksToForeignKeys(this.config.links, tables, problem)];
    this.model = { tables, foreignKeys };
    return this.model;
  }

  async *scan(subject: PreparedSubject, ctx: ScanContext): AsyncIterable<SourceRecord> {
    const session = await this.session();
    const { tables } = await this.schema(ctx.problem);
    if (tables.length === 0) ctx.problem('no tables were found to search (check the database, schema and exclude).');
    const terms = prefilterTerms(subject);
    let scanned = 0;
    for (const table of tables) {
      if (ctx.signal.aborted) return;
      const searchTable = async function* (source: SqlSource): AsyncIterable<SourceRecord> {
        const [{ n }] = await collect(session.rows(countQuery(session.dialect, table.name), []));
        const query = prefilterQuery(session.dialect, table, terms, source.select(session, table));
        if (query) {
          for await (const row of session.rows(query.sql, query.params)) {
            if (ctx.signal.aborted) return;
            yield source.toRecord(session, table, row);
          }
        }
        scanned += Number(n);
        ctx.onProgress({ scanned });
      };
      yield* this.guardTable(table.name, searchTable(this), ctx);
    }
  }

  async *related(matched: readonly SourceRecord[], ctx: ScanContext): AsyncIterable<RelatedRecord> {
    const session = await this.session();
    const { tables, foreignKeys } = await this.schema(ctx.problem);
    const childRows = async function* (source: SqlSource, table: TableSchema, columns: readonly string[], keys: readonly Cell[][]) {
      for (const q of childRowsQueries(session.dialect, table, columns, keys, source.select(session, table))) {
        for await (const row of session.rows(q.sql, q.params)) yield source.toRecord(session, table, row);
      }
    };
    const finder = {
      rowsWhere: (tableName: string, columns: readonly string[], keys: readonly Cell[][]) => {
        const table = tables.find((t) => t.name === tableName);
        return this.guardTable(tableName, table ? childRows(this, table, columns, keys) : emptyRows(), ctx);
      },
    };
    yield* followRelations(matched, foreignKeys, finder, {
      maxDepth: this.options.maxDepth,
      signal: ctx.signal,
      depthLimitReached: (d) =>
        ctx.problem(`related rows were followed ${d} steps from each hit; rows further away were not searched.`),
    });
  }

  /** Runs one table's work; a table the user may not read becomes a problem, not a failed source. */
  protected async *guardTable(table: string, work: AsyncIterable<SourceRecord>, ctx: ScanContext): AsyncIterable<SourceRecord> {
    try {
      yield* work;
    } catch (err) {
      const failure = this.tableFailure(err);
      if (!failure) throw err;
      ctx.problem(
        failure === 'permission'
          ? `table ${table}: permission denied for this database user, so it was not searched. The other tables were searched.`
          : `table ${table}: it no longer exists in the database, so it was not searched. The other tables were searched.`,
      );
    }
  }

  keyColumns(table: TableSchema): string[] {
    return table.primaryKey.length > 0 ? table.primaryKey : [];
  }

  select(session: SqlSession, table: TableSchema): string {
    const keys = this.keyColumns(table);
    const rowid = keys.length === 0 && session.rowid ? `${session.rowid.expression} AS ${session.dialect.quoteIdent(session.rowid.alias)}` : undefined;
    return selectList(session.dialect, table, keys, rowid);
  }

  toRecord(session: SqlSession, table: TableSchema, row: SqlRow): SourceRecord {
    const fields: Record<string, Cell> = {};
    for (const col of table.columns) fields[col.name] = toCell(row[col.name]);
    const key: KeyLocation['key'] = {};
    const keys = this.keyColumns(table);
    if (keys.length > 0) for (const k of keys) key[k] = keyCell(toCell(row[k]));
    else if (session.rowid) key[session.rowid.alias] = keyCell(toCell(row[session.rowid.alias]));
    // No key at all: the row is cited by its values, the only stable way to find it again.
    else for (const col of table.columns) key[col.name] = keyCell(fields[col.name]);
    return { location: { table: table.name, key }, fields };
  }

  async close(): Promise<void> {
    const pending = this.sessionPromise;
    this.sessionPromise = null;
    this.model = null;
    if (pending) await (await pending.catch(() => null))?.close();
  }
}

function columnUsable(tables: readonly TableSchema[], table: string, column: string): boolean {
  const t = tables.find((x) => x.name === table);
  return !!t && (t.columns.some((c) => c.name === column) || t.primaryKey.includes(column));
}

function keyCell(cell: Cell): string | number | null {
  return typeof cell === 'boolean' ? String(cell) : cell;
}

async function* emptyRows(): AsyncIterable<SourceRecord> {}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

export type { SqlConfig };
