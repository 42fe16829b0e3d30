import { digitsOnly } from './normalise';
import type { PreparedSubject } from './prepare';

/**
 * Terms a source can use to pre-filter cheaply (a SQL WHERE clause, a raw byte scan) before
 * the matcher scores records. The promise: every record the matcher would accept contains,
 * case-insensitively, at least one `text` term in some field, or, after removing non-digits
 * from a field, one `digits` term. Sources must not filter more narrowly than this.
 */
export interface PrefilterTerms {
  /** Lower-case substrings: e-mail addresses, name tokens and their spelling variants, other tokens. */
  text: string[];
  /** Digit strings: phone numbers and national IDs. */
  digits: string[];
}

export function prefilterTerms(subject: PreparedSubject): PrefilterTerms {
  const text = new Set<string>();
  for (const e of subject.emails.keys()) text.add(e);
  for (const o of subject.others.keys()) text.add(o);
  for (const n of subject.names) for (const t of n.tokens) text.add(t);
  const digits = new Set<string>();
  for (const p of subject.subject.phones) digits.add(digitsOnly(p));
  for (const id of subject.subject.nationalIds) digits.add(digitsOnly(id));
  digits.delete('');
  return { text: [...text], digits: [...digits] };
}
