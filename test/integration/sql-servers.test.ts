import mysql from 'mysql2/promise';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../shared/workspace';
import { runSearch } from '../../electron/core/search/run-search';
import { MysqlSource } from '../../electron/core/sources/sql/mysql-source';
import { PostgresSource } from '../../electron/core/sources/sql/postgres-source';
import { runCli } from '../helpers/cli';
import { missingCorpus } from '../helpers/corpora';
import { MY, NORTHWIND, PG, loadNorthwindMysql, loadNorthwindPostgres, missingServer, myUrl, pgUrl } from '../helpers/databases';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

const corpusMissing = missingCorpus('northwind', 'Northwind.create.sql');
const pgMissing = corpusMissing ?? (await missingServer('postgres'));
const myMissing = corpusMissing ?? (await missingServer('mysql'));

const LIMITED = 'innsyn_limited';
const PW_USER = 'innsyn_pw';
const PASSWORD = 'Riktig-Passord-42';
const maria = { names: ['Maria Anders'], emails: [], phones: [], nationalIds: [], others: [] };

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of rows) void _;
}

/** A user that may read every Northwind table but Employees. */
async function preparePostgresUsers(): Promise<void> {
  const c = new pg.Client(PG);
  await c.connect();
  try {
    await c.query('SELECT pg_advisory_lock(424243)');
    const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [LIMITED]);
    if (exists.rowCount === 0) await c.query(`CREATE ROLE ${LIMITED} LOGIN`);
    await c.query(`GRANT USAGE ON SCHEMA ${NORTHWIND} TO ${LIMITED}`);
    await c.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${NORTHWIND} TO ${LIMITED}`);
    await c.query(`REVOKE SELECT ON ${NORTHWIND}."Employees" FROM ${LIMITED}`);
  } finally {
    await c.query('SELECT pg_advisory_unlock(424243)').catch(() => undefined);
    await c.end();
  }
}

async function prepareMysqlUsers(): Promise<void> {
  const c = await mysql.createConnection(MY);
  try {
    const [tables] = await c.query('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [NORTHWIND]);
    for (const host of ['%', 'localhost', '127.0.0.1']) {
      await c.query(`CREATE USER IF NOT EXISTS '${LIMITED}'@'${host}'`);
      for (const { t } of tables as Array<{ t: string }>) {
        // Employees: visible (INSERT) but not readable, as when a DBA forgot one grant.
        const grant = t === 'Employees' ? 'INSERT' : 'SELECT';
        await c.query(`GRANT ${grant} ON \`${NORTHWIND}\`.\`${t}\` TO '${LIMITED}'@'${host}'`);
      }
      await c.query(`CREATE USER IF NOT EXISTS '${PW_USER}'@'${host}' IDENTIFIED BY '${PASSWORD}'`);
      await c.query(`GRANT SELECT ON \`${NORTHWIND}\`.* TO '${PW_USER}'@'${host}'`);
    }
  } finally {
    await c.end();
  }
}

describe.skipIf(pgMissing)('PostgreSQL source', () => {
  beforeAll(async () => {
    await loadNorthwindPostgres();
    await preparePostgresUsers();
  }, 120_000);
  const config = (extra: Partial<Extract<SourceConfig, { kind: 'postgres' }>> = {}): Extract<SourceConfig, { kind: 'postgres' }> => ({
    id: 'pg',
    kind: 'postgres',
    connection: pgUrl(),
    ...extra,
  });

  it('runs in a read-only transaction: an attempted write fails', async () => {
    const source = new PostgresSource(config());
    const session = await source.session();
    await expect(drain(session.rows(`UPDATE "Customers" SET "ContactName" = 'x'`, []))).rejects.toThrow(/read-only transaction/);
    // The failed statement did not spoil the session: searching still works afterwards.
    const rows = [];
    for await (const r of session.rows('SELECT count(*) AS n FROM "Customers"', [])) rows.push(r);
    expect(Number((rows[0] as { n: string }).n)).toBe(93); // Northwind has 93 customers
    await source.close();
  });

  it('discovers tables, column types, primary keys and foreign keys', async () => {
    const source = new PostgresSource(config());
    const model = await source.schema();
    await source.close();
    const od = model.tables.find((t) => t.name === 'Order Details')!;
    expect(od.primaryKey).toEqual(['OrderID', 'ProductID']);
    expect(od.columns.find((c) => c.name === 'UnitPrice')?.type).toBe('numeric(14,4)');
    expect(model.foreignKeys).toContainEqual({ table: 'Orders', columns: ['CustomerID'], refTable: 'Customers', refColumns: ['CustomerID'], origin: 'schema' });
  });

  it('searches the other tables when one is not readable, and says the result is partial', async () => {
    const result = await runSearch({ sources: [config({ connection: pgUrl(NORTHWIND, LIMITED) })], subject: maria });
    const src = result.sources[0];
    expect(src.status).toBe('partial');
    expect(src.problems?.join('\n')).toMatch(/table Employees: permission denied/);
    expect(result.hits.filter((h) => 'table' in h.location && h.location.table === 'Orders')).toHaveLength(6);
  });

  it('names the source and the server when the host cannot be reached', async () => {
    const result = await runSearch({ sources: [config({ connection: 'postgres://postgres@127.0.0.1:1/test' })], subject: maria });
    expect(result.sources[0]).toMatchObject({ status: 'error' });
    expect(result.sources[0].error).toMatch(/Source "pg" \(postgres, postgres:\/\/postgres@127\.0\.0\.1:1\/test\).*127\.0\.0\.1:1 could not be reached \(ECONNREFUSED\)/);
  });

  it('says when the database does not exist, and when the password variable is not set', async () => {
    const noDb = await runSearch({ sources: [config({ connection: 'postgres://postgres@127.0.0.1:5432/innsyn_no_such_db' })], subject: maria });
    expect(noDb.sources[0].error).toMatch(/database "innsyn_no_such_db" does not exist/);
    const noEnv = await runSearch({ sources: [config({ passwordEnv: 'INNSYN_TEST_UNSET_PASSWORD' })], subject: maria });
    expect(noEnv.sources[0].error).toMatch(/environment variable INNSYN_TEST_UNSET_PASSWORD .* is not set/);
  });

  it('leaves out excluded tables and columns', async () => {
    const result = await runSearch({
      sources: [config({ exclude: { tables: ['Order Details'], columns: ['Customers.Phone'] } })],
      subject: maria,
    });
    expect(result.sources[0].status).toBe('ok');
    const customer = result.hits.find((h) => 'table' in h.location && h.location.table === 'Customers')!;
    expect(customer.record).not.toHaveProperty('Phone');
    expect(result.hits.some((h) => 'table' in h.location && h.location.table === 'Order Details')).toBe(false);
  });
});

