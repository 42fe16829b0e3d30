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
  {
    version: 2,
    name: 'case register',
    up(db) {
      db.exec(`
        -- One row per request. Deadlines are calendar dates (YYYY-MM-DD). audit_head and
        -- audit_count pin the end of the case's audit chain, so deleting the last entries
        -- is detected too, not only edits in the middle.
        CREATE TABLE case_file (
          id INTEGER PRIMARY KEY,
          ref TEXT NOT NULL UNIQUE,
          year INTEGER NOT NULL,
          seq INTEGER NOT NULL,
          subject_json TEXT NOT NULL,
          types_json TEXT NOT NULL,
          channel TEXT NOT NULL,
          received TEXT NOT NULL,
          status TEXT NOT NULL,
          deadline TEXT NOT NULL,
          verification_json TEXT,
          extension_json TEXT,
          rejection_reason TEXT,
          answered_on TEXT,
          closed_on TEXT,
          purged_on TEXT,
          notes_json TEXT NOT NULL DEFAULT '[]',
          audit_head TEXT NOT NULL DEFAULT '',
          audit_count INTEGER NOT NULL DEFAULT 0,
          UNIQUE (year, seq)
        );
        CREATE INDEX case_file_deadline ON case_file (deadline);

        -- The latest search in a case: what was searched (source configs, identifiers) and
        -- the per-source counts, including sources with no hits (Art. 5(2)).
        CREATE TABLE case_search (
          case_id INTEGER PRIMARY KEY REFERENCES case_file (id),
          at TEXT NOT NULL,
          subject_json TEXT NOT NULL,
          sources_json TEXT NOT NULL,
          configs_json TEXT NOT NULL
        );

        -- Each hit as it was found: what is reviewed is exactly what is exported.
        -- snapshot_json becomes NULL when the retention rule purges it.
        CREATE TABLE case_hit (
          case_id INTEGER NOT NULL REFERENCES case_file (id),
          hit_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          source TEXT NOT NULL,
          snapshot_json TEXT,
          snapshot_hash TEXT NOT NULL,
          PRIMARY KEY (case_id, hit_id)
        );

        CREATE TABLE case_decision (
          case_id INTEGER NOT NULL,
          hit_id TEXT NOT NULL,
          include INTEGER NOT NULL,
          reason TEXT NOT NULL,
          at TEXT NOT NULL,
          PRIMARY KEY (case_id, hit_id),
          FOREIGN KEY (case_id, hit_id) REFERENCES case_hit (case_id, hit_id) ON DELETE CASCADE
        );

        CREATE TABLE case_redaction (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL,
          hit_id TEXT NOT NULL,
          field TEXT NOT NULL,
          span_start INTEGER,
          span_end INTEGER,
          mode TEXT NOT NULL,
          reason TEXT NOT NULL,
          at TEXT NOT NULL,
          FOREIGN KEY (case_id, hit_id) REFERENCES case_hit (case_id, hit_id) ON DELETE CASCADE
        );

        -- Append-only, hash-chained per case. The triggers stop ordinary edits; the chain
        -- (verified by "innsyn case audit REF --verify") catches edits that bypass them.
        CREATE TABLE audit_entry (
          case_id INTEGER NOT NULL REFERENCES case_file (id),
          seq INTEGER NOT NULL,
          at TEXT NOT NULL,
          event TEXT NOT NULL,
          data_json TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL,
          PRIMARY KEY (case_id, seq)
        );
        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
          BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
          BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

        -- Settings the DPO can change, e.g. retentionDays.
        CREATE TABLE setting (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 3,
    name: 'exclusion ground',
    up(db) {
      // Why a hit was left out decides what the cover letter says: a namesake withholds
      // nothing from the person, third-party data must be mentioned (Art. 15(4)).
      db.exec(`ALTER TABLE case_decision ADD COLUMN ground TEXT`);
    },
  },
  {
    version: 4,
    name: 'original message fingerprint',
    up(db) {
      // The package carries a mail hit's original .eml, read from the mailbox at export
      // time; this SHA-256 from search time proves it is still the message that was reviewed.
      db.exec(`ALTER TABLE case_hit ADD COLUMN original_sha256 TEXT`);
    },
  },
  {
    version: 5,
    name: 'search suggestions',
    up(db) {
      // Possible aliases from the latest search in a case, waiting for the DPO to confirm or
      // dismiss them ({open, dismissed}); cleared with the record copies under retention.
      db.exec(`ALTER TABLE case_search ADD COLUMN suggestions_json TEXT`);
    },
  },
  {
    version: 6,
    name: 'hits in search order',
    up(db) {
      // A case's hits are always read in search order. Without this index SQLite sorted every
      // row, record copies included, in a temporary tree before returning the first: for a
      // case of 200,000 hits that was most of the time it took to open it for export.
      db.exec(`CREATE INDEX case_hit_position ON case_hit (case_id, position)`);
    },
  },
  {
    version: 7,
    name: 'hit facts for the package plan',
    up(db) {
      // Where each hit is, how sure, and a message's subject line (package/hit-feed.ts), and
      // its record's field names: planning a package read and parsed every record copy for
      // these, 2 of the 10 s it took to export a case of 200,000 hits. The index covers the
      // plan's query, so it reads the index alone and no record copy at all; it also serves
      // the writers' reads by position, as the index it replaces did. Personal data like the
      // copies (a subject line), so purged with them. Hits stored before stay NULL and are
      // planned from their copies. The second index lists the messages whose originals go in
      // the package without reading every row (their check before an export read them all).
      db.exec(`
        ALTER TABLE case_hit ADD COLUMN facts_json TEXT;
        ALTER TABLE case_hit ADD COLUMN fields_json TEXT;
        DROP INDEX case_hit_position;
        CREATE INDEX case_hit_plan ON case_hit (case_id, position, hit_id, source, facts_json, fields_json);
        CREATE INDEX case_hit_original ON case_hit (case_id, position, hit_id, original_sha256) WHERE original_sha256 IS NOT NULL;
      `);
    },
  },
];
