import type { Subject } from '../../../shared/subject';
import type { ColumnKind } from './columns';
import { phoneForms, type PhoneForm } from './phone-forms';
import { normaliseEmail, normaliseName, nameTokens, subAddressFolded } from './normalise';
import { initialsOf, spellingsOf, type Fold } from './spelling';
import { termPattern } from './term-pattern';
import { digitsOnly } from './digit-groups';

/** One word of the subject's name with every spelling the matcher accepts for it. */
export interface PreparedToken {
  /** As the DPO typed it. */
  given: string;
  spellings: Map<string, Fold>;
  initials: Map<string, Fold>;
}

export interface PreparedName {
  given: string;
  normalised: string;
  tokens: string[];
  /** Given and middle names, in order; the first is required (in full or as an initial). */
  first: PreparedToken[];
  /** The surname's parts: `Ødegård-Bakken` is two. All are required, or one for a partial match. */
  surname: PreparedToken[];
}

/** The subject's identifiers in the forms the matcher compares, computed once per search. */
export interface PreparedSubject {
  subject: Subject;
  names: PreparedName[];
  /** Lower-case address → as given. */
  emails: Map<string, string>;
  /** Address with any `+tag` removed → as given (sub-addresses fold to the same mailbox). */
  emailsFolded: Map<string, string>;
  /** Digit strings a phone may be written as → the phone as given and how. */
  phones: Map<string, PhoneForm>;
  /** 11 digits → as given. */
  nationalIds: Map<string, string>;
  /** Every digit form of phones and IDs, for the free-text search. */
  digitForms: Map<string, true>;
  longestDigitForm: number;
  /** Lower-case exact token → as given. */
  others: Map<string, string>;
  /** Folded words and numbers of the subject's addresses (supporting evidence only). */
  addressTokens: Set<string>;
  /** Lower-case substrings at least one of which every accepted record contains (see prefilter.ts). */
  textTerms: string[];
  /** Digit strings at least one of which every record accepted by phone or ID contains. */
  digitTerms: string[];
  /** One case-insensitive regular expression over all text terms: the per-field fast reject. */
  quickText: RegExp | null;
  shortestDigitTerm: number;
  /** Column kinds by header, filled while scanning (headers repeat on every record). */
  columnKinds: Map<string, ColumnKind>;
}

function prepareToken(given: string): PreparedToken {
  const spellings = spellingsOf(given.normalize('NFC').toLowerCase());
  return { given, spellings, initials: initialsOf(spellings) };
}

/** "ØDEGÅRD-BAKKEN, Åse" and "Åse Ødegård-Bakken" give the same parts. */
function prepareName(given: string): PreparedName {
  const normalised = normaliseName(given);
  const [before, after] = given.includes(',') ? given.split(/,(.*)/s) : [undefined, given];
  const words = (s: string) => s.split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
  let first: string[];
  let surname: string[];
  if (before !== undefined) {
    surname = words(before);
    first = words(after ?? '');
  } else {
    const whole = after.trim().split(/[\s\u00A0]+/).filter((w) => w.length > 0);
    const last = whole.pop() ?? '';
    surname = words(last);
    first = whole.flatMap(words);
  }
  return {
    given,
    normalised,
    tokens: nameTokens(normalised),
    first: first.map(prepareToken),
    surname: surname.map(prepareToken),
  };
}

export function addressTokensOf(text: string): string[] {
  return (normaliseName(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length >= 3 || /^\d+$/.test(t));
}

export function prepareSubject(subject: Subject): PreparedSubject {
  const names = subject.names.map(prepareName).filter((n) => n.surname.length > 0);
  const emails = new Map(subject.emails.map((e) => [normaliseEmail(e), e]));
  const emailsFolded = new Map(subject.emails.map((e) => [subAddressFolded(normaliseEmail(e)), e]));
  const phones = new Map<string, PhoneForm>();
  for (const p of subject.phones) for (const f of phoneForms(p)) if (!phones.has(f.digits)) phones.set(f.digits, f);
  const nationalIds = new Map<string, string>();
  for (const id of subject.nationalIds) {
    const d = digitsOnly(id);
    if (d.length > 0) nationalIds.set(d, id);
  }
  const digitForms = new Map<string, true>();
  for (const k of [...phones.keys(), ...nationalIds.keys()]) digitForms.set(k, true);
  const others = new Map(subject.others.map((o) => [o.trim().toLowerCase(), o]));

  const text = new Set<string>();
  for (const e of emails.keys()) text.add(e);
  // A sub-addressed spelling (kari+shop@x.no) does not contain kari@x.no, but contains "kari+".
  for (const e of emailsFolded.keys()) {
    text.add(e);
    const at = e.indexOf('@');
    if (at > 0) text.add(`${e.slice(0, at)}+`);
  }
  for (const o of others.keys()) text.add(o);
  // Every accepted name match contains at least one surname part in one of its spellings.
  for (const n of names) for (const part of n.surname) for (const s of part.spellings.keys()) text.add(s);
  text.delete('');
  // A term that contains a shorter term adds nothing to "contains one of them" (fewer SQL LIKEs).
  const sorted = [...text].sort((a, b) => a.length - b.length);
  const textTerms = sorted.filter((t, i) => !sorted.slice(0, i).some((shorter) => t.includes(shorter)));
  const digits = new Set<string>();
  for (const f of phones.values()) digits.add(f.core);
  for (const d of nationalIds.keys()) {
    digits.add(d);
    // A number column drops the leading zero of 01010100131; such a row must still get through.
    if (d.startsWith('0')) digits.add(d.slice(1));
  }
  digits.delete('');

  return {
    subject,
    names,
    emails,
    emailsFolded,
    phones,
    nationalIds,
    digitForms,
    longestDigitForm: Math.max(0, ...[...digitForms.keys()].map((k) => k.length)),
    others,
    addressTokens: new Set((subject.addresses ?? []).flatMap(addressTokensOf)),
    textTerms,
    digitTerms: [...digits],
    // Case-insensitive with Unicode case folding, so records need no lower-casing copy (Ø/ø, Å/å).
    quickText: termPattern(textTerms, 'iu'),
    shortestDigitTerm: Math.min(...[...digits].map((d) => d.length)),
    columnKinds: new Map(),
  };
}
