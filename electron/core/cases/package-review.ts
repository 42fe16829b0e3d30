import type { CaseDetail } from '../../../shared/case';
import type { HitDecision, PackageReview, Redaction } from '../package/review';

/**
 * Maps the case's decisions and redactions onto the package builder's review input. A span
 * becomes "mask this text": the offsets were taken on the stored snapshot, and the snapshot
 * is exactly what is exported, so the text at those offsets is the text the reviewer marked.
 */
export function packageReviewFor(detail: CaseDetail): PackageReview {
  const decisions: HitDecision[] = [];
  const redactions: Redaction[] = [];
  for (const h of detail.hits) {
    const d = h.decision;
    if (d?.include) decisions.push({ hitId: h.hitId, decision: 'include', reason: d.reason });
    else if (d) decisions.push({ hitId: h.hitId, decision: 'exclude', ground: d.ground ?? 'not-subject', reason: d.reason });
    for (const r of h.redactions) {
      if (r.span && h.hit) {
        const value = h.hit.record[r.field];
        const text = (typeof value === 'string' ? value : String(value ?? '')).slice(r.span[0], r.span[1]);
        if (text.length > 0) redactions.push({ hitId: h.hitId, field: r.field, action: 'mask-text', text, reason: r.reason });
      } else {
        redactions.push({ hitId: h.hitId, field: r.field, action: r.mode, reason: r.reason });
      }
    }
  }
  return { decisions, redactions, onlyDecided: false };
}
