import mysqlCore from 'mysql2';
import type mysql from 'mysql2/promise';
import type { SourceConfig } from '../../../../shared/workspace';
import type { ForeignKey, TableSchema } from '../tabular/table-schema';
import { mysqlDialect } from './dialect';
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

type MysqlConfig = Extract<SourceConfig, { kind: 'mysql' }>;

/** MySQL and MariaDB (mysql2 speaks to both). */
export class MysqlSource extends SqlSource {
  constructor(
    override readonly config: MysqlConfig,
    options: SqlSourceOptions = {},
  ) {
    super(config, options);
  }

  protected async openSession(): Promise<SqlSession> {
    const target = serverTarget(this.config, 3306, await this.options.password?.());
    let core: mysqlCore.Connection | null = null;
    try {
      core = mysqlCore.createConnection({
        host: target.host,
        port: target.port,
        user: target.user || undefined,
        password: target.password,
        database: target.database || undefined,
        connectTimeout: CONNECT_TIMEOUT_MS,
        charset: 'utf8mb4',
        // Dates as text exactly as stored: no time-zone shifting of someone's records.
        dateStrings: true,
        supportBigNumbers: true,
      });
      core.on('error', () => undefined);
      const conn = core.promise();
      // The whole session is read-only, and one consistent snapshot covers every table.
      await conn.query('SET SESSION TRANSACTION READ ONLY');
      await conn.query('START TRANSACTION READ ONLY, WITH CONSISTENT SNAPSHOT');
      return mysqlSession(core, conn);
    } catch (err) {
      core?.destroy();
      throw this.connectFailure(err, target);
    }
  }

  private connectFailure(err: unknown, target: ServerTarget): Error {
    const e = err as { code?: string; errno?: number; message?: string };
    const detail = withoutPassword(e.message ?? String(err), target.password);
    if (e.errno === 1045 || e.code === 'ER_ACCESS_DENIED_ERROR') return describeConnectFailure(this.config, target, 'auth', detail);
    if (e.errno === 1049 || e.errno === 1044) return describeConnectFailure(this.config, target, 'no-database', detail);
    if (isUnreachable(e.code)) return describeConnectFailure(this.config, target, 'unreachable', e.code ?? 'timed out');
    return describeConnectFailure(this.config, target, 'other', detail);
  }

  protected tableFailure(err: unknown): TableFailure | null {
    const errno = (err as { errno?: number }).errno;
    // 1142: table access denied, 1143: column access denied.
    if (errno === 1142 || errno === 1143) return 'permission';
    if (errno === 1146) return 'missing';
    return null;
  }
}

function mysqlSession(core: mysqlCore.Connection, conn: mysql.Connection): SqlSession {
  return {
    dialect: mysqlDialect,
    rowid: null,
    discover: () => discoverMysql(conn),
    async *rows(sql: string, params: readonly unknown[]): AsyncIterable<SqlRow> {
      // Prepared statements (the server receives the values apart from the SQL text), streamed
      // row by row so a large result never sits in memory as a whole.
      const stream = core.execute(sql, [...params] as never[]).stream({ objectMode: true });
      for await (const row of stream as AsyncIterable<SqlRow>) yield row;
    },
    close: async () => {
      await conn.query('ROLLBACK').catch(() => undefined);
      await conn.end().catch(() => undefined);
    },
  };
}

async function discoverMysql(conn: mysql.Connection): Promise<DiscoveredSchema> {
  const [cols] = await conn.query(
    `SELECT c.TABLE_NAME AS tbl, c.COLUMN_NAME AS col, c.COLUMN_TYPE AS type
       FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
         ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
      WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
      ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
  );
  const [keys] = await conn.query(
    `SELECT TABLE_NAME AS tbl, COLUMN_NAME AS col, CONSTRAINT_NAME AS name,
            REFERENCED_TABLE_NAME AS ref_tbl, REFERENCED_COLUMN_NAME AS ref_col
       FROM information_schema.KEY_COLUMN_USAGE
      WHERE TABLE_SCHEMA = DATABASE()
        AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_SCHEMA = DATABASE())
      ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
  );
  const tables = new Map<string, TableSchema>();
  for (const r of cols as Array<{ tbl: string; col: string; type: string }>) {
    const t = tables.get(r.tbl) ?? { name: r.tbl, columns: [], primaryKey: [] };
    t.columns.push({ name: r.col, type: String(r.type) });
    tables.set(r.tbl, t);
  }
  const fks = new Map<string, ForeignKey>();
  for (const r of keys as Array<{ tbl: string; col: string; name: string; ref_tbl: string | null; ref_col: string | null }>) {
    if (r.name === 'PRIMARY') {
      tables.get(r.tbl)?.primaryKey.push(r.col);
      continue;
    }
    if (!r.ref_tbl || !r.ref_col) continue;
    const id = `${r.tbl}\u0000${r.name}`;
    const fk = fks.get(id) ?? { table: r.tbl, columns: [], refTable: r.ref_tbl, refColumns: [], origin: 'schema' as const };
    fk.columns.push(r.col);
    fk.refColumns.push(r.ref_col);
    fks.set(id, fk);
  }
  return { tables: [...tables.values()], foreignKeys: [...fks.values()] };
}
