/**
 * Normalisation shared by the matcher and the source adapters. Each function returns the form
 * two spellings of the same identifier have in common; the matcher compares those forms and
 * names the normalisation in the hit's reasons.
 */

const WHITESPACE = /[\s\u00A0\u2007\u202F]+/g;

/** Case and whitespace (including non-breaking spaces) only. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(WHITESPACE, ' ').trim().toLocaleLowerCase('nb');
}

/** E-mail addresses compare case-insensitively (domain parts are, and in practice local parts too). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * `kari+butikk@example.no` is delivered to `kari@example.no` (RFC 5233 sub-addressing, used by
 * Gmail, Outlook.com, Fastmail): the same mailbox, so the same person.
 */
export function subAddressFolded(normalisedEmail: string): string {
  const at = normalisedEmail.lastIndexOf('@');
  if (at < 0) return normalisedEmail;
  const plus = normalisedEmail.indexOf('+');
  return plus > 0 && plus < at ? normalisedEmail.slice(0, plus) + normalisedEmail.slice(at) : normalisedEmail;
}

export { digitsOnly } from './digit-groups';

/** Splits a normalised name into word tokens (letters and digits, keeping inner hyphens). */
export function nameTokens(normalisedName: string): string[] {
  return normalisedName.split(/[^\p{L}\p{N}'-]+/u).filter((t) => t.length > 0);
}

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/** Every e-mail address that appears in a piece of text, as written. */
export function emailsIn(text: string): string[] {
  return text.match(EMAIL_IN_TEXT) ?? [];
}
