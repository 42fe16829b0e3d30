import type { Cell, Confidence, FieldMatch } from '../../../shared/hit';
import { emailsIn, nameTokens, normaliseEmail, normaliseName } from './normalise';
import type { PreparedSubject } from './prepare';
import type { FieldKind } from '../sources/source';

/** What a source hands the matcher: named values, plus free text that is searched but not a column. */
export interface MatchInput {
  fields: Record<string, Cell>;
  text?: ReadonlyArray<{ field: string; value: string }>;
  kinds?: Readonly<Record<string, FieldKind>>;
}

export interface MatchResult {
  confidence: Confidence;
  score: number;
  reasons: string[];
  matches: FieldMatch[];
  /** Other people's e-mail addresses appear in the record (Art. 15(4) review). */
  thirdParty: boolean;
}

interface Evidence {
  strong: FieldMatch[];
  nameInFields: FieldMatch[];
  nameMentions: FieldMatch[];
  reasons: string[];
  otherEmails: Set<string>;
}

/**
 * Scores one record against the subject. Returns null when nothing of the subject is in it.
 *
 * high: a strong identifier (e-mail, "other" token) matched exactly after normalisation.
 * low: the name alone, or a mention in free text. A name next to a *different* e-mail is a
 * namesake and stays low with a reason saying so: a name alone is never proof.
 */
export function matchRecord(input: MatchInput, subject: PreparedSubject): MatchResult | null {
  const ev: Evidence = { strong: [], nameInFields: [], nameMentions: [], reasons: [], otherEmails: new Set() };
  const texts: Array<{ field: string; value: string; structured: boolean }> = [];
  for (const [field, cell] of Object.entries(input.fields)) {
    if (cell === null || cell === undefined) continue;
    texts.push({ field, value: String(cell), structured: true });
  }
  for (const t of input.text ?? []) texts.push({ ...t, structured: false });

  for (const t of texts) {
    matchEmails(t.field, t.value, subject, ev);
    if (t.structured) matchOther(t.field, t.value, subject, ev);
  }
  matchNames(texts, subject, ev);

  if (ev.strong.length === 0 && ev.nameInFields.length === 0 && ev.nameMentions.length === 0) return null;

  const matches = [...ev.strong, ...ev.nameInFields, ...ev.nameMentions];
  const thirdParty = ev.otherEmails.size > 0;
  if (ev.strong.length > 0) {
    const score = Math.min(1, 0.9 + 0.05 * (ev.strong.length - 1) + (ev.nameInFields.length > 0 ? 0.05 : 0));
    return { confidence: 'high', score, reasons: ev.reasons, matches, thirdParty };
  }
  const reasons = [...ev.reasons];
  if (subject.emails.size > 0 && ev.otherEmails.size > 0) {
    reasons.push('Name matches but the e-mail address in the record differs: possibly a namesake');
    return { confidence: 'low', score: 0.15, reasons, matches, thirdParty };
  }
  const score = ev.nameInFields.length > 0 ? 0.35 : 0.2;
  return { confidence: 'low', score, reasons, matches, thirdParty };
}

function matchEmails(field: string, value: string, subject: PreparedSubject, ev: Evidence): void {
  if (!value.includes('@')) return;
  for (const found of emailsIn(value)) {
    const norm = normaliseEmail(found);
    if (subject.emails.has(norm)) {
      ev.strong.push({ field, kind: 'email', value: found });
      ev.reasons.push(`${field} matched e-mail ${subject.emails.get(norm)} (case-insensitive)`);
    } else {
      ev.otherEmails.add(norm);
    }
  }
}

function matchOther(field: string, value: string, subject: PreparedSubject, ev: Evidence): void {
  if (subject.others.size === 0) return;
  const norm = value.trim().toLowerCase();
  const given = subject.others.get(norm);
  if (given !== undefined) {
    ev.strong.push({ field, kind: 'other', value });
    ev.reasons.push(`${field} matched identifier ${given} (exact)`);
  }
}

function matchNames(
  texts: ReadonlyArray<{ field: string; value: string; structured: boolean }>,
  subject: PreparedSubject,
  ev: Evidence,
): void {
  if (subject.names.length === 0) return;
  const structured = texts
    .filter((t) => t.structured)
    .map((t) => ({ ...t, norm: normaliseName(t.value) }));
  for (const name of subject.names) {
    if (name.tokens.length === 0) continue;
    // 1. One column holds the whole name.
    const whole = structured.find((t) => t.norm === name.normalised);
    if (whole) {
      ev.nameInFields.push({ field: whole.field, kind: 'name', value: whole.value });
      ev.reasons.push(`${whole.field} matched name ${name.given} (case-insensitive)`);
      continue;
    }
    // 2. The name is split over columns (FirstName + LastName): each token is a whole column.
    const parts = name.tokens.map((tok) => structured.find((t) => t.norm === tok));
    if (name.tokens.length > 1 && parts.every((p) => p !== undefined)) {
      const used = parts as NonNullable<(typeof parts)[number]>[];
      for (const p of used) ev.nameInFields.push({ field: p.field, kind: 'name', value: p.value });
      ev.reasons.push(`${used.map((p) => p.field).join(' + ')} matched name ${name.given} (case-insensitive)`);
      continue;
    }
    // 3. A mention inside longer text, on word boundaries.
    for (const t of texts) {
      if (containsPhrase(normaliseName(t.value), name.tokens)) {
        ev.nameMentions.push({ field: t.field, kind: 'name', value: name.given });
        ev.reasons.push(`${t.field} mentions name ${name.given} in text (case-insensitive)`);
        break;
      }
    }
  }
}

/** True when the tokens appear consecutively in the text, not as parts of longer words. */
function containsPhrase(normText: string, tokens: readonly string[]): boolean {
  const words = nameTokens(normText);
  outer: for (let i = 0; i + tokens.length <= words.length; i++) {
    for (let j = 0; j < tokens.length; j++) if (words[i + j] !== tokens[j]) continue outer;
    return true;
  }
  return false;
}
