import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { Cell } from '../../../../shared/hit';
import type { SourceConfig } from '../../../../shared/workspace';
import type { PreparedSubject } from '../../match/prepare';
import { SourceError, type ScanContext, type Source, type SourceRecord } from '../source';
import { toCell } from './cell';

type SqliteConfig = Extract<SourceConfig, { kind: 'sqlite' }>;

export interface SqliteTableInfo {
  name: string;
  columns: string[];
  /** Primary-key columns; empty means the table is addressed by rowid. */
  primaryKey: string[];
  withoutRowid: boolean;
}

/** Double-quotes an identifier for SQLite, doubling embedded quotes. */
export function quoteSqliteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export class SqliteSource implements Source {
  private db: Database.Database | null = null;

  constructor(readonly config: SqliteConfig) {}

  /** Opens read-only: the DPO's search must never be able to change the company's data. */
  private open(): Database.Database {
    if (this.db) return this.db;
    if (!existsSync(this.config.path)) {
      throw new SourceError(`The SQLite file ${this.config.path} does not exist. Check the source's "path".`);
    }
    try {
      this.db = new Database(this.config.path, { readonly: true, fileMustExist: true });
      this.db.pragma('query_only = ON');
      // Reading the schema fails here, not mid-scan, when the file is not a database.
      this.db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      this.db?.close();
      this.db = null;
      throw new SourceError(
        `The file ${this.config.path} could not be opened as a SQLite database (${(err as Error).message}). ` +
          'It may be corrupt, encrypted or not a database.',
      );
    }
    return this.db;
  }

  tables(): SqliteTableInfo[] {
    const db = this.open();
    const rows = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
      .all() as Array<{ name: string; sql: string | null }>;
    return rows.map(({ name, sql }) => {
      const cols = db.prepare(`PRAGMA table_info(${quoteSqliteIdent(name)})`).all() as Array<{ name: string; pk: number }>;
      return {
        name,
        columns: cols.map((c) => c.name),
        primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        withoutRowid: /without\s+rowid\s*$/i.test(sql ?? ''),
      };
    });
  }

  async *scan(_subject: PreparedSubject, ctx: ScanContext): AsyncIterable<SourceRecord> {
    const db = this.open();
    let scanned = 0;
    for (const table of this.tables()) {
      const keyCols = table.primaryKey.length > 0 || table.withoutRowid ? table.primaryKey : [];
      const select = keyCols.length > 0 ? '*' : 'rowid AS "__rowid__", *';
      const stmt = db.prepare(`SELECT ${select} FROM ${quoteSqliteIdent(table.name)}`);
      for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
        if (ctx.signal.aborted) return;
        const fields: Record<string, Cell> = {};
        for (const col of table.columns) fields[col] = toCell(row[col]);
        const key: Record<string, string | number | null> = {};
        if (keyCols.length > 0) for (const k of keyCols) key[k] = fields[k] as string | number | null;
        else key.rowid = row.__rowid__ as number;
        scanned++;
        if (scanned % 5000 === 0) {
          ctx.onProgress({ scanned });
          // Let other sources and progress events run between batches.
          await new Promise((resolve) => setImmediate(resolve));
        }
        yield { location: { table: table.name, key }, fields };
      }
    }
    ctx.onProgress({ scanned });
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = null;
  }
}
