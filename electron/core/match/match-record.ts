import type { Confidence, FieldMatch } from '../../../shared/hit';
import type { Reason } from '../../../shared/reason';
import { reasonsIn } from '../../../shared/reason-text';
import { collectEvidence, mayMatch, valuesOf, type Evidence, type MatchInput } from './evidence';
import type { PreparedSubject } from './prepare';

export type { MatchInput } from './evidence';

export interface MatchResult {
  confidence: Confidence;
  score: number;
  /** Why, as data: the app and the package put it into words in their language. */
  why: Reason[];
  /** The same in English, for the CLI and JSON readers. */
  reasons: string[];
  matches: FieldMatch[];
  /** Other people's identifiers appear in the record (Art. 15(4) review). */
  thirdParty: boolean;
  /** The name matched, but an e-mail, phone or ID of the same kind differs: possibly another person. */
  namesake: boolean;
}

/**
 * Scores one record against the subject; null when nothing of the subject is in it.
 * Confidence follows the domain guide ("Confidence"):
 *  - high: a strong identifier (e-mail, national ID, phone, "other" token) matched exactly
 *    after normalisation in a field that holds it, and no name field says it is someone else;
 *  - medium: the name with supporting evidence (same address, an e-mail made of the name),
 *    or a strong identifier mentioned in free text (a note in a row, a message body);
 *  - low: the name alone, or a name mention in free text.
 * A namesake (same name, different e-mail/phone/ID) is never high: a name alone is no proof.
 */
export function matchRecord(input: MatchInput, subject: PreparedSubject): MatchResult | null {
  if (!mayMatch(input, subject)) return null;
  const ev = collectEvidence(valuesOf(input, subject), subject);
  if (ev.strong.length === 0 && ev.names.length === 0) return null;
  return decide(ev);
}

/**
 * Whether a record holds other people's identifiers, even when none of the subject's: used
 * for rows reached through keys, which inherit their parent's confidence only when they
 * hold no one else's data (domain guide, last paragraph).
 */
export function holdsOtherPeople(input: MatchInput, subject: PreparedSubject): boolean {
  return collectEvidence(valuesOf(input, subject), subject).otherPeople > 0;
}

function decide(ev: Evidence): MatchResult {
  const matches = [...ev.strong.map((s) => s.match), ...ev.names.flatMap((n) => n.matches)];
  const found = [...ev.strong.map((s) => s.reason), ...ev.names.map((n) => n.reason)];
  const thirdParty = ev.otherPeople > 0;
  const result = (confidence: Confidence, score: number, extra: Reason[] = [], namesake = false): MatchResult => {
    const why: Reason[] = [...found, ...extra, ...(thirdParty ? [{ code: 'othersInRecord' } as const] : [])];
    return {
      confidence,
      score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000,
      why,
      reasons: reasonsIn(why, 'en'),
      matches,
      thirdParty,
      namesake,
    };
  };

  const inFields = ev.strong.filter((s) => !s.inText);
  const nameInColumn = ev.names.some((n) => n.where !== 'text');
  if (inFields.length > 0) {
    const kinds = new Set(inFields.map((s) => s.match.kind)).size;
    if (ev.otherNames.length > 0 && !nameInColumn) {
      return result('medium', 0.7, [{ code: 'otherNameInRecord', fields: ev.otherNames }]);
    }
    const extra: Reason[] = ev.differs.size > 0 ? [{ code: 'alsoDifferent', kinds: [...ev.differs] }] : [];
    return result('high', 0.9 + 0.03 * (kinds - 1) + (nameInColumn ? 0.05 : 0) - (ev.differs.size > 0 ? 0.05 : 0), extra);
  }
  if (ev.strong.length > 0) {
    // A strong identifier mentioned in prose: it is about the subject, but it is a mention.
    return result('medium', nameInColumn || ev.names.length > 0 ? 0.75 : 0.65, [{ code: 'mentionOnly' }]);
  }
  if (ev.differs.size > 0 && nameInColumn) {
    return result('low', 0.1, [{ code: 'namesake', kinds: [...ev.differs] }], true);
  }
  const best = ev.names.find((n) => n.where === 'column' && !n.partial) ?? ev.names.find((n) => n.where !== 'text') ?? ev.names[0];
  if (ev.support.length > 0 && best.where !== 'text') {
    return result('medium', best.partial ? 0.5 : 0.55, [...ev.support, { code: 'nameSupported' }]);
  }
  const base = best.where === 'column' ? 0.4 : best.where === 'header' ? 0.35 : 0.2;
  return result('low', best.partial ? base - 0.1 : base, [{ code: 'nameOnly' }]);
}
