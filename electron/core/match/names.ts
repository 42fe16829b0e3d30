import type { NameHow as ReasonNameHow } from '../../../shared/reason';
import type { PreparedName, PreparedToken } from './prepare';
import { Fold } from './spelling';

/**
 * Finds the subject's name in a field or in running text. A name is the first given name
 * (in full or as an initial, "Å."), optional further given names, and the surname with all
 * its parts ("Ødegård-Bakken" = "Ødegård Bakken"), in either order ("SURNAME, Given").
 * Each record word is compared by looking it up among the subject word's spellings
 * (spelling.ts), so there is no per-record folding or regular expression.
 */

export interface Word {
  raw: string;
  low: string;
  /** Offset in the text, so a mention can be quoted as written. */
  at: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+|,/gu;

export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ raw: m[0], low: m[0].toLowerCase(), at: m.index });
  return out;
}

export interface NameHow {
  fold: Fold;
  initial: boolean;
  surnameFirst: boolean;
  partialSurname: boolean;
  caseDiffers: boolean;
  /** Words between given name and surname that the DPO did not give (a middle name). */
  extra: boolean;
  /** For mentions in text: the words [from, to) that make up the name. */
  span?: [number, number];
}

const noHow = (): NameHow => ({ fold: Fold.None, initial: false, surnameFirst: false, partialSurname: false, caseDiffers: false, extra: false });

function same(w: Word | undefined, t: PreparedToken, how: NameHow, allowInitial: boolean): boolean {
  if (!w || w.low === ',') return false;
  const f = t.spellings.get(w.low);
  if (f !== undefined) {
    how.fold |= f;
    if (w.raw !== t.given && f === Fold.None) how.caseDiffers = true;
    return true;
  }
  if (allowInitial && w.low.length === 1) {
    const i = t.initials.get(w.low);
    if (i !== undefined) {
      how.fold |= i;
      how.initial = true;
      return true;
    }
  }
  return false;
}

/** End of the surname starting at `p`, or -1. All parts, or (double surnames) any one part. */
function surnameAt(words: readonly Word[], p: number, name: PreparedName, how: NameHow): number {
  const trial = noHow();
  if (name.surname.every((part, k) => same(words[p + k], part, trial, false))) {
    merge(how, trial);
    return p + name.surname.length;
  }
  if (name.surname.length > 1) {
    for (const part of name.surname) {
      const one = noHow();
      if (same(words[p], part, one, false)) {
        merge(how, one);
        how.partialSurname = true;
        return p + 1;
      }
    }
  }
  return -1;
}

function merge(into: NameHow, from: NameHow): void {
  into.fold |= from.fold;
  into.initial ||= from.initial;
  into.caseDiffers ||= from.caseDiffers;
  into.partialSurname ||= from.partialSurname;
  into.extra ||= from.extra;
}

/**
 * Given names from `p` to `end` (exclusive): the first is required, later ones optional and
 * in order; up to `extras` unknown words (middle names the DPO did not give) are allowed.
 */
function givenSpan(words: readonly Word[], p: number, end: number, name: PreparedName, how: NameHow, extras: number): boolean {
  if (name.first.length === 0) return p === end;
  if (!same(words[p], name.first[0], how, true)) return false;
  let k = 1;
  for (let q = p + 1; q < end; q++) {
    while (k < name.first.length && !same(words[q], name.first[k], how, true)) k++;
    if (k < name.first.length) {
      k++;
      continue;
    }
    if (extras-- <= 0) return false;
    how.extra = true;
  }
  return true;
}

/** Fewer weakening steps is the better reading of the same words. */
function penalty(how: NameHow): number {
  return (how.partialSurname ? 4 : 0) + (how.initial ? 2 : 0) + (how.extra ? 1 : 0);
}

function best(candidates: Array<NameHow | null>): NameHow | null {
  let out: NameHow | null = null;
  for (const c of candidates) if (c && (out === null || penalty(c) < penalty(out))) out = c;
  return out;
}

