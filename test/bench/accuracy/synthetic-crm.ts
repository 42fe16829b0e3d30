import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AccuracyCase, Label } from './labels';
import { loadNameLists, makePerson } from './people';
import { seeded } from './random';
import { namesake, syntheticSubject } from './synthetic-subject';
import { encodeWindows1252 } from './windows-1252';

const NOTES = ['', '', 'Ønsker nyhetsbrev', 'Purring sendt; betalt', 'Flyttet\r\nny adresse registrert', 'Kjøpt «Sykkel Ørn»', 'Reklamasjon – løst'];

/** A CRM export as old Norwegian Excel writes it: Windows-1252, ";", CRLF, quoted notes with newlines. */
export function buildCrmCase(dir: string, people: number): AccuracyCase {
  const rnd = seeded(5001);
  const lists = loadNameLists();
  const labels = new Map<string, Label>();
  const rows: string[][] = [];
  const add = (row: string[], label?: Label) => {
    rows.push(row);
    if (label) labels.set(`kunder#${rows.length}`, label);
  };
  const special: Array<() => void> = [
    () => add(['K-100234', 'ØDEGÅRD-BAKKEN, Åse', 'AASE.OEDEGAARD@GMAIL.COM', '913 45 678', 'Storgata 12', '9008', 'TROMSØ', 'Ringte om faktura; ønsker papirfaktura'], 'subject'),
    () => add(['K-098311', 'Aase Oedegaard-Bakken', '', '0047 91345678', 'Storgata 12', '9008', 'Tromsø', 'Gammel kundeprofil'], 'subject'),
    () => {
      const p = makePerson(rnd, lists);
      add([`K-${200000 + rows.length}`, `${p.given} ${p.surname}`, p.email, p.phone, p.street, p.postcode, p.city, 'Kontaktperson for bedriften: Å. Ødegård-Bakken, tlf 91 34 56 78'], 'subject');
    },
    () => add(['K-310077', 'Åse Ødegård-Bakken', namesake.email, namesake.phone, 'Fjellveien 3', '5003', 'Bergen', ''], 'namesake'),
    () => add(['K-310078', 'Åse Ødegård Bakken', '', '', 'Kirkegata 1', '0153', 'Oslo', 'Kunde siden 2019'], 'namesake'),
    () => add(['K-310079', 'Ola Hansen', 'ola.hansen@online.no', '913 45 679', 'Storgata 14', '9008', 'Tromsø', ''], 'near-miss'),
    () => add(['K-310080', 'Kari Lie', 'kari.lie@live.no', '22 33 44 55', 'Torget 2', '7010', 'Trondheim', 'Bestilling 913456789 registrert'], 'near-miss'),
    () => add(['K-310081', 'Åsne Ødegård-Bakken', 'asne@odegard.no', '41 22 33 44', 'Storgata 12', '9008', 'Tromsø', ''], 'near-miss'),
    () => add(['K-1002345', 'Per Olsen', 'aase.oedegaard@gmail.no', '92 00 11 22', 'Bryggen 1', '5003', 'Bergen', ''], 'near-miss'),
  ];
  const slots = new Set(special.map(() => rnd.int(people)));
  let s = 0;
  for (let i = 0; i < people || s < special.length; i++) {
    if ((slots.has(i) || i >= people) && s < special.length) special[s++]();
    const p = makePerson(rnd, lists);
    add([`K-${100000 + i * 7}`, rnd.chance(0.2) ? `${p.surname.toUpperCase()}, ${p.given}` : `${p.given} ${p.surname}`, p.email, p.phone, p.street, p.postcode, p.city, rnd.pick(NOTES)]);
  }
  const quote = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = ['Kundenr', 'Navn', 'E-post', 'Telefon', 'Adresse', 'Postnr', 'Poststed', 'Notat'];
  const text = [header, ...rows].map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n';
  const folder = path.join(dir, 'crm');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'kunder.csv'), encodeWindows1252(text));
  return {
    id: 'synthetic-crm',
    title: 'Synthetic CRM export (Windows-1252 CSV)',
    source: { id: 'crm', kind: 'csv', path: folder },
    subject: syntheticSubject,
    labels,
  };
}
