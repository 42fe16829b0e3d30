import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { loadNameLists, note, person, type Person } from './people';
import { Rng } from './rng';
import { plantedVariant } from './subject';

export const CSV_HEADER = ['kundenr', 'fornavn', 'etternavn', 'epost', 'telefon', 'fodselsnummer', 'postnr', 'poststed', 'notat'];

/** Every this many rows the subject is planted (20 plantings at any size, at least one). */
export function plantEvery(rows: number): number {
  return Math.max(1, Math.floor(rows / 20));
}

/** RFC 4180 quoting for the few notes that need it (a delimiter, a quote or a line break). */
function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A semicolon CSV with CRLF line ends, as Norwegian Excel writes it. About 1 in 50 notes is
 * quoted and holds a delimiter, a quote or a line break: the cases that make splitting a file
 * into chunks at arbitrary newlines wrong.
 */
export async function generateCsv(file: string, rows: number, seed = 1): Promise<void> {
  const rng = new Rng(seed);
  const lists = loadNameLists();
  const out = createWriteStream(file);
  const every = plantEvery(rows);
  let batch: string[] = [CSV_HEADER.join(';')];
  let prev: Person = person(rng, lists, 0);
  for (let i = 1; i <= rows; i++) {
    let p = person(rng, lists, i);
    let text = note(rng, prev);
    if (i % every === Math.floor(every / 2)) {
      const planted = plantedVariant(Math.floor(i / every), rng, p);
      p = planted.person;
      if (planted.note) text = planted.note;
    }
    const r = rng.int(50);
    if (r === 0) text = `${text}; se også "vedlegg"`;
    else if (r === 1) text = `${text}\r\nFortsatt åpen`;
    batch.push(
      [String(100000 + i), p.first, p.last, p.email, p.phone, p.nationalId, p.postcode, p.city, field(text)].join(';'),
    );
    prev = p;
    if (batch.length >= 5000) {
      if (!out.write(`${batch.join('\r\n')}\r\n`)) await once(out, 'drain');
      batch = [];
    }
  }
  if (batch.length > 0) out.write(`${batch.join('\r\n')}\r\n`);
  out.end();
  await once(out, 'close');
}
