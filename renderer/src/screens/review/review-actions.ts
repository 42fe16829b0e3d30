import type { CaseReviewUpdate, ExclusionGround } from '../../../../shared/case';
import type { InnsynApi } from '../../../../shared/contract';

export interface DecisionInput {
  include: boolean;
  reason: string;
  ground?: ExclusionGround;
}

/**
 * Decides one or many hits. Many go in one case:reviewMany call: main writes them in one
 * transaction (each still audited on its own), so "Include all high" on thousands of hits
 * is one round trip and never stops half-way.
 */
export async function decideMany(api: InnsynApi, ref: string, hitIds: readonly string[], d: DecisionInput): Promise<CaseReviewUpdate | null> {
  if (hitIds.length === 0) return null;
  const decision = { include: d.include, reason: d.reason, ...(d.ground ? { ground: d.ground } : {}) };
  if (hitIds.length === 1) return api['case:review']({ ref, hitId: hitIds[0], ...decision });
  return api['case:reviewMany']({ ref, hitIds: [...hitIds], ...decision });
}
