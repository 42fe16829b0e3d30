import { createHash } from 'node:crypto';
import type { Hit } from '../../../../shared/hit';

/**
 * A digest of everything a hit says (where, how sure, why, what), independent of order:
 * the fast path must return exactly the simple path's hits, not merely as many.
 */
export function hitDigest(hits: readonly Hit[]): string {
  const lines = hits.map((h) => JSON.stringify([h.id, h.confidence, h.score, h.reasons, h.matches, h.relatedTo ?? null, h.record]));
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}
