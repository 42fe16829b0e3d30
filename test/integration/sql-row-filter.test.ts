import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresDialect, type SqlDialect } from '../../electron/core/sources/sql/dialect';
import { prefilterQuery } from '../../electron/core/sources/sql/queries';
import type { TableSchema } from '../../electron/core/sources/tabular/table-schema';
import { PG, missingServer } from '../helpers/databases';

const pgMissing = await missingServer('postgres');
const SCHEMA = 'innsyn_row_filter';

/**
 * PostgreSQL searches a row by folding its columns into one string once (dialect.rowFilter)
 * instead of once per column and term. That must return exactly the rows the per-column test
 * returns: never fewer (a hit would be lost), and no more. Checked on a real server with rows
 * made to trip it: the separator character inside a value, digits that would join across two
 * columns, NULLs, numbers and dates, case and decomposed letters, and a table too wide for one
 * concat_ws call (PostgreSQL passes at most 100 arguments).
 */
describe.skipIf(pgMissing)('PostgreSQL row filter equals the per-column filter', () => {
  const client = new pg.Client(PG);
  const perColumn: SqlDialect = { ...postgresDialect(), rowFilter: undefined };

  beforeAll(async () => {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
    await client.query(`CREATE TABLE ${SCHEMA}.narrow (id integer PRIMARY KEY, navn text, tlf text, notat text, belop numeric, dato date)`);
    const rows: unknown[][] = [
      [1, 'BJØRN HANSEN', null, null, null, null],
      [2, 'Bj\u001Førn', '913\u001F45678', null, null, null],
      [3, 'Ola', '913', '45678 er resten', null, null],
      [4, 'A\u030Ase Berg', '+47 913 45 678', null, 91345678, '2024-01-02'],
      [5, null, null, null, null, null],
      [6, 'Kari', '22 33 44 55', 'ring bjørn på 91 34 56 78', 12.5, null],
      [7, 'Per', null, 'kunde 4791345678', null, null],
      [8, 'Nils', '9134567', 'nesten', null, null],
    ];
    for (const r of rows) await client.query(`INSERT INTO ${SCHEMA}.narrow VALUES ($1, $2, $3, $4, $5, $6)`, r);
    const wideCols = Array.from({ length: 120 }, (_, i) => `c${i}`);
    await client.query(`CREATE TABLE ${SCHEMA}.wide (id integer PRIMARY KEY, ${wideCols.map((c) => `${c} text`).join(', ')})`);
    for (let id = 0; id < 120; id++) {
      // Row id holds the subject's phone only in column id; row 200 holds nothing.
      const vals = wideCols.map((_, i) => (i === id ? (id % 2 ? '913 45 678' : 'Bjørn') : `x${i}`));
      await client.query(`INSERT INTO ${SCHEMA}.wide VALUES ($1, ${vals.map((_, i) => `$${i + 2}`).join(', ')})`, [id, ...vals]);
    }
    await client.query(`INSERT INTO ${SCHEMA}.wide (id) VALUES (200)`);
  }, 60_000);

  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await client.end();
  });

  const terms = { text: ['bjørn', 'åse'], digits: ['91345678'] };

  async function ids(dialect: SqlDialect, table: TableSchema): Promise<number[]> {
    const q = prefilterQuery(dialect, table, terms, '"id"')!;
    await client.query(`SET search_path TO ${SCHEMA}`);
    const res = await client.query<{ id: number }>(`${q.sql} ORDER BY "id"`, q.params);
    return res.rows.map((r) => r.id);
  }

  it('returns the same rows on tricky values, and the fast form is really used', async () => {
    const table: TableSchema = {
      name: 'narrow',
      columns: ['id:integer', 'navn:text', 'tlf:text', 'notat:text', 'belop:numeric', 'dato:date'].map((c) => ({ name: c.split(':')[0], type: c.split(':')[1] })),
      primaryKey: ['id'],
    };
    expect(prefilterQuery(postgresDialect(), table, terms, '"id"')!.sql).toContain('OFFSET 0');
    const fast = await ids(postgresDialect(), table);
    expect(fast).toEqual(await ids(perColumn, table));
    // 1: upper case; 2: the separator inside values; 4: decomposed, formatted, numeric; 6, 7: in text.
    expect(fast).toEqual([1, 2, 4, 6, 7]);
  });

  it('returns the same rows on a table with more columns than one function call takes', async () => {
    const table: TableSchema = {
      name: 'wide',
      columns: [{ name: 'id', type: 'integer' }, ...Array.from({ length: 120 }, (_, i) => ({ name: `c${i}`, type: 'text' }))],
      primaryKey: ['id'],
    };
    const fast = await ids(postgresDialect(), table);
    expect(fast).toEqual(await ids(perColumn, table));
    expect(fast).toEqual(Array.from({ length: 120 }, (_, i) => i));
  });
});
