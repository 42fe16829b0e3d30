import { readFileSync } from 'node:fs';
import { corpus } from '../../helpers/corpora';
import type { Random } from './random';

/** A synthetic person; every field is generated, none is a real person's. */
export interface Person {
  given: string;
  surname: string;
  email: string;
  phone: string;
  nationalId: string;
  street: string;
  postcode: string;
  city: string;
}

interface NameLists {
  given: string[];
  surnames: string[];
  postcodes: Array<[string, string]>;
}

/** Name and postcode lists from the shared corpora, read in place (never copied into the repo). */
export function loadNameLists(): NameLists {
  const faker = JSON.parse(readFileSync(corpus('norwegian-names-addresses', 'faker-nb_NO', 'nb_NO-extracted.json'), 'utf8')) as {
    first_name_female: string[];
    first_name_male: string[];
    last_name: string[];
  };
  const nav = JSON.parse(readFileSync(corpus('norwegian-names-addresses', 'nav-faker', 'names-extracted.json'), 'utf8')) as Record<string, string[]>;
  const codes = JSON.parse(readFileSync(corpus('norwegian-names-addresses', 'norway-postal-codes', 'postal-codes-simple.json'), 'utf8')) as Record<string, string>;
  const given = [...new Set([...faker.first_name_female, ...faker.first_name_male, ...Object.values(nav).flat()])].sort();
  return { given, surnames: [...faker.last_name].sort(), postcodes: Object.entries(codes).sort() };
}

/** Mod-11 check digits (the classic rule), so generated numbers pass validation like real ones. */
export function withCheckDigits(nine: string): string | null {
  const d = [...nine].map(Number);
  const k1w = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  let k1 = 11 - (k1w.reduce((s, w, i) => s + w * d[i], 0) % 11);
  if (k1 === 11) k1 = 0;
  if (k1 === 10) return null;
  const k2w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let k2 = 11 - (k2w.reduce((s, w, i) => s + w * [...d, k1][i], 0) % 11);
  if (k2 === 11) k2 = 0;
  if (k2 === 10) return null;
  return `${nine}${k1}${k2}`;
}

function nationalId(rnd: Random): string {
  for (;;) {
    const day = String(1 + rnd.int(28)).padStart(2, '0');
    const month = String(1 + rnd.int(12)).padStart(2, '0');
    const year = String(rnd.int(100)).padStart(2, '0');
    const ind = String(rnd.int(500)).padStart(3, '0');
    const id = withCheckDigits(`${day}${month}${year}${ind}`);
    if (id) return id;
  }
}

const ascii = (s: string) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').normalize('NFD').replace(/\p{M}/gu, '');

export function makePerson(rnd: Random, lists: NameLists): Person {
  const given = rnd.pick(lists.given);
  const surname = rnd.pick(lists.surnames);
  const [postcode, city] = rnd.pick(lists.postcodes);
  const domain = rnd.pick(['gmail.com', 'online.no', 'hotmail.com', 'yahoo.no', 'live.no']);
  return {
    given,
    surname,
    email: `${ascii(given)}.${ascii(surname)}${rnd.int(100)}@${domain}`,
    phone: `${rnd.pick(['4', '9'])}${String(rnd.int(10_000_000)).padStart(7, '0')}`,
    nationalId: nationalId(rnd),
    street: `${rnd.pick(lists.surnames)}${rnd.pick(['gata', 'veien', 'vegen'])} ${1 + rnd.int(120)}`,
    postcode,
    city: city.charAt(0) + city.slice(1).toLowerCase(),
  };
}
