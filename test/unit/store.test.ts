import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, MigrationError, NewerDatabaseError, migrate, openStore } from '../../electron/core/store/store';
import { migrations, type Migration } from '../../electron/core/store/migrations';
import { defaultDataDir } from '../../electron/core/store/data-dir';
import { ORIGINALS_SQL, PLAN_ROWS_AFTER_SQL, PLAN_ROWS_SQL } from '../../electron/core/cases/case-store';
import { tempDir } from '../helpers/temp';

describe('local store', () => {
  it('creates the database in WAL mode and records every migration once', () => {
    const dir = tempDir();
    openStore(dir).close();
    const db = openStore(dir); // a second open must not re-run anything
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // Deleted records are overwritten, not left in freed pages (retention-erasure.test.ts).
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    const rows = db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all();
    expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('plans a package and checks its originals from indexes alone, without reading the record copies', () => {
    const db = openStore(tempDir());
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${PLAN_ROWS_SQL}`).all(1, 0, 4096) as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail)).toEqual(['SEARCH case_hit USING COVERING INDEX case_hit_plan (case_id=? AND position>?)']);
    // Every next window of the plan's read, likewise, and in index order: no sort.
    const after = db.prepare(`EXPLAIN QUERY PLAN ${PLAN_ROWS_AFTER_SQL}`).all(1, 0, 'crm:1', 4096) as Array<{ detail: string }>;
    expect(after.map((r) => r.detail)).toEqual(['SEARCH case_hit USING COVERING INDEX case_hit_plan (case_id=? AND (position,hit_id)>(?,?))']);
    // The fingerprints the export checks each staged original against, likewise.
    const originals = db.prepare(`EXPLAIN QUERY PLAN ${ORIGINALS_SQL}`).all(1) as Array<{ detail: string }>;
    expect(originals.map((r) => r.detail)).toEqual(['SEARCH case_hit USING COVERING INDEX case_hit_original (case_id=?)']);
    db.close();
  });

  it('rolls back a failing migration completely and says which step failed', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      ...migrations,
      {
        version: 999,
        name: 'broken',
        up(d) {
          d.exec('CREATE TABLE half_done (x)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow(MigrationError);
    expect(() => migrate(db, broken)).toThrow(/step 999, "broken"/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT max(version) AS v FROM schema_migration').get()).toEqual({ v: Math.max(...migrations.map((m) => m.version)) });
  });

  it('refuses a database written by a newer version instead of guessing', () => {
    const dir = tempDir();
    openStore(dir).close();
    const raw = new Database(path.join(dir, DB_FILE));
    raw.prepare("INSERT INTO schema_migration VALUES (10000, 'future', 'x')").run();
    raw.close();
    expect(() => openStore(dir)).toThrow(NewerDatabaseError);
  });

  it('uses the same folder as the desktop app unless told otherwise', () => {
    expect(defaultDataDir({ HOME: '/home/dpo' }, 'linux')).toMatch(/\.config[\\/]Innsyn$/);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Innsyn'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\dpo\\AppData\\Roaming' }, 'win32')).toMatch(/Innsyn$/);
    expect(defaultDataDir({ INNSYN_DATA_DIR: '/tmp/elsewhere' }, 'linux')).toBe(path.resolve('/tmp/elsewhere'));
  });
});
