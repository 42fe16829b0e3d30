import { idnr } from '@navikt/fnrvalidator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** An i18n key under `cases.form.errors`, or null when the value is acceptable. */
export type IdentifierProblem = 'nationalIdLength' | 'nationalIdCheck' | 'nationalIdDate' | 'phone' | 'email' | null;

/**
 * National ID (fødselsnummer, D-, H- and synthetic test numbers): written with or without a
 * space or dash after the date part, as people do; the mod-11 check digits catch typos.
 */
export function nationalIdProblem(raw: string): IdentifierProblem {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d{11}$/.test(digits)) return 'nationalIdLength';
  const r = idnr(digits);
  if (r.status === 'valid') return null;
  return r.reasons.some((x) => x.startsWith('checksum')) ? 'nationalIdCheck' : 'nationalIdDate';
}

/** Phone numbers in any format the domain guide lists, parsed with Norway as the default region. */
export function phoneProblem(raw: string): IdentifierProblem {
  const parsed = parsePhoneNumberFromString(raw, 'NO');
  return parsed?.isPossible() ? null : 'phone';
}

/** Syntax only: one @, something on both sides, a dot in the domain, no spaces. */
export function emailProblem(raw: string): IdentifierProblem {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw.trim()) ? null : 'email';
}

export const rules = {
  names: () => null,
  emails: emailProblem,
  phones: phoneProblem,
  nationalIds: nationalIdProblem,
  others: () => null,
} as const satisfies Record<string, (raw: string) => IdentifierProblem>;

export type IdentifierList = keyof typeof rules;
