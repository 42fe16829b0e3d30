import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MY, PG, missingServer } from '../helpers/databases';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import { parseJson, runGuarded } from './support/run-innsyn';

/** Our own schema/database, so no other test's tables mix in. */
const SCHEMA = 'innsyn_robust';
const TABLE = `kunde "sitat" 'o`;
const COLS = { id: 'kunde nr', name: `navn 'y'`, email: 'e-post "x"', ref: 'ref; --' } as const;
const HOSTILE = [`'; DROP TABLE x; --`, '%', '_', '\\'];
const ROWS: Array<[number, string, string, string]> = [
  [1, `Siobhán O'Brien`, `o'brien@example.no`, 'K-1'],
  [2, 'Ola Nordmann', 'ola@example.no', HOSTILE[0]],
  [3, 'Per Prosent', 'per@example.no', HOSTILE[1]],
  [4, 'Ulla Under', 'ulla@example.no', HOSTILE[2]],
  [5, 'Sara Skråstrek', 'sara@example.no', HOSTILE[3]],
  // Decoys: what an unescaped LIKE '%_%' or a broken backslash would drag in.
  [6, 'Kari Lokkedue', 'kari@example.no', 'K1 50 prosent'],
  [7, 'Obrien Annen', 'obrien@example.no', 'X_Y'],
];

const pgMissing = await missingServer('postgres');
const myMissing = await missingServer('mysql');

const pgIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const myIdent = (s: string) => `\`${s.replace(/`/g, '``')}\``;
const createSql = (q: (s: string) => string, intType: string) =>
  `CREATE TABLE ${q(TABLE)} (${q(COLS.id)} ${intType} PRIMARY KEY, ${q(COLS.name)} VARCHAR(100), ${q(COLS.email)} VARCHAR(100), ${q(COLS.ref)} VARCHAR(100))`;

async function preparePostgres(): Promise<void> {
  const c = new pg.Client(PG);
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await c.query(`CREATE SCHEMA ${SCHEMA}`);
    await c.query(`SET search_path TO ${SCHEMA}`);
    await c.query(createSql(pgIdent, 'INTEGER'));
    await c.query('CREATE TABLE x (keep INTEGER)');
    await c.query('INSERT INTO x VALUES (1)');
    for (const r of ROWS) await c.query(`INSERT INTO ${pgIdent(TABLE)} VALUES ($1, $2, $3, $4)`, r);
  } finally {
    await c.end();
  }
}

async function prepareMysql(): Promise<void> {
  const c = await mysql.createConnection({ ...MY, database: undefined });
  try {
    await c.query(`DROP DATABASE IF EXISTS ${SCHEMA}`);
    await c.query(`CREATE DATABASE ${SCHEMA} CHARACTER SET utf8mb4`);
    await c.query(`USE ${SCHEMA}`);
    await c.query(createSql(myIdent, 'INT'));
    await c.query('CREATE TABLE x (keep INT)');
    await c.query('INSERT INTO x VALUES (1)');
    for (const r of ROWS) await c.query(`INSERT INTO ${myIdent(TABLE)} VALUES (?, ?, ?, ?)`, r);
  } finally {
    await c.end();
  }
}

function prepareSqlite(file: string): void {
  const db = new Database(file);
  db.exec(createSql(pgIdent, 'INTEGER'));
  db.exec('CREATE TABLE x (keep INTEGER); INSERT INTO x VALUES (1);');
  const insert = db.prepare(`INSERT INTO ${pgIdent(TABLE)} VALUES (?, ?, ?, ?)`);
  for (const r of ROWS) insert.run(...r);
  db.close();
}

interface Hit {
  source: string;
  location: { table: string; key: Record<string, number> };
}

/**
 * Subject values built to break SQL (quotes, a DROP TABLE, LIKE wildcards, a backslash) and
 * identifiers with quotes, spaces and comment markers, in real SQLite, PostgreSQL and MariaDB.
 * Each value must find exactly its own row and nothing else: a value spliced into SQL would
 * fail or run, an unescaped LIKE pattern would be harmless to the hits but a backslash would
 * lose rows, and the table the DROP names must still be there afterwards.
 */
describe('SQL injection through subject values and identifiers', () => {
  const engines: string[] = [];
  let dir = '';
  let sqliteFile = '';

  beforeAll(async () => {
    if (!pgMissing) {
      await preparePostgres();
      engines.push('postgres');
    }
    if (!myMissing) {
      await prepareMysql();
      engines.push('mysql');
    }
  }, 60_000);

  afterAll(async () => {
    if (!pgMissing) {
      const c = new pg.Client(PG);
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await c.end();
    }
    if (!myMissing) {
      const c = await mysql.createConnection(MY);
      await c.query(`DROP DATABASE IF EXISTS ${SCHEMA}`);
      await c.end();
    }
  });

  it('finds exactly the rows holding each hostile value, in every engine, and drops nothing', async () => {
    dir = tempDir('innsyn-inject-');
    sqliteFile = path.join(dir, 'kunder.sqlite');
    prepareSqlite(sqliteFile);
    const sources: Array<Record<string, unknown>> = [{ id: 'sqlite', kind: 'sqlite', path: sqliteFile }];
    if (engines.includes('postgres')) {
      sources.push({ id: 'postgres', kind: 'postgres', connection: `postgres://${PG.user}@${PG.host}:${PG.port}/${PG.database}?schema=${SCHEMA}` });
    }
    if (engines.includes('mysql')) sources.push({ id: 'mysql', kind: 'mysql', connection: `mysql://${MY.user}@${MY.host}:${MY.port}/${SCHEMA}` });
    const ws = writeWorkspace(dir, sources);
    const subject = ['--email', `O'Brien@example.no`, ...HOSTILE.flatMap((v) => ['--other', v])];
    const run = await runGuarded(['search', '--json', '--workspace', ws, ...subject], {
      dataDir: path.join(dir, 'data'),
      allowHosts: ['127.0.0.1:5432', '127.0.0.1:3306'],
      timeoutMs: 120_000,
    });
    const result = parseJson<{ sources: Array<{ id: string; status: string; error?: string; problems?: string[] }>; hits: Hit[] }>(run);
    expect(run.code, JSON.stringify(result.sources)).toBe(0);
    expect(run.network).toEqual([]);
    for (const s of sources) {
      expect(result.sources.find((r) => r.id === s.id)).toMatchObject({ status: 'ok' });
      const rows = result.hits
        .filter((h) => h.source === s.id)
        .map((h) => {
          expect(h.location.table).toBe(TABLE);
          return h.location.key[COLS.id];
        })
        .sort();
      expect(rows, `${s.id}`).toEqual([1, 2, 3, 4, 5]);
    }

    // The table a spliced "DROP TABLE x" would have dropped is still there, with its row.
    const sqlite = new Database(sqliteFile, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) AS n FROM x').get()).toEqual({ n: 1 });
    sqlite.close();
    if (engines.includes('postgres')) {
      const c = new pg.Client(PG);
      await c.connect();
      expect((await c.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.x`)).rows).toEqual([{ n: 1 }]);
      await c.end();
    }
    if (engines.includes('mysql')) {
      const c = await mysql.createConnection(MY);
      const [rows] = await c.query(`SELECT count(*) AS n FROM ${SCHEMA}.x`);
      expect(rows).toEqual([{ n: 1 }]);
      await c.end();
    }
  }, 180_000);
});
