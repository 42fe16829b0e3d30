import { execFileSync } from 'node:child_process';
import { CSV_HEADER } from './gen-csv';
import { GENERATOR_VERSION } from './cache';

export const PG = { host: '127.0.0.1', port: '5432', user: 'postgres', db: 'test', schema: 'innsyn_bench' };

export function psql(sql: string, extra: string[] = []): string {
  return execFileSync('psql', ['-h', PG.host, '-p', PG.port, '-U', PG.user, '-d', PG.db, '-v', 'ON_ERROR_STOP=1', '-qtA', ...extra, '-c', sql], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

export function pgReachable(): boolean {
  try {
    return psql('SELECT 1').trim() === '1';
  } catch {
    return false;
  }
}

/**
 * Loads the benchmark CSV into innsyn_bench.kunde (same rows as the CSV comparison) and
 * builds innsyn_bench.ordre, which refers to customers by key: the related rows a search
 * must follow. Skipped when the schema already holds this generator version at this size.
 */
export function loadPostgres(csvFile: string, rows: number): void {
  const marker = `${GENERATOR_VERSION}:${rows}`;
  try {
    if (psql(`SELECT v FROM ${PG.schema}.meta`).trim() === marker) return;
  } catch {
    // no schema yet
  }
  const cols = CSV_HEADER.map((c) => (c === 'kundenr' ? `${c} integer PRIMARY KEY` : `${c} text`)).join(', ');
  psql(`DROP SCHEMA IF EXISTS ${PG.schema} CASCADE; CREATE SCHEMA ${PG.schema}; CREATE TABLE ${PG.schema}.kunde (${cols});`);
  psql(`\\copy ${PG.schema}.kunde FROM '${csvFile.replace(/'/g, "''")}' WITH (FORMAT csv, DELIMITER ';', HEADER true)`);
  const orders = Math.max(1, Math.floor(rows / 5));
  psql(
    `CREATE TABLE ${PG.schema}.ordre (ordrenr integer PRIMARY KEY, kundenr integer NOT NULL REFERENCES ${PG.schema}.kunde(kundenr), belop numeric(10,2), dato date);
     INSERT INTO ${PG.schema}.ordre SELECT g, 100001 + ((g::bigint * 7919) % ${rows}), (g % 9973) / 7.0, date '2020-01-01' + (g % 1500) FROM generate_series(1, ${orders}) g;
     CREATE INDEX ON ${PG.schema}.ordre (kundenr);
     ANALYZE ${PG.schema}.kunde; ANALYZE ${PG.schema}.ordre;
     CREATE TABLE ${PG.schema}.meta (v text); INSERT INTO ${PG.schema}.meta VALUES ('${marker}');`,
  );
}
