import { createHash } from 'node:crypto';
import type { Location } from '../../../shared/hit';

/**
 * A hit's id is derived from its source and location, so the same record gets the same id in
 * every run: review decisions and scripts can refer to it across searches.
 */
export function hitId(source: string, location: Location): string {
  const canonical = JSON.stringify(location, Object.keys(location).sort());
  const digest = createHash('sha256').update(`${source}\u0000${canonical}`).digest('hex').slice(0, 12);
  return `${source}-${digest}`;
}
