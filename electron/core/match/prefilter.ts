import type { PreparedSubject } from './prepare';

/**
 * Terms a source can use to pre-filter cheaply (a SQL WHERE clause, a raw byte scan) before
 * the matcher scores records. The promise: every record the matcher would accept contains,
 * case-insensitively, at least one `text` term in some field, or, after removing non-digits
 * from a field, one `digits` term. Sources must not filter more narrowly than this.
 *
 * The matcher's own fast reject (evidence.ts `mayMatch`) uses these very terms, so the promise
 * holds by construction: name spellings (æ/ae, ø/oe/o, å/aa/a, diacritics dropped) are listed
 * for every surname part, e-mails with and without `+tag`, phones by their national number.
 */
export interface PrefilterTerms {
  /** Lower-case substrings: e-mail addresses, surname spellings, other tokens. */
  text: string[];
  /** Digit strings: phone numbers (national number) and national IDs. */
  digits: string[];
}

export function prefilterTerms(subject: PreparedSubject): PrefilterTerms {
  return { text: [...subject.textTerms], digits: [...subject.digitTerms] };
}
