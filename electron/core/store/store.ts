import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { migrations, type Migration } from './migrations';

export const DB_FILE = 'innsyn.db';

export class MigrationError extends AppError {
  constructor(
    readonly migration: Migration,
    cause: Error,
  ) {
    super(
      'INTERNAL',
      `The local database could not be upgraded (step ${migration.version}, "${migration.name}"): ${cause.message}. ` +
        'Nothing was changed; your data is as it was. Make a copy of the data folder and contact support.',
    );
  }
}

export class NewerDatabaseError extends AppError {
  constructor(found: number, known: number) {
    super(
      'INTERNAL',
      `The local database was written by a newer version of Innsyn (schema ${found}, this version knows ${known}). ` +
        'Update Innsyn; the database was not opened, so nothing was changed.',
    );
  }
}

/**
 * Opens (creating if needed) the app's database in `dataDir`. WAL lets the CLI read while the
 * app writes; the busy timeout makes a second writer wait instead of failing at once. Deleted
 * content is overwritten with zeros (`secure_delete`): the register holds copies of people's
 * records, and a retention purge or a replaced search must not leave them readable in freed
 * pages of the file (see retention.ts for the journal).
 */
export function openStore(dataDir: string, list: readonly Migration[] = migrations): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, DB_FILE));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    migrate(db, list);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function migrate(db: Database.Database, list: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = (db.prepare('SELECT max(version) AS v FROM schema_migration').get() as { v: number | null }).v ?? 0;
  const known = list.reduce((m, x) => Math.max(m, x.version), 0);
  if (current > known) throw new NewerDatabaseError(current, known);
  const record = db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    try {
      db.transaction(() => {
        m.up(db);
        record.run(m.version, m.name, new Date().toISOString());
      })();
    } catch (err) {
      throw new MigrationError(m, err as Error);
    }
  }
}
