import type { Cell, Hit } from '../../../shared/hit';
import type { Redaction } from './review';

export interface RedactionNote {
  field: string;
  action: Redaction['action'];
}

/**
 * Applies a reviewer's redactions to one hit. Matches and reasons are cleaned too: a match on
 * a removed field would otherwise repeat the value next to the record, and masked text must
 * not survive in the "why it matched" explanation.
 */
export function redactHit(hit: Hit, redactions: readonly Redaction[], mark: string): { hit: Hit; notes: RedactionNote[] } {
  const record: Record<string, Cell> = { ...hit.record };
  let matches = hit.matches;
  let reasons = hit.reasons;
  const notes: RedactionNote[] = [];
  for (const r of redactions) {
    if (!(r.field in record)) continue;
    if (r.action === 'remove') {
      delete record[r.field];
      matches = matches.filter((m) => m.field !== r.field);
    } else if (r.action === 'mask') {
      if (record[r.field] === null) continue;
      record[r.field] = mark;
      matches = matches.filter((m) => m.field !== r.field);
    } else {
      const value = record[r.field];
      if (typeof value !== 'string' || !value.includes(r.text)) continue;
      record[r.field] = value.split(r.text).join(mark);
      matches = matches.map((m) => (m.value.includes(r.text) ? { ...m, value: m.value.split(r.text).join(mark) } : m));
      reasons = reasons.map((x) => x.split(r.text).join(mark));
    }
    notes.push({ field: r.field, action: r.action });
  }
  return { hit: { ...hit, record, matches, reasons }, notes };
}
