import type { CaseDetail, ExclusionGround } from '../../../../shared/case';
import type { InnsynApi } from '../../../../shared/contract';

export interface DecisionInput {
  include: boolean;
  reason: string;
  ground?: ExclusionGround;
}

/**
 * Decides many hits, one contract call each (the register audits every decision on its own).
 * Calls run one after the other so the audit chain records them in the order given; the
 * detail from the last call is the one to show.
 */
export async function decideMany(api: InnsynApi, ref: string, hitIds: readonly string[], d: DecisionInput): Promise<CaseDetail | null> {
  let last: CaseDetail | null = null;
  for (const hitId of hitIds) {
    last = await api['case:review']({ ref, hitId, include: d.include, reason: d.reason, ...(d.ground ? { ground: d.ground } : {}) });
  }
  return last;
}
