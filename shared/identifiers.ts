import { idnr } from '@navikt/fnrvalidator';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Subject } from './subject';

/**
 * Checks the subject's identifiers when they are entered, so a typo is caught before a search
 * that would quietly find nothing. Pure (no Node, no DOM): the CLI and the renderer use the
 * same rules. Both libraries used here are plain JavaScript without I/O.
 */

/** Why an identifier was refused; the renderer maps these to translated texts. */
export type IdentifierProblem = 'empty' | 'nationalIdLength' | 'nationalIdCheck' | 'nationalIdDate' | 'phone' | 'email';

/** Separators people write inside a national ID: `150385 41215`, `150385-41215`, `150385.41215`. */
const ID_SEPARATORS = /[\s.\u00A0-]/g;

/**
 * Fødselsnummer, D-nummer (day + 40), H-nummer (month + 40), synthetic test numbers
 * (month + 80) and the 2032 rule with four possible first check digits: all via
 * @navikt/fnrvalidator, so the rules follow Skatteetaten's specification in one place.
 */
export function nationalIdProblem(raw: string): IdentifierProblem | null {
  const digits = raw.replace(ID_SEPARATORS, '');
  if (digits.length === 0) return 'empty';
  if (!/^\d{11}$/.test(digits)) return 'nationalIdLength';
  const result = idnr(digits);
  if (result.status === 'valid') return null;
  return result.reasons.some((r) => r.startsWith('checksum')) ? 'nationalIdCheck' : 'nationalIdDate';
}

/** Any form the domain guide lists (`+47 913 45 678`, `0047…`, `07-98 92 35`), Norway as default region. */
export function phoneProblem(raw: string): IdentifierProblem | null {
  if (raw.trim().length === 0) return 'empty';
  const parsed = parsePhoneNumberFromString(raw, 'NO');
  return parsed?.isPossible() ? null : 'phone';
}

/** Syntax only: one @, something on both sides, a dot in the domain, no spaces. */
export function emailProblem(raw: string): IdentifierProblem | null {
  const value = raw.trim();
  if (value.length === 0) return 'empty';
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(value) ? null : 'email';
}

function nameProblem(raw: string): IdentifierProblem | null {
  return /\p{L}/u.test(raw) ? null : 'empty';
}

function otherProblem(raw: string): IdentifierProblem | null {
  return raw.trim().length > 0 ? null : 'empty';
}

export const identifierRules = {
  names: nameProblem,
  emails: emailProblem,
  phones: phoneProblem,
  nationalIds: nationalIdProblem,
  others: otherProblem,
} as const satisfies Record<string, (raw: string) => IdentifierProblem | null>;

export type IdentifierList = keyof typeof identifierRules;

/** English wording for the CLI and for errors that cross the contract. */
const problemText: Record<IdentifierProblem, string> = {
  empty: 'is empty',
  nationalIdLength: 'must have 11 digits (a fødselsnummer or D-nummer, e.g. 150385 41215)',
  nationalIdCheck: 'has check digits that do not match: it is mistyped or not a real fødselsnummer/D-nummer',
  nationalIdDate: 'does not start with a valid birth date (DDMMYY, D-numbers add 40 to the day)',
  phone: 'is not a phone number (8 digits for a Norwegian number, or an international number starting with + or 00)',
  email: 'is not an e-mail address (expected something like name@example.no)',
};

const listLabel: Record<IdentifierList, string> = {
  names: 'Name',
  emails: 'E-mail',
  phones: 'Phone',
  nationalIds: 'National ID',
  others: 'Other identifier',
};

/**
 * Hides all but the last two digits: the message may be shown or logged, and a full
 * fødselsnummer must not end up in either.
 */
function masked(list: IdentifierList, raw: string): string {
  if (list !== 'nationalIds') return `"${raw}"`;
  const digits = raw.replace(/\D/g, '');
  return digits.length > 2 ? `ending in …${digits.slice(-2)}` : '';
}

export interface IdentifierIssue {
  list: IdentifierList;
  index: number;
  problem: IdentifierProblem;
  /** "National ID ending in …15 has check digits that do not match: …" */
  message: string;
}

/** Every identifier of the subject that would be refused, in entry order. */
export function subjectProblems(subject: Subject): IdentifierIssue[] {
  const issues: IdentifierIssue[] = [];
  for (const list of Object.keys(identifierRules) as IdentifierList[]) {
    subject[list].forEach((raw, index) => {
      const problem = identifierRules[list](raw);
      if (problem === null) return;
      const which = masked(list, raw);
      issues.push({ list, index, problem, message: `${listLabel[list]} ${which} ${problemText[problem]}.`.replace(/\s+/g, ' ') });
    });
  }
  return issues;
}
