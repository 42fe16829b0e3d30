import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { corpus, missingCorpus } from './corpora';

/** The servers on this machine kind (see ../shared/guides/environment.md). */
export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };
export const MY = { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: 'test' };

/** Northwind goes into its own schema/database, so other tests' tables never mix in. */
export const NORTHWIND = 'innsyn_northwind';
const LOADED_MARK = 'innsyn northwind v1';

export const pgUrl = (schema = NORTHWIND, user = PG.user) => `postgres://${user}@${PG.host}:${PG.port}/${PG.database}?schema=${schema}`;
export const myUrl = (database = NORTHWIND, user = MY.user) => `mysql://${user}@${MY.host}:${MY.port}/${database}`;

/**
 * Why a database test cannot run here, or null when it can. Without a server the test is
 * skipped with this reason; in CI (INNSYN_REQUIRE_SERVICES=1) a missing server is a failure.
 */
export async function missingServer(kind: 'postgres' | 'mysql'): Promise<string | null> {
  try {
    if (kind === 'postgres') {
      const c = new pg.Client({ ...PG, connectionTimeoutMillis: 3000 });
      await c.connect();
      await c.end();
    } else {
      const c = await mysql.createConnection({ ...MY, connectTimeout: 3000 });
      await c.end();
    }
    return null;
  } catch (err) {
    const reason = `${kind} server not reachable at ${kind === 'postgres' ? `${PG.host}:${PG.port}` : `${MY.host}:${MY.port}`} (${(err as { code?: string }).code ?? (err as Error).message})`;
    if (process.env.INNSYN_REQUIRE_SERVICES) throw new Error(`${reason} (required in CI)`);
    return reason;
  }
}

interface SourceTable {
  name: string;
  columns: Array<{ name: string; type: string; pk: number }>;
  fks: Array<{ id: number; table: string; from: string; to: string }>;
  rows: unknown[][];
}

/** Runs the corpus's Northwind.create.sql (SQLite dialect) in memory and reads it back, table by table. */
function northwindTables(): SourceTable[] {
  if (missingCorpus('northwind', 'Northwind.create.sql')) throw new Error('Northwind corpus missing');
  const db = new Database(':memory:');
  db.exec(readFileSync(corpus('northwind', 'Northwind.create.sql'), 'utf8'));
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const tables = names.map((name) => ({
    name,
    columns: db.prepare(`PRAGMA table_info(${q(name)})`).all() as SourceTable['columns'],
    fks: db.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as SourceTable['fks'],
    rows: db.prepare(`SELECT * FROM ${q(name)}`).raw().all() as unknown[][],
  }));
  db.close();
  return tables;
}

function keyColumns(t: SourceTable, all: SourceTable[]): Set<string> {
  const keys = new Set(t.columns.filter((c) => c.pk > 0).map((c) => c.name));
  for (const fk of t.fks) keys.add(fk.from);
  for (const other of all) for (const fk of other.fks) if (fk.table === t.name) keys.add(fk.to);
  return keys;
}

function sqlType(type: string, engine: 'postgres' | 'mysql', isKey: boolean): string {
  const t = type.toUpperCase();
  if (t.includes('INT')) return engine === 'postgres' ? 'integer' : 'INT';
  if (t.includes('BLOB')) return engine === 'postgres' ? 'bytea' : 'LONGBLOB';
  if (t.includes('NUMERIC') || t.includes('REAL') || t.includes('DECIMAL')) return engine === 'postgres' ? 'numeric(14,4)' : 'DECIMAL(14,4)';
  if (engine === 'mysql') return isKey ? 'VARCHAR(64)' : 'TEXT';
  return 'text';
}

/** CREATE TABLEs, then the foreign keys to add after the rows (the sample data has orphans, so they are not re-checked). */
function createStatements(tables: SourceTable[], engine: 'postgres' | 'mysql'): { creates: string[]; fks: string[] } {
  const q = engine === 'postgres' ? (n: string) => `"${n}"` : (n: string) => `\`${n}\``;
  const creates = tables.map((t) => {
    const keys = keyColumns(t, tables);
    const cols = t.columns.map((c) => `${q(c.name)} ${sqlType(c.type, engine, keys.has(c.name))}`);
    const pk = t.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => q(c.name));
    if (pk.length > 0) cols.push(`PRIMARY KEY (${pk.join(', ')})`);
    return `CREATE TABLE ${q(t.name)} (${cols.join(', ')})`;
  });
  const fks = tables.flatMap((t) =>
    t.fks.map(
      (fk, i) =>
        `ALTER TABLE ${q(t.name)} ADD CONSTRAINT ${q(`fk_${t.name.replace(/\W/g, '')}_${i}`)} FOREIGN KEY (${q(fk.from)}) REFERENCES ${q(fk.table)} (${q(fk.to)})${engine === 'postgres' ? ' NOT VALID' : ''}`,
    ),
  );
  return { creates, fks };
}

