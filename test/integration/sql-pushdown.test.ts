import mysql from 'mysql2/promise';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSubject } from '../../electron/core/match/prepare';
import type { ScanContext, SourceRecord, Source } from '../../electron/core/sources/source';
import { MysqlSource } from '../../electron/core/sources/sql/mysql-source';
import { PostgresSource } from '../../electron/core/sources/sql/postgres-source';
import { MY, PG, missingServer, myUrl, pgUrl } from '../helpers/databases';

const pgMissing = await missingServer('postgres');
const myMissing = await missingServer('mysql');

/** Its own schema/database, so these rows never meet other tests' tables. */
const SCHEMA = 'innsyn_pushdown';
const FILLER = 200_000;

async function scan(source: Source, subject: Parameters<typeof prepareSubject>[0]) {
  let scanned = 0;
  const ctx: ScanContext = { signal: new AbortController().signal, onProgress: (p) => (scanned = p.scanned), problem: () => {} };
  const rows: SourceRecord[] = [];
  const started = performance.now();
  for await (const r of source.scan(prepareSubject(subject), ctx)) rows.push(r);
  const ms = performance.now() - started;
  await source.close();
  return { rows, scanned, ms };
}

const none = { names: [], emails: [], phones: [], nationalIds: [], others: [] };
// "Åse" stored decomposed (A + combining ring), as some systems write it.
const decomposedAse = 'A\u030Ase';

describe.skipIf(pgMissing)('PostgreSQL push-down', () => {
  beforeAll(async () => {
    const c = new pg.Client(PG);
    await c.connect();
    await c.query('SELECT pg_advisory_lock(424244)');
    try {
      const done = await c.query("SELECT obj_description(oid, 'pg_namespace') AS d FROM pg_namespace WHERE nspname = $1", [SCHEMA]);
      if (done.rows[0]?.d === 'v1') return;
      await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await c.query(`CREATE SCHEMA ${SCHEMA}`);
      await c.query(`CREATE TABLE ${SCHEMA}."Kunde ""Reg""" (id integer PRIMARY KEY, navn text, "e-post" text, telefon text)`);
      await c.query(`INSERT INTO ${SCHEMA}."Kunde ""Reg""" SELECT g, 'Kunde ' || g, 'k' || g || '@example.no', '22 ' || lpad(g::text, 6, '0') FROM generate_series(1, ${FILLER}) g`);
      await c.query(`INSERT INTO ${SCHEMA}."Kunde ""Reg""" VALUES (0, $1, 'bjorn@example.no', '+47 913 45 678')`, [`BJØRN ${decomposedAse.toUpperCase()}`]);
      await c.query(`COMMENT ON SCHEMA ${SCHEMA} IS 'v1'`);
    } finally {
      await c.query('SELECT pg_advisory_unlock(424244)');
      await c.end();
    }
  }, 120_000);

  const source = () => new PostgresSource({ id: 'pg', kind: 'postgres', connection: pgUrl(SCHEMA) });

  it('finds an upper-case, decomposed name inside the server and returns only that row', async () => {
    const { rows, scanned, ms } = await scan(source(), { ...none, names: ['Bjørn Åse'] });
    expect(rows.map((r) => r.location)).toEqual([{ table: 'Kunde "Reg"', key: { id: 0 } }]);
    expect(scanned).toBe(FILLER + 1);
    console.log(`sql-pushdown postgres: ${scanned} rows searched in ${Math.round(ms)} ms = ${Math.round(scanned / (ms / 1000))} rows/s, 1 row sent to the app`);
  });

  it('compares phone digits inside the server, whatever the formatting', async () => {
    const { rows } = await scan(source(), { ...none, phones: ['91345678'] });
    expect(rows.map((r) => r.fields.telefon)).toEqual(['+47 913 45 678']);
  });
});

describe.skipIf(myMissing)('MariaDB / MySQL push-down', () => {
  beforeAll(async () => {
    const c = await mysql.createConnection(MY);
    try {
      await c.query("SELECT GET_LOCK('innsyn_pushdown', 120)");
      const [done] = await c.query('SELECT SCHEMA_COMMENT AS d FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [SCHEMA]);
      if ((done as Array<{ d: string }>)[0]?.d === 'v2') return;
      await c.query(`DROP DATABASE IF EXISTS ${SCHEMA}`);
      await c.query(`CREATE DATABASE ${SCHEMA} CHARACTER SET utf8mb4`);
      await c.query(`CREATE TABLE ${SCHEMA}.\`Kunde \`\`Reg\`\`\` (id INT PRIMARY KEY, navn VARCHAR(100) COLLATE utf8mb4_bin, \`e-post\` TEXT, telefon TEXT)`);
      await c.query('SET SESSION cte_max_recursion_depth = 1000000').catch(() => undefined);
      await c.query(
        `INSERT INTO ${SCHEMA}.\`Kunde \`\`Reg\`\`\` SELECT seq, CONCAT('Kunde ', seq), CONCAT('k', seq, '@example.no'), CONCAT('22 ', LPAD(seq, 6, '0')) FROM seq_1_to_${FILLER}`,
      );
      await c.query(`INSERT INTO ${SCHEMA}.\`Kunde \`\`Reg\`\`\` VALUES (0, ?, 'bjorn@example.no', '+47 913 45 678')`, ['BJØRN ÅSE']);
      await c.query(`ALTER DATABASE ${SCHEMA} COMMENT 'v2'`);
    } finally {
      await c.query("SELECT RELEASE_LOCK('innsyn_pushdown')").catch(() => undefined);
      await c.end();
    }
  }, 120_000);

  const source = () => new MysqlSource({ id: 'my', kind: 'mysql', connection: myUrl(SCHEMA) });

  it('folds case even in a case-sensitive (_bin) column, and returns only the matching row', async () => {
    const { rows, scanned, ms } = await scan(source(), { ...none, names: ['bjørn åse'] });
    expect(rows.map((r) => r.location)).toEqual([{ table: 'Kunde `Reg`', key: { id: 0 } }]);
    expect(scanned).toBe(FILLER + 1);
    console.log(`sql-pushdown mariadb: ${scanned} rows searched in ${Math.round(ms)} ms = ${Math.round(scanned / (ms / 1000))} rows/s, 1 row sent to the app`);
  });

  it('compares phone digits inside the server', async () => {
    const { rows } = await scan(source(), { ...none, phones: ['+47 91 34 56 78'] });
    expect(rows.map((r) => r.fields.telefon)).toEqual(['+47 913 45 678']);
  });
});
