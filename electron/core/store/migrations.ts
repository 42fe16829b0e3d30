import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Append-only: a released migration is never edited, only followed by a new one. Each runs
 * in its own transaction together with the row that records it.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'workspace',
    up(db) {
      db.exec(`
        -- The workspace the app works on: controller details and configured sources. Paths
        -- are stored absolute; passwords never (they live in the OS keychain).
        CREATE TABLE controller (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          json TEXT NOT NULL
        );
        CREATE TABLE source (
          id TEXT PRIMARY KEY,
          position INTEGER NOT NULL,
          json TEXT NOT NULL
        );
      `);
    },
  },
];
