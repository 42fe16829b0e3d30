import type { Cell } from '../../../shared/hit';
import type { HitDecision, PackageReview, Redaction } from '../package/review';
import type { CaseStore } from './case-store';

/**
 * Maps the case's decisions and redactions onto the package builder's review input. A span
 * becomes "mask this text": the offsets were taken on the stored snapshot, and the snapshot
 * is exactly what is exported, so the text at those offsets is the text the reviewer marked.
 * Read from the store directly: only hits with a span redaction have their record read.
 */
export function packageReviewOf(store: CaseStore, caseId: number): PackageReview {
  const decisions: HitDecision[] = store.decisions(caseId).map((d) =>
    d.include
      ? { hitId: d.hitId, decision: 'include', reason: d.reason }
      : { hitId: d.hitId, decision: 'exclude', ground: d.ground ?? 'not-subject', reason: d.reason },
  );
  const records = new Map<string, Record<string, Cell> | null>();
  const recordOf = (hitId: string) => {
    if (!records.has(hitId)) {
      const json = store.snapshot(caseId, hitId);
      records.set(hitId, typeof json === 'string' ? (JSON.parse(json) as { record: Record<string, Cell> }).record : null);
    }
    return records.get(hitId) ?? null;
  };
  const redactions: Redaction[] = [];
  for (const r of store.redactions(caseId)) {
    const record = r.span ? recordOf(r.hitId) : null;
    if (r.span && record) {
      const value = record[r.field];
      const text = (typeof value === 'string' ? value : String(value ?? '')).slice(r.span[0], r.span[1]);
      if (text.length > 0) redactions.push({ hitId: r.hitId, field: r.field, action: 'mask-text', text, reason: r.reason });
    } else {
      redactions.push({ hitId: r.hitId, field: r.field, action: r.mode, reason: r.reason });
    }
  }
  return { decisions, redactions, onlyDecided: false };
}
