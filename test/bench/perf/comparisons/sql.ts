import type { BenchSizes } from '../config';
import { CSV_HEADER } from '../data/gen-csv';
import { loadPostgres, PG, pgReachable } from '../data/gen-pg';
import { benchSubject } from '../data/subject';
import { measure, measureTask } from '../measure';
import type { ResultRow } from '../report';
import { prefilterTerms } from '../../../../electron/core/match/prefilter';
import { prepareSubject } from '../../../../electron/core/match/prepare';
import { postgresDialect, type SqlDialect } from '../../../../electron/core/sources/sql/dialect';
import { prefilterQuery } from '../../../../electron/core/sources/sql/queries';
import type { TableSchema } from '../../../../electron/core/sources/tabular/table-schema';
import type { PrefilterTerms } from '../../../../electron/core/match/prefilter';
import { csvFile } from './csv';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The tables our PostgreSQL source searches in the bench schema, as its catalogue reports them. */
const benchTables: TableSchema[] = [
  { name: 'kunde', columns: CSV_HEADER.map((c) => ({ name: c, type: c === 'kundenr' ? 'integer' : 'text' })), primaryKey: ['kundenr'] },
  {
    name: 'ordre',
    columns: [
      { name: 'ordrenr', type: 'integer' },
      { name: 'kundenr', type: 'integer' },
      { name: 'belop', type: 'numeric' },
      { name: 'dato', type: 'date' },
    ],
    primaryKey: ['ordrenr'],
  },
  { name: 'meta', columns: [{ name: 'v', type: 'text' }], primaryKey: [] },
];

/** One of our queries with its parameters written in as literals, for psql. */
function inlined(dialect: SqlDialect, table: TableSchema, terms: PrefilterTerms): string {
  const q = prefilterQuery(dialect, table, terms, '*');
  if (!q) throw new Error(`no query for ${table.name}`);
  return q.sql.replace(/\$(\d+)/g, (_, n: string) => lit(String(q.params[Number(n) - 1])));
}

/**
 * What psql runs: the prefilter over every table our source searches (built by the source's own
 * prefilterQuery, parameters written in as literals), plus the query that fetches the related
 * orders. `perColumn` uses the form that folds each column once per term, to show what
 * folding each row once saves inside the engine; by default it is exactly the SQL we send.
 */
export function psqlSameQuery(form: 'ours' | 'perColumn' = 'ours'): string {
  const terms = prefilterTerms(prepareSubject(benchSubject));
  const dialect: SqlDialect = form === 'ours' ? postgresDialect() : { ...postgresDialect(), rowFilter: undefined };
  const [kunde, ...others] = benchTables.map((t) => inlined(dialect, t, terms));
  return `SET search_path TO ${PG.schema};
CREATE TEMP TABLE hit AS ${kunde};
SELECT count(*) FROM hit;
${others.map((q) => `SELECT count(*) FROM (${q}) x;`).join('\n')}
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
  log('sql: psql, the same SQL over the same tables');
  const psqlArgs = ['-h', PG.host, '-p', PG.port, '-U', PG.user, '-d', PG.db, '-v', 'ON_ERROR_STOP=1', '-qtA', '-c'];
  const base = await measure('psql', [...psqlArgs, psqlSameQuery('ours')]);
  log('sql: psql, the per-column form of the predicate');
  const perColumn = await measure('psql', [...psqlArgs, psqlSameQuery('perColumn')]);
  return [
    {
      comparison: 'SQL (with related rows) vs psql, same SQL',
      ours: { label: 'innsyn search', ms: ours.report.ms, peakRssMB: ours.peakRssMB },
      baseline: { label: 'psql', ms: base.wallMs, peakRssMB: base.peakRssMB },
      ratio: ours.report.ms / base.wallMs,
      target: '≤ 1.5×',
      met: ours.report.ms <= 1.5 * base.wallMs,
      note: `${ours.report.hits} hits; psql ran our prefilter SQL on kunde, ordre and meta plus the related-orders query and counted ${base.stdout.trim().split('\n').join(' + ')} rows`,
    },
    {
      comparison: 'SQL vs psql, per-column predicate (engine-side gain)',
      ours: { label: 'innsyn search', ms: ours.report.ms, peakRssMB: ours.peakRssMB },
      baseline: { label: 'psql, each column folded per term', ms: perColumn.wallMs, peakRssMB: perColumn.peakRssMB },
      ratio: ours.report.ms / perColumn.wallMs,
      note: `the same rows (${perColumn.stdout.trim().split('\n').join(' + ')}); the row-folded SQL we send takes ${(base.wallMs / perColumn.wallMs).toFixed(2)}× the engine time of this form`,
    },
  ];
}
