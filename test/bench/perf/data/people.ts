import { readFileSync } from 'node:fs';
import { corpus } from '../../../helpers/corpora';
import type { Rng } from './rng';

/**
 * Synthetic Norwegian people for the benchmark. The name and place lists are read from the
 * shared corpus by reference (never copied into the repo); everything else is generated.
 */
export interface Person {
  first: string;
  last: string;
  email: string;
  phone: string;
  nationalId: string;
  postcode: string;
  city: string;
}

export interface NameLists {
  first: string[];
  last: string[];
  places: Array<[string, string]>;
}

export function loadNameLists(): NameLists {
  const faker = JSON.parse(readFileSync(corpus('norwegian-names-addresses', 'faker-nb_NO', 'nb_NO-extracted.json'), 'utf8')) as {
    first_name_female: string[];
    first_name_male: string[];
    last_name: string[];
  };
  const nav = JSON.parse(readFileSync(corpus('norwegian-names-addresses', 'nav-faker', 'names-extracted.json'), 'utf8')) as {
    boys: string[];
    girls: string[];
  };
  const postal = JSON.parse(
    readFileSync(corpus('norwegian-names-addresses', 'norway-postal-codes', 'postal-codes-simple.json'), 'utf8'),
  ) as Record<string, string>;
  const first = [...new Set([...faker.first_name_female, ...faker.first_name_male, ...nav.boys, ...nav.girls])].sort();
  return { first, last: [...faker.last_name].sort(), places: Object.entries(postal).sort(([a], [b]) => a.localeCompare(b)) };
}

/** ASCII local part the way Norwegian mail systems spell it: ø → o, å → a, æ → ae. */
export function asciiFold(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9.-]/g, '');
}

const DOMAINS = ['example.no', 'post.example.com', 'firma.example.org', 'online.example.net'];

/** A valid fødselsnummer (mod 11 check digits), born 1940-2005. */
export function nationalId(rng: Rng): string {
  for (;;) {
    const day = 1 + rng.int(28);
    const month = 1 + rng.int(12);
    const year = 40 + rng.int(66);
    const individual = rng.int(500);
    const d = `${pad(day)}${pad(month)}${pad(year % 100)}${String(individual).padStart(3, '0')}`.split('').map(Number);
    const k1 = checkDigit(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 < 0) continue;
    const k2 = checkDigit([...d, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k2 < 0) continue;
    return `${d.join('')}${k1}${k2}`;
  }
}

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((s, w, i) => s + w * digits[i], 0);
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k === 10 ? -1 : k;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An 8-digit mobile number in one of the ways people write it. */
export function phone(rng: Rng, digits?: string): string {
  const d = digits ?? `${rng.pick(['4', '9'])}${String(rng.int(10_000_000)).padStart(7, '0')}`;
  switch (rng.int(6)) {
    case 0:
      return `+47 ${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`;
    case 1:
      return `0047 ${d}`;
    case 2:
      return `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5)}`;
    case 3:
      return `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6)}`;
    case 4:
      return `+47${d}`;
    default:
      return d;
  }
}

export function person(rng: Rng, lists: NameLists, serial: number): Person {
  const first = rng.pick(lists.first);
  const last = rng.pick(lists.last);
  const [postcode, city] = rng.pick(lists.places);
  return {
    first,
    last,
    email: `${asciiFold(first)}.${asciiFold(last)}${serial % 9973}@${rng.pick(DOMAINS)}`,
    phone: phone(rng),
    nationalId: nationalId(rng),
    postcode,
    city,
  };
}

const NOTE_WORDS = (
  'kunde ringte om faktura levering retur reklamasjon bestilling endret adresse ønsker kontakt ' +
  'på e-post avtale møte neste uke betalt purring sendt pakke skadet bytte størrelse garanti ' +
  'nyhetsbrev samtykke trukket tilbake oppfølging saksbehandler notat viktig haster ferdig'
).split(' ');

/** A line of free text; sometimes it mentions another person, a phone or an ID, as real notes do. */
export function note(rng: Rng, other: Person): string {
  const n = 4 + rng.int(8);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rng.pick(NOTE_WORDS));
  const r = rng.int(20);
  if (r === 0) words.push(`ring ${other.phone}`);
  else if (r === 1) words.push(`gjelder ${other.first} ${other.last}`);
  else if (r === 2) words.push(`fnr ${other.nationalId.slice(0, 6)} ${other.nationalId.slice(6)}`);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
