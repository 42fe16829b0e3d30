import type { Cell, FieldMatch } from '../../../shared/hit';
import type { DifferingKind, IdentifierHow, Reason } from '../../../shared/reason';
import type { FieldKind } from '../sources/source';
import { columnKind, type ColumnKind } from './columns';
import { digitsOnly, findDigitForms } from './digit-groups';
import { findEmails, findOthersInText, maskId, roleAddress } from './identifiers-in-text';
import { addressTokensOf, type PreparedSubject } from './prepare';
import { givenOnlyField, reasonHow, isPartial, nameInText, quoted, sharesNameWord, surnameOnlyField, wholeFieldName, wordsOf, type NameHow, type Word } from './names';

type IdentifierKind = FieldMatch['kind'];

/** A strong identifier of the subject found in the record (domain guide: e-mail, ID, phone, customer number). */
export interface StrongFind {
  match: FieldMatch;
  reason: Reason;
  /** Found in free text (a note, a message body) rather than in a field that holds it. */
  inText: boolean;
}

export interface NameFind {
  matches: FieldMatch[];
  reason: Reason;
  /** column: a name field; header: a display name in From/To; text: a mention in prose. */
  where: 'column' | 'header' | 'text';
  partial: boolean;
}

/** Everything the record says for and against it being the subject's. */
export interface Evidence {
  strong: StrongFind[];
  names: NameFind[];
  /** Reasons a name match is supported (same address, an e-mail made of the name). */
  support: Reason[];
  /** Identifier kinds the subject gave that the record holds with a different value. */
  differs: Set<DifferingKind>;
  /** Name fields that hold someone else's name, by field. */
  otherNames: string[];
  /** Other people's identifiers in the record (Art. 15(4)): the record needs review. */
  otherPeople: number;
}

export interface MatchInput {
  fields: Record<string, Cell>;
  text?: ReadonlyArray<{ field: string; value: string }>;
  kinds?: Readonly<Record<string, FieldKind>>;
}

interface Value {
  field: string;
  value: string;
  kind: ColumnKind;
  /** The value's words, split once: a name column is read by fieldName and again by splitName. */
  words?: Word[];
}

function wordsIn(v: Value): Word[] {
  return (v.words ??= wordsOf(v.value));
}

function kindOf(field: string, input: MatchInput, s: PreparedSubject, isText: boolean): ColumnKind {
  const hint = input.kinds?.[field];
  if (hint) return hint;
  if (isText) return 'text';
  let k = s.columnKinds.get(field);
  if (k === undefined) {
    k = columnKind(field, undefined);
    s.columnKinds.set(field, k);
  }
  return k;
}

/** The record's values with their kinds; numbers as text (a 10-digit national ID lost its leading 0). */
export function valuesOf(input: MatchInput, s: PreparedSubject): Value[] {
  const out: Value[] = [];
  for (const field in input.fields) {
    const cell = input.fields[field];
    if (cell === null || cell === undefined || cell === '') continue;
    const kind = kindOf(field, input, s, false);
    let value = typeof cell === 'string' ? cell : String(cell);
    if (kind === 'nationalId' && typeof cell === 'number' && value.length === 10) value = `0${value}`;
    out.push({ field, value, kind });
  }
  for (const t of input.text ?? []) if (t.value) out.push({ field: t.field, value: t.value, kind: kindOf(t.field, input, s, true) });
  return out;
}

/**
 * The fast reject, run on every record before anything is allocated: true when some value
 * contains a text term (case-insensitive) or, digits only, a digit term (see prefilter.ts).
 */
export function mayMatch(input: MatchInput, s: PreparedSubject): boolean {
  for (const field in input.fields) {
    const cell = input.fields[field];
    if (cell === null || cell === undefined || cell === '' || typeof cell === 'boolean') continue;
    if (mayHold(typeof cell === 'string' ? cell : String(cell), s)) return true;
  }
  for (const t of input.text ?? []) if (mayHold(t.value, s)) return true;
  return false;
}

