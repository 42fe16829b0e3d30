import type { BenchSizes } from '../config';
import { CSV_HEADER } from '../data/gen-csv';
import { loadPostgres, PG, pgReachable } from '../data/gen-pg';
import { benchSubject } from '../data/subject';
import { measure, measureTask } from '../measure';
import type { ResultRow } from '../report';
import { prefilterTerms } from '../../../../electron/core/match/prefilter';
import { prepareSubject } from '../../../../electron/core/match/prepare';
import { csvFile } from './csv';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The predicate our PostgreSQL source pushes into the engine (the prefilterTerms promise:
 * any column contains a text term case-folded, or a digit term with non-digits removed),
 * written out with literals, plus the query that fetches the related orders.
 */
export function psqlSameQuery(): string {
  const terms = prefilterTerms(prepareSubject(benchSubject));
  const conds: string[] = [];
  for (const c of CSV_HEADER) {
    for (const t of terms.text) conds.push(`strpos(lower(${c}::text), ${lit(t)}) > 0`);
    for (const d of terms.digits) conds.push(`strpos(regexp_replace(${c}::text, '[^0-9]+', '', 'g'), ${lit(d)}) > 0`);
  }
  const where = conds.join(' OR ');
  return `SET search_path TO ${PG.schema};
CREATE TEMP TABLE hit AS SELECT * FROM kunde WHERE ${where};
SELECT count(*) FROM hit;
SELECT count(*) FROM (SELECT o.* FROM ordre o WHERE o.kundenr IN (SELECT kundenr FROM hit)) r;`;
}

export function pgSource(): Record<string, unknown> {
  return { id: 'crm', kind: 'postgres', connection: `postgres://${PG.user}@${PG.host}:${PG.port}/${PG.db}?schema=${PG.schema}` };
}

export async function compareSql(sizes: BenchSizes, log: (s: string) => void): Promise<ResultRow[] | string> {
  if (!pgReachable()) return `SQL: PostgreSQL is not reachable at ${PG.host}:${PG.port}`;
  log(`sql: data (${sizes.pgRows} rows)`);
  loadPostgres(await csvFile(sizes.pgRows), sizes.pgRows);
  log('sql: ours');
  let ours;
  try {
    ours = await measureTask('search', { sources: [pgSource()] });
  } catch (err) {
    return `SQL: our PostgreSQL source could not run (${(err as Error).message.split('\n')[0].slice(0, 200)})`;
  }
  if (!ours.report.hits) return 'SQL: our PostgreSQL source found nothing, so there is no search to compare';
  log('sql: psql, same predicate');
  const base = await measure('psql', ['-h', PG.host, '-p', PG.port, '-U', PG.user, '-d', PG.db, '-v', 'ON_ERROR_STOP=1', '-qtA', '-c', psqlSameQuery()]);
  return [
    {
      comparison: 'SQL (with related rows) vs psql, same predicate',
      ours: { label: 'innsyn search', ms: ours.report.ms, peakRssMB: ours.peakRssMB },
      baseline: { label: 'psql', ms: base.wallMs, peakRssMB: base.peakRssMB },
      ratio: ours.report.ms / base.wallMs,
      target: '≤ 1.5×',
      met: ours.report.ms <= 1.5 * base.wallMs,
      note: `${ours.report.hits} hits; psql counted ${base.stdout.trim().split('\n').join(' + ')} rows`,
    },
  ];
}
