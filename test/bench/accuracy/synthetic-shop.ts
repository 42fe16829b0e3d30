import Database from 'better-sqlite3';
import path from 'node:path';
import { rowKey, type AccuracyCase, type Label } from './labels';
import { loadNameLists, makePerson } from './people';
import { seeded } from './random';
import { namesake, syntheticSubject } from './synthetic-subject';

/** A web shop: customers, orders and order lines linked by declared foreign keys. */
export function buildShopCase(dir: string, customers: number): AccuracyCase {
  const rnd = seeded(5002);
  const lists = loadNameLists();
  const file = path.join(dir, 'butikk.sqlite');
  const db = new Database(file);
  db.exec(`
    CREATE TABLE kunde (kunde_id INTEGER PRIMARY KEY, fornavn TEXT, etternavn TEXT, epost TEXT, mobil TEXT,
      fodselsnummer TEXT, adresse TEXT, postnr TEXT, poststed TEXT);
    CREATE TABLE ordre (ordre_id INTEGER PRIMARY KEY, kunde_id INTEGER REFERENCES kunde(kunde_id), dato TEXT, sum REAL,
      leveringsadresse TEXT);
    CREATE TABLE ordrelinje (linje_id INTEGER PRIMARY KEY, ordre_id INTEGER REFERENCES ordre(ordre_id), vare TEXT,
      antall INTEGER, pris REAL);`);
  const labels = new Map<string, Label>();
  const insKunde = db.prepare('INSERT INTO kunde VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insOrdre = db.prepare('INSERT INTO ordre VALUES (?, ?, ?, ?, ?)');
  const insLinje = db.prepare('INSERT INTO ordrelinje VALUES (?, ?, ?, ?, ?)');
  let ordreId = 1;
  let linjeId = 1;
  const orders = (kundeId: number, n: number, address: string, label?: Label) => {
    for (let o = 0; o < n; o++) {
      const id = ordreId++;
      insOrdre.run(id, kundeId, `2024-${String(1 + rnd.int(12)).padStart(2, '0')}-1${rnd.int(10)}`, 100 + rnd.int(5000), address);
      if (label) labels.set(rowKey('ordre', { ordre_id: id }), label);
      for (let l = 0; l < 2; l++) {
        const lid = linjeId++;
        insLinje.run(lid, id, rnd.pick(['Sykkel', 'Hjelm', 'Lykt', 'Lås', 'Pumpe']), 1 + rnd.int(3), 99 + rnd.int(900));
        if (label) labels.set(rowKey('ordrelinje', { linje_id: lid }), label);
      }
    }
  };
  const special: Array<(id: number) => void> = [
    (id) => {
      insKunde.run(id, 'Åse', 'Ødegård-Bakken', 'aase.oedegaard+butikk@gmail.com', '+4791345678', '150385-41215', 'Storgata 12', '9008', 'Tromsø');
      labels.set(rowKey('kunde', { kunde_id: id }), 'subject');
      orders(id, 3, 'Storgata 12, 9008 Tromsø', 'subject-linked');
    },
    (id) => {
      insKunde.run(id, 'Åse', 'Ødegård-Bakken', namesake.email, namesake.phone, namesake.nationalId, 'Fjellveien 3', '5003', 'Bergen');
      labels.set(rowKey('kunde', { kunde_id: id }), 'namesake');
      orders(id, 2, 'Fjellveien 3, 5003 Bergen', 'namesake');
    },
    (id) => {
      insKunde.run(id, 'Ola', 'Hansen', 'ola.hansen7@online.no', '91345679', '15038541223', 'Storgata 14', '9008', 'Tromsø');
      labels.set(rowKey('kunde', { kunde_id: id }), 'near-miss');
    },
  ];
  const slots = new Set(special.map(() => rnd.int(customers)));
  let s = 0;
  db.transaction(() => {
    for (let i = 0, id = 1; i < customers || s < special.length; i++) {
      if ((slots.has(i) || i >= customers) && s < special.length) special[s++](id++);
      const p = makePerson(rnd, lists);
      insKunde.run(id, p.given, p.surname, p.email, p.phone, p.nationalId, p.street, p.postcode, p.city);
      orders(id++, rnd.int(3), `${p.street}, ${p.postcode} ${p.city}`);
    }
  })();
  db.close();
  return {
    id: 'synthetic-shop',
    title: 'Synthetic web shop (SQLite, linked tables)',
    source: { id: 'butikk', kind: 'sqlite', path: file },
    subject: syntheticSubject,
    labels,
    note: 'orders and order lines are reached through foreign keys (issue 3, related rows)',
  };
}