function mayHold(value: string, s: PreparedSubject): boolean {
  if (s.quickText && s.quickText.test(value)) return true;
  if (s.digitTerms.length > 0 && value.length >= s.shortestDigitTerm && /\d/.test(value)) {
    const d = digitsOnly(value);
    for (const t of s.digitTerms) if (d.includes(t)) return true;
  }
  return false;
}

export function collectEvidence(values: readonly Value[], s: PreparedSubject): Evidence {
  const ev: Evidence = { strong: [], names: [], support: [], differs: new Set(), otherNames: [], otherPeople: 0 };
  const strong = (field: string, kind: Exclude<IdentifierKind, 'name'>, value: string, given: string, how: IdentifierHow, inText: boolean) => {
    ev.strong.push({ match: { field, kind, value }, reason: { code: 'identifier', field, kind, given, how, inText }, inText });
  };
  const foreignEmails: string[] = [];
  for (const v of values) {
    const inText = v.kind === 'text';
    // E-mail addresses, and in address headers the display names next to them.
    if (v.value.includes('@')) {
      for (const e of findEmails(v.value, v.kind === 'addressHeader')) {
        const mine = s.emails.get(e.normalised) ?? s.emailsFolded.get(e.folded);
        if (mine !== undefined) {
          const how = s.emails.has(e.normalised) ? 'caseInsensitive' : 'plusTagFolded';
          strong(v.field, 'email', e.written, mine, how, inText);
        } else if (!roleAddress(e.normalised)) {
          foreignEmails.push(e.normalised);
          // In a row every e-mail is the row's person's: someone else's only when it differs from
          // the subject's given ones. In a message each address is another participant.
          const rowEmail = !inText && v.kind !== 'addressHeader';
          if (!rowEmail || s.emails.size > 0) ev.otherPeople++;
          if (rowEmail && s.emails.size > 0) ev.differs.add('email');
        }
        if (e.displayName) headerName(v.field, e.displayName, mine !== undefined, s, ev);
      }
    }
    // Phones and national IDs, on digit-group boundaries.
    if (s.digitForms.size > 0 && /\d/.test(v.value)) {
      let found = false;
      const d = digitsOnly(v.value);
      if (s.digitTerms.some((t) => d.includes(t))) {
        for (const m of findDigitForms(v.value, s.digitForms, s.longestDigitForm)) {
          const id = s.nationalIds.get(m.form);
          if (id !== undefined) strong(v.field, 'nationalId', m.written, maskId(id), 'separatorsIgnored', inText);
          const phone = s.phones.get(m.form);
          if (phone) strong(v.field, 'phone', m.written, phone.given, phone.how, inText);
          found = true;
        }
      }
      if (!found && v.kind === 'phone' && s.phones.size > 0) ev.differs.add('phone');
      if (!found && v.kind === 'nationalId' && s.nationalIds.size > 0) ev.differs.add('nationalId');
    }
    // Other exact tokens: the whole field, or a whole token in text.
    if (s.others.size > 0) {
      const given = inText ? undefined : s.others.get(v.value.trim().toLowerCase());
      if (given !== undefined) strong(v.field, 'other', v.value, given, 'exact', false);
      else for (const g of findOthersInText(v.value, s.others)) strong(v.field, 'other', g, g, 'exactToken', true);
    }
    if (s.names.length > 0) fieldName(v, s, ev);
    if (s.addressTokens.size > 0 && (v.kind === 'address' || v.kind === 'unknown')) {
      const shared = addressTokensOf(v.value).filter((t) => s.addressTokens.has(t));
      if (shared.length > 0) ev.support.push({ code: 'sameAddress', field: v.field, words: shared.length });
    }
  }
  splitName(values, s, ev);
  if (ev.names.length > 0 && s.emails.size === 0) emailMadeOfName(foreignEmails, s, ev);
  ev.otherPeople += ev.otherNames.length;
  return ev;
}

function nameReason(field: string, given: string, how: NameHow, place: 'field' | 'text' | 'displayName' | 'namesList'): Reason {
  return { code: 'name', field, given, place, how: reasonHow(how) };
}

