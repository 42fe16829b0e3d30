import { DuckDBInstance } from '@duckdb/node-api';
import type { TaskReport } from '../measure';

/** Runs one query in a fresh in-memory DuckDB and reads every row back, as a caller would. */
export async function duckdbTask(args: { sql: string }): Promise<TaskReport> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const started = performance.now();
  const reader = await conn.runAndReadAll(args.sql);
  const rows = reader.getRows();
  const ms = performance.now() - started;
  const threads = (await conn.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0][0];
  conn.closeSync();
  return { ms, hits: rows.length, detail: { threads: String(threads) } };
}