async function insertAll(tables: SourceTable[], run: (sql: string, params: unknown[]) => Promise<unknown>, engine: 'postgres' | 'mysql'): Promise<void> {
  const q = engine === 'postgres' ? (n: string) => `"${n}"` : (n: string) => `\`${n}\``;
  for (const t of tables) {
    const width = t.columns.length;
    for (let i = 0; i < t.rows.length; i += 200) {
      const batch = t.rows.slice(i, i + 200);
      let n = 0;
      const values = batch.map(() => `(${t.columns.map(() => (engine === 'postgres' ? `$${++n}` : '?')).join(', ')})`);
      const params = batch.flat().map((v) => (v instanceof Uint8Array ? Buffer.from(v) : v));
      if (params.length !== batch.length * width) throw new Error('row width mismatch');
      await run(`INSERT INTO ${q(t.name)} VALUES ${values.join(', ')}`, params);
    }
  }
}

/** Loads Northwind into PostgreSQL schema innsyn_northwind once (a lock keeps parallel test files apart). */
export async function loadNorthwindPostgres(): Promise<void> {
  const c = new pg.Client(PG);
  await c.connect();
  try {
    await c.query('SELECT pg_advisory_lock(424242)');
    const mark = await c.query("SELECT obj_description(oid, 'pg_namespace') AS d FROM pg_namespace WHERE nspname = $1", [NORTHWIND]);
    if (mark.rows[0]?.d === LOADED_MARK) return;
    const tables = northwindTables();
    await c.query('BEGIN');
    await c.query(`DROP SCHEMA IF EXISTS ${NORTHWIND} CASCADE`);
    await c.query(`CREATE SCHEMA ${NORTHWIND}`);
    await c.query(`SET LOCAL search_path TO ${NORTHWIND}`);
    const ddl = createStatements(tables, 'postgres');
    for (const s of ddl.creates) await c.query(s);
    await insertAll(tables, (sql, params) => c.query(sql, params), 'postgres');
    for (const s of ddl.fks) await c.query(s);
    await c.query(`COMMENT ON SCHEMA ${NORTHWIND} IS '${LOADED_MARK}'`);
    await c.query('COMMIT');
  } finally {
    await c.query('SELECT pg_advisory_unlock(424242)').catch(() => undefined);
    await c.end();
  }
}

/** Loads Northwind into the MariaDB/MySQL database innsyn_northwind once. */
export async function loadNorthwindMysql(): Promise<void> {
  const c = await mysql.createConnection({ ...MY, multipleStatements: false });
  try {
    await c.query("SELECT GET_LOCK('innsyn_northwind', 120)");
    const [mark] = await c.query('SELECT SCHEMA_COMMENT AS d FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [NORTHWIND]);
    if ((mark as Array<{ d: string }>)[0]?.d === LOADED_MARK) return;
    const tables = northwindTables();
    await c.query(`DROP DATABASE IF EXISTS ${NORTHWIND}`);
    await c.query(`CREATE DATABASE ${NORTHWIND} CHARACTER SET utf8mb4`);
    await c.query(`USE ${NORTHWIND}`);
    const ddl = createStatements(tables, 'mysql');
    for (const s of ddl.creates) await c.query(s);
    await insertAll(tables, (sql, params) => c.query(sql, params), 'mysql');
    await c.query('SET FOREIGN_KEY_CHECKS = 0');
    for (const s of ddl.fks) await c.query(s);
    await c.query('SET FOREIGN_KEY_CHECKS = 1');
    await c.query(`ALTER DATABASE ${NORTHWIND} COMMENT '${LOADED_MARK}'`);
  } finally {
    await c.query("SELECT RELEASE_LOCK('innsyn_northwind')").catch(() => undefined);
    await c.end();
  }
}