function fieldName(v: Value, s: PreparedSubject, ev: Evidence): void {
  if (v.kind === 'addressHeader') return headerWithoutAddress(v, s, ev);
  if (v.kind !== 'name' && v.kind !== 'unknown' && v.kind !== 'text') return;
  if (v.kind === 'unknown' && !/\p{L}/u.test(v.value)) return;
  const words = wordsIn(v);
  for (const name of s.names) {
    if (v.kind === 'text') {
      const how = nameInText(words, name);
      if (how) ev.names.push({ matches: [{ field: v.field, kind: 'name', value: quoted(v.value, words, how, name.given) }], reason: nameReason(v.field, name.given, how, 'text'), where: 'text', partial: isPartial(how) });
      continue;
    }
    const how = wholeFieldName(words, name);
    if (how) {
      ev.names.push({ matches: [{ field: v.field, kind: 'name', value: v.value }], reason: nameReason(v.field, name.given, how, 'field'), where: 'column', partial: isPartial(how) });
      return;
    }
  }
  if (v.kind === 'name' && !sharesNameWord(words, s.names) && /\p{L}/u.test(v.value)) ev.otherNames.push(v.field);
}

/** A display name in From/To/Cc: a name match, or, next to someone else's address, a namesake. */
function headerName(field: string, display: string, addressIsMine: boolean, s: PreparedSubject, ev: Evidence): void {
  const words = wordsOf(display);
  for (const name of s.names) {
    const how = wholeFieldName(words, name);
    if (!how) continue;
    if (!addressIsMine && s.emails.size > 0) ev.differs.add('email');
    ev.names.push({ matches: [{ field, kind: 'name', value: display }], reason: nameReason(field, name.given, how, 'displayName'), where: 'header', partial: isPartial(how) });
    return;
  }
}

/**
 * Names in address headers that carry no usable address ("Kean, Steven J. </O=ENRON/…>" in
 * an Exchange export's X-To): a display-name match, read like a list of names.
 */
function headerWithoutAddress(v: Value, s: PreparedSubject, ev: Evidence): void {
  if (ev.names.some((n) => n.where === 'header' && n.matches[0]?.field === v.field)) return;
  const words = wordsIn(v);
  for (const name of s.names) {
    const how = nameInText(words, name);
    if (!how) continue;
    ev.names.push({ matches: [{ field: v.field, kind: 'name', value: quoted(v.value, words, how, name.given) }], reason: nameReason(v.field, name.given, how, 'namesList'), where: 'header', partial: isPartial(how) });
    return;
  }
}

/** FirstName + LastName: each column holds one part of the name. */
function splitName(values: readonly Value[], s: PreparedSubject, ev: Evidence): void {
  if (ev.names.some((n) => n.where === 'column')) return;
  const named = values.filter((v) => v.kind === 'name' || v.kind === 'unknown').map((v) => ({ v, words: wordsIn(v) }));
  for (const name of s.names) {
    for (const g of named) {
      const gh = givenOnlyField(g.words, name);
      if (!gh) continue;
      for (const f of named) {
        if (f === g) continue;
        const sh = surnameOnlyField(f.words, name);
        if (!sh) continue;
        const how = { ...gh, fold: gh.fold | sh.fold, partialSurname: sh.partialSurname, caseDiffers: gh.caseDiffers || sh.caseDiffers };
        ev.names.push({
          matches: [{ field: g.v.field, kind: 'name', value: g.v.value }, { field: f.v.field, kind: 'name', value: f.v.value }],
          reason: { code: 'name', field: g.v.field, field2: f.v.field, given: name.given, place: 'field', how: reasonHow(how) },
          where: 'column',
          partial: isPartial(how),
        });
        // These columns are the subject's own name, not someone else's.
        ev.otherNames = ev.otherNames.filter((x) => x !== g.v.field && x !== f.v.field);
        return;
      }
    }
  }
}

/** Domain guide, "medium": the name with "an e-mail with the same name" (kari.nordmann@…). */
function emailMadeOfName(emails: readonly string[], s: PreparedSubject, ev: Evidence): void {
  for (const e of emails) {
    const local = e.slice(0, e.indexOf('@')).split(/[._+-]+/);
    const hit = s.names.some((n) => n.surname.some((part) => local.some((w) => part.spellings.has(w))));
    if (hit) {
      ev.support.push({ code: 'emailOfSurname' });
      return;
    }
  }
}