/** The whole field is the name: "Åse Ødegård-Bakken", "ØDEGÅRD-BAKKEN, Åse", "Å. Ødegård Bakken". */
export function wholeFieldName(words: readonly Word[], name: PreparedName): NameHow | null {
  const comma = words.findIndex((w) => w.low === ',');
  if (comma >= 0) {
    const how = noHow();
    how.surnameFirst = true;
    if (surnameAt(words, 0, name, how) !== comma) return null;
    return givenSpan(words, comma + 1, words.length, name, how, 2) ? how : null;
  }
  const candidates: Array<NameHow | null> = [];
  for (let s = 0; s < words.length; s++) {
    const natural = noHow();
    if (surnameAt(words, s, name, natural) === words.length && givenSpan(words, 0, s, name, natural, 2)) candidates.push(natural);
    const back = noHow();
    back.surnameFirst = true;
    const e = s + 1;
    if (name.first.length > 0 && surnameAt(words, 0, name, back) === e && givenSpan(words, e, words.length, name, back, 2)) {
      candidates.push(back);
    }
  }
  return best(candidates);
}

/** The field holds only the given name(s), as in a FirstName column. */
export function givenOnlyField(words: readonly Word[], name: PreparedName): NameHow | null {
  const how = noHow();
  return name.first.length > 0 && words.length > 0 && givenSpan(words, 0, words.length, name, how, 2) ? how : null;
}

/** The field holds only the surname, as in a LastName column. */
export function surnameOnlyField(words: readonly Word[], name: PreparedName): NameHow | null {
  const how = noHow();
  return surnameAt(words, 0, name, how) === words.length ? how : null;
}

/** The name somewhere in running text, on word boundaries. */
export function nameInText(words: readonly Word[], name: PreparedName): NameHow | null {
  for (let i = 0; i < words.length; i++) {
    // Given name first: "Åse Ødegård-Bakken", "Å. Bakken", "Åse Marit Ødegård-Bakken".
    const how = noHow();
    if (name.first.length === 0) {
      const end = surnameAt(words, i, name, how);
      if (end > 0 && !how.partialSurname) return { ...how, span: [i, end] };
      continue;
    }
    if (same(words[i], name.first[0], how, /^\p{Lu}$/u.test(words[i].raw))) {
      let q = i + 1;
      for (let k = 1; k < name.first.length; k++) if (same(words[q], name.first[k], how, true)) q++;
      const end = surnameAt(words, q, name, how);
      if (end > 0) return { ...how, span: [i, end] };
      // One capitalised middle name the DPO did not give.
      const after = /^\p{Lu}/u.test(words[q]?.raw ?? '') ? surnameAt(words, q + 1, name, how) : -1;
      if (after > 0) return { ...how, extra: true, span: [i, after] };
    }
    // Surname first: "Lay, Kenneth", "Ødegård-Bakken Åse".
    const back = noHow();
    back.surnameFirst = true;
    let q = surnameAt(words, i, name, back);
    if (q < 0) continue;
    if (words[q]?.low === ',') q++;
    if (same(words[q], name.first[0], back, /^\p{Lu}$/u.test(words[q]?.raw ?? ''))) return { ...back, span: [i, q + 1] };
  }
  return null;
}

/** The mention as written in the text ("ØDEGÅRD-BAKKEN, Åse"). */
export function quoted(text: string, words: readonly Word[], how: NameHow, fallback: string): string {
  if (!how.span) return fallback;
  const [from, to] = how.span;
  const last = words[to - 1];
  return text.slice(words[from].at, last.at + last.raw.length);
}

/** True when a word of the field is one of the subject's name words (in any spelling). */
export function sharesNameWord(words: readonly Word[], names: readonly PreparedName[]): boolean {
  return words.some((w) => names.some((n) => [...n.first, ...n.surname].some((t) => t.spellings.has(w.low))));
}

/** The flags a reason carries (shared/reason.ts); only the ones that were needed, so an exact match is {}. */
export function reasonHow(how: NameHow): ReasonNameHow {
  const out: ReasonNameHow = {};
  if (how.caseDiffers) out.caseDiffers = true;
  if (how.fold & Fold.Nordic) out.nordic = true;
  if (how.fold & Fold.Diacritics) out.diacritics = true;
  if (how.surnameFirst) out.surnameFirst = true;
  if (how.initial) out.initial = true;
  if (how.partialSurname) out.partialSurname = true;
  if (how.extra) out.extra = true;
  return out;
}

/** A weaker form: an initial instead of the given name, or only part of a double surname. */
export function isPartial(how: NameHow): boolean {
  return how.initial || how.partialSurname;
}
