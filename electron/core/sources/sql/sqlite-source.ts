import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { SourceConfig } from '../../../../shared/workspace';
import { digitsOnly } from '../../match/normalise';
import { SourceError } from '../source';
import type { ForeignKey, TableSchema } from '../tabular/table-schema';
import { sqliteDialect } from './dialect';
import type { DiscoveredSchema, SqlRow, SqlSession, TableFailure } from './session';
import { SqlSource, type SqlSourceOptions } from './sql-source';

type SqliteConfig = Extract<SourceConfig, { kind: 'sqlite' }>;

/** Double-quotes an identifier for SQLite, doubling embedded quotes. */
export const quoteSqliteIdent = sqliteDialect.quoteIdent;

export class SqliteSource extends SqlSource {
  constructor(
    override readonly config: SqliteConfig,
    options: SqlSourceOptions = {},
  ) {
    super(config, options);
  }

  protected async openSession(): Promise<SqlSession> {
    return openSqliteSession(this.config.path);
  }

  protected tableFailure(err: unknown): TableFailure | null {
    const msg = (err as Error).message ?? '';
    return /no such table/i.test(msg) ? 'missing' : null;
  }
}

/** Opens read-only: the DPO's search must never be able to change the company's data. */
function openSqliteSession(file: string): SqlSession {
  if (!existsSync(file)) {
    throw new SourceError(`The SQLite file ${file} does not exist. Check the source's "path".`);
  }
  // SQLite's open() blocks forever on a FIFO, and better-sqlite3 is synchronous: one such
  // path would freeze every source. Only regular files are databases.
  if (!statSync(file).isFile()) {
    throw new SourceError(`The SQLite path ${file} is not a regular file (a folder, pipe or device?). Check the source's "path".`);
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('query_only = ON');
    // Reading the schema fails here, not mid-scan, when the file is not a database.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db?.close();
    throw new SourceError(
      `The file ${file} could not be opened as a SQLite database (${(err as Error).message}). ` +
        'It may be corrupt, encrypted or not a database.',
    );
  }
  const conn = db;
  // The same folding the matcher uses (see match/normalise.ts), so the push-down is never narrower.
  conn.function('innsyn_lower', { deterministic: true }, (v: unknown) =>
    v === null || v instanceof Uint8Array ? null : String(v).normalize('NFC').toLocaleLowerCase('nb'),
  );
  conn.function('innsyn_digits', { deterministic: true }, (v: unknown) =>
    v === null || v instanceof Uint8Array ? null : digitsOnly(String(v)),
  );
  return {
    dialect: sqliteDialect,
    rowid: { expression: 'rowid', alias: 'rowid' },
    discover: async () => discoverSqlite(conn),
    async *rows(sql: string, params: readonly unknown[]): AsyncIterable<SqlRow> {
      const stmt = conn.prepare(sql);
      const named = Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]));
      if (!stmt.reader) {
        // Not a query: run it, so the engine itself refuses (the file is opened read-only).
        if (params.length > 0) stmt.run(named);
        else stmt.run();
        return;
      }
      let n = 0;
      for (const row of (params.length > 0 ? stmt.iterate(named) : stmt.iterate()) as Iterable<SqlRow>) {
        yield row;
        // Let other sources and progress events run between batches.
        if (++n % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    },
    close: async () => {
      conn.close();
    },
  };
}

function discoverSqlite(db: Database.Database): DiscoveredSchema {
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .all() as Array<{ name: string; sql: string | null }>;
  const tables: TableSchema[] = [];
  const foreignKeys: ForeignKey[] = [];
  for (const { name } of rows) {
    const q = quoteSqliteIdent(name);
    const cols = db.prepare(`PRAGMA table_info(${q})`).all() as Array<{ name: string; type: string; pk: number }>;
    const primaryKey = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    tables.push({ name, columns: cols.map((c) => ({ name: c.name, type: c.type || 'any' })), primaryKey });
    const fks = db.prepare(`PRAGMA foreign_key_list(${q})`).all() as Array<{
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string | null;
    }>;
    const byId = new Map<number, typeof fks>();
    for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
    for (const parts of byId.values()) {
      parts.sort((a, b) => a.seq - b.seq);
      foreignKeys.push({
        table: name,
        columns: parts.map((p) => p.from),
        refTable: parts[0].table,
        // A foreign key without target columns refers to the parent's primary key.
        refColumns: parts.map((p, i) => p.to ?? parentPrimaryKey(db, parts[0].table)[i] ?? 'rowid'),
        origin: 'schema',
      });
    }
  }
  // SQLite matches table names case-insensitively; use the name as the table declares it.
  for (const fk of foreignKeys) {
    const actual = tables.find((t) => t.name.toLowerCase() === fk.refTable.toLowerCase());
    if (actual) fk.refTable = actual.name;
  }
  return { tables, foreignKeys };
}

function parentPrimaryKey(db: Database.Database, table: string): string[] {
  const cols = db.prepare(`PRAGMA table_info(${quoteSqliteIdent(table)})`).all() as Array<{ name: string; pk: number }>;
  return cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
}
