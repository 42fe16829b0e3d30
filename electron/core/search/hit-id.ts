import { createHash } from 'node:crypto';
import type { Location } from '../../../shared/hit';

/**
 * A hit's id is derived from its source and location, so the same record gets the same id in
 * every run: review decisions and scripts can refer to it across searches.
 */
export function hitId(source: string, location: Location): string {
  // Keys sorted at every level. (A replacer array would also filter the nested `key` object
  // down to nothing, giving every row of a table the same id.)
  const canonical = JSON.stringify(sortKeys(location));
  const digest = createHash('sha256').update(`${source}\u0000${canonical}`).digest('hex').slice(0, 12);
  return `${source}-${digest}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
