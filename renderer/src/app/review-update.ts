import type { CaseDetail, CaseReviewUpdate } from '../../../shared/case';

/**
 * The case as it is after a decision, a redaction or an answer to a suggestion. Main sends only
 * the hits that changed, and the open suggestions when they changed (a
 * case of 200,000 hits took seconds to read back and send after each click); every other hit
 * keeps its object, so the review table does not rebuild rows that did not change. An update
 * for another case than the one open is ignored.
 */
export function applyReviewUpdate(detail: CaseDetail, update: CaseReviewUpdate): CaseDetail {
  if (detail.case.ref !== update.case.ref) return detail;
  const changed = new Map(update.hits.map((h) => [h.hitId, h]));
  const hits = detail.hits.map((h) => {
    const u = changed.get(h.hitId);
    return u ? { ...h, decision: u.decision, redactions: u.redactions } : h;
  });
  return { ...detail, case: update.case, hits, ...(update.suggestions ? { suggestions: update.suggestions } : {}) };
}
