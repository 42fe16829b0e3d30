import pg from 'pg';
import type { SourceConfig } from '../../../../shared/workspace';
import type { ForeignKey, TableSchema } from '../tabular/table-schema';
import { postgresDialect, type SqlDialect } from './dialect';
import {
  CONNECT_TIMEOUT_MS,
  describeConnectFailure,
  isUnreachable,
  serverTarget,
  withoutPassword,
  type ServerTarget,
} from './server-connection';
import type { DiscoveredSchema, SqlRow, SqlSession, TableFailure } from './session';
import { SqlSource, type SqlSourceOptions } from './sql-source';

type PostgresConfig = Extract<SourceConfig, { kind: 'postgres' }>;

const FETCH_ROWS = 1000;

export class PostgresSource extends SqlSource {
  constructor(
    override readonly config: PostgresConfig,
    options: SqlSourceOptions = {},
  ) {
    super(config, options);
  }

  protected async openSession(): Promise<SqlSession> {
    const target = serverTarget(this.config, 5432, await this.options.password?.());
    const client = new pg.Client({
      host: target.host,
      port: target.port,
      user: target.user || undefined,
      database: target.database || undefined,
      password: target.password,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'innsyn (read-only search)',
    });
    // An idle connection error after the search must not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      // One read-only snapshot for the whole search: the server rejects any write, and every
      // table is read as of the same moment, which is what the answer should reflect.
      await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const dialect = await chooseDialect(client);
      const schema = target.schema ?? ((await client.query('SELECT current_schema() AS s')).rows[0].s as string | null) ?? 'public';
      // Table names in queries are unqualified, so they must resolve in the chosen schema only.
      await client.query(`SET LOCAL search_path TO ${dialect.quoteIdent(schema)}`);
      return postgresSession(client, dialect, schema);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw this.connectFailure(err, target);
    }
  }

  private connectFailure(err: unknown, target: ServerTarget): Error {
    const e = err as { code?: string; message?: string };
    const detail = withoutPassword(e.message ?? String(err), target.password);
    if (e.code === '28P01' || e.code === '28000') return describeConnectFailure(this.config, target, 'auth', detail);
    if (e.code === '3D000') return describeConnectFailure(this.config, target, 'no-database', detail);
    if (isUnreachable(e.code) || /timeout/i.test(detail)) {
      return describeConnectFailure(this.config, target, 'unreachable', e.code ?? 'timed out');
    }
    return describeConnectFailure(this.config, target, 'other', detail);
  }

  protected tableFailure(err: unknown): TableFailure | null {
    const code = (err as { code?: string }).code;
    if (code === '42501') return 'permission';
    if (code === '42P01') return 'missing';
    return null;
  }
}

/** Uses the ICU collation for case folding when the database's own locale folds ASCII only. */
async function chooseDialect(client: pg.Client): Promise<SqlDialect> {
  const { rows } = await client.query(
    "SELECT lower('ÆØÅ') = 'æøå' AS folds, EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'und-x-icu') AS icu",
  );
  const { folds, icu } = rows[0] as { folds: boolean; icu: boolean };
  return postgresDialect({ foldCollation: !folds && icu ? 'und-x-icu' : undefined });
}

function postgresSession(client: pg.Client, dialect: SqlDialect, schema: string): SqlSession {
  let cursors = 0;
  return {
    dialect,
    rowid: null,
    discover: () => discoverPostgres(client, schema),
    async *rows(sql: string, params: readonly unknown[]): AsyncIterable<SqlRow> {
      // A savepoint per query: a failed query (e.g. permission denied) would otherwise abort
      // the whole transaction, and the remaining tables could not be searched.
      const name = `innsyn_${++cursors}`;
      await client.query(`SAVEPOINT ${name}`);
      let ok = false;
      try {
        if (!/^\s*(SELECT|WITH)\b/i.test(sql)) {
          // Not a query (only tests send one): run it so the read-only transaction refuses it.
          for (const row of (await client.query({ text: sql, values: [...params] })).rows as SqlRow[]) yield row;
          ok = true;
          return;
        }
        await client.query({ text: `DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, values: [...params] });
        for (;;) {
          const batch = await client.query(`FETCH ${FETCH_ROWS} FROM ${name}`);
          for (const row of batch.rows as SqlRow[]) yield row;
          if (batch.rows.length < FETCH_ROWS) break;
        }
        ok = true;
      } finally {
        // Also when the caller stopped early: close the cursor and forget the savepoint.
        await client.query(ok ? `RELEASE SAVEPOINT ${name}` : `ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      }
    },
    close: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

async function discoverPostgres(client: pg.Client, schema: string): Promise<DiscoveredSchema> {
  // pg_catalog rather than information_schema: the latter hides tables this user may not
  // read, and the DPO must be told about those instead of never hearing of them.
  const cols = await client.query(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const pks = await client.query(
    `SELECT c.relname AS table,
            array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(num, ord)
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num ORDER BY k.ord)::text[] AS columns
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indisprimary AND n.nspname = $1`,
    [schema],
  );
  const fks = await client.query(
    `SELECT c.relname AS table, r.relname AS ref_table,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS columns,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS ref_columns
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class r ON r.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
      WHERE con.contype = 'f' AND n.nspname = $1 AND rn.nspname = $1`,
    [schema],
  );
  const tables = new Map<string, TableSchema>();
  for (const row of cols.rows as Array<{ table: string; column: string; type: string }>) {
    const t = tables.get(row.table) ?? { name: row.table, columns: [], primaryKey: [] };
    t.columns.push({ name: row.column, type: row.type });
    tables.set(row.table, t);
  }
  for (const row of pks.rows as Array<{ table: string; columns: string[] }>) {
    const t = tables.get(row.table);
    if (t) t.primaryKey = row.columns;
  }
  const foreignKeys: ForeignKey[] = (
    fks.rows as Array<{ table: string; ref_table: string; columns: string[]; ref_columns: string[] }>
  ).map((r) => ({ table: r.table, columns: r.columns, refTable: r.ref_table, refColumns: r.ref_columns, origin: 'schema' }));
  return { tables: [...tables.values()], foreignKeys };
}