describe.skipIf(myMissing)('MariaDB / MySQL source', () => {
  beforeAll(async () => {
    await loadNorthwindMysql();
    await prepareMysqlUsers();
  }, 120_000);
  const config = (extra: Partial<Extract<SourceConfig, { kind: 'mysql' }>> = {}): Extract<SourceConfig, { kind: 'mysql' }> => ({
    id: 'maria',
    kind: 'mysql',
    connection: myUrl(),
    ...extra,
  });

  it('runs in a read-only transaction: an attempted write fails', async () => {
    const source = new MysqlSource(config());
    const session = await source.session();
    await expect(drain(session.rows('UPDATE `Customers` SET `ContactName` = ?', ['x']))).rejects.toThrow(/READ ONLY transaction/i);
    await source.close();
  });

  it('discovers primary and foreign keys', async () => {
    const source = new MysqlSource(config());
    const model = await source.schema();
    await source.close();
    expect(model.tables.find((t) => t.name === 'Order Details')?.primaryKey).toEqual(['OrderID', 'ProductID']);
    expect(model.foreignKeys).toContainEqual({ table: 'Order Details', columns: ['OrderID'], refTable: 'Orders', refColumns: ['OrderID'], origin: 'schema' });
  });

  it('searches the other tables when one is not readable, and says the result is partial', async () => {
    const result = await runSearch({ sources: [config({ connection: myUrl(NORTHWIND, LIMITED) })], subject: maria });
    expect(result.sources[0].status).toBe('partial');
    expect(result.sources[0].problems?.join('\n')).toMatch(/table Employees: permission denied/);
    expect(result.hits.filter((h) => 'table' in h.location && h.location.table === 'Order Details')).toHaveLength(12);
  });

  it('reads the password from passwordEnv, and never prints it when it is wrong', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'maria', kind: 'mysql', connection: myUrl(NORTHWIND, PW_USER), passwordEnv: 'INNSYN_TEST_DB_PASSWORD' }]);
    const ok = await runCli(['search', '--json', '--workspace', ws, '--name', 'Maria Anders'], { dataDir: dir, env: { INNSYN_TEST_DB_PASSWORD: PASSWORD } });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).hits.length).toBe(19);
    const wrong = 'Feil-Passord-99';
    const bad = await runCli(['search', '--json', '--workspace', ws, '--name', 'Maria Anders'], { dataDir: dir, env: { INNSYN_TEST_DB_PASSWORD: wrong } });
    expect(bad.code).toBe(3);
    const source = JSON.parse(bad.stdout).sources[0];
    expect(source.error).toMatch(/Source "maria" \(mysql, mysql:\/\/innsyn_pw@127\.0\.0\.1:3306\/innsyn_northwind\) could not be searched: the server refused the user name or password/);
    expect(source.error).toMatch(/INNSYN_TEST_DB_PASSWORD/);
    for (const pw of [wrong, PASSWORD]) expect(bad.stdout + bad.stderr).not.toContain(pw);
  });

  it('names the server when it cannot be reached', async () => {
    const result = await runSearch({ sources: [config({ connection: 'mysql://root@127.0.0.1:1/test' })], subject: maria });
    expect(result.sources[0].error).toMatch(/127\.0\.0\.1:1 could not be reached \(ECONNREFUSED\)/);
  });
});
