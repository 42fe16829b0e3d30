import Database from 'better-sqlite3';
import path from 'node:path';
import { rowKey, type AccuracyCase, type Label } from './labels';
import { loadNameLists, makePerson } from './people';
import { seeded } from './random';
import { namesake, syntheticSubject } from './synthetic-subject';

/** An app's database: users by username and work e-mail, login events, support notes by staff. */
export function buildAppCase(dir: string, users: number): AccuracyCase {
  const rnd = seeded(5003);
  const lists = loadNameLists();
  const file = path.join(dir, 'app.sqlite');
  const db = new Database(file);
  db.exec(`
    CREATE TABLE bruker (id INTEGER PRIMARY KEY, brukernavn TEXT, epost TEXT, visningsnavn TEXT, opprettet TEXT);
    CREATE TABLE innlogging (id INTEGER PRIMARY KEY, bruker_id INTEGER REFERENCES bruker(id), ip TEXT, tidspunkt TEXT);
    CREATE TABLE supportnotat (id INTEGER PRIMARY KEY, bruker_id INTEGER REFERENCES bruker(id), saksbehandler TEXT, notat TEXT);`);
  const labels = new Map<string, Label>();
  const insBruker = db.prepare('INSERT INTO bruker VALUES (?, ?, ?, ?, ?)');
  const insLogin = db.prepare('INSERT INTO innlogging (bruker_id, ip, tidspunkt) VALUES (?, ?, ?)');
  const insNote = db.prepare('INSERT INTO supportnotat (bruker_id, saksbehandler, notat) VALUES (?, ?, ?)');
  const logins = (id: number, n: number, label?: Label) => {
    for (let i = 0; i < n; i++) {
      const r = insLogin.run(id, `10.${rnd.int(255)}.${rnd.int(255)}.${1 + rnd.int(254)}`, `2024-03-${10 + rnd.int(19)}T0${rnd.int(10)}:00`);
      if (label) labels.set(rowKey('innlogging', { id: Number(r.lastInsertRowid) }), label);
    }
  };
  const special: Array<(id: number) => void> = [
    (id) => {
      insBruker.run(id, 'aseob', 'ase.odegard-bakken@firma.no', 'Å. Ødegård-Bakken', '2021-05-02');
      labels.set(rowKey('bruker', { id }), 'subject');
      logins(id, 5, 'subject-linked');
      const r = insNote.run(id, 'Per Olsen', 'Ba om innsyn i egne data');
      labels.set(rowKey('supportnotat', { id: Number(r.lastInsertRowid) }), 'subject-linked');
    },
    (id) => {
      const p = makePerson(rnd, lists);
      insBruker.run(id, `${p.given.toLowerCase()}${id}`, p.email, `${p.given} ${p.surname}`, '2022-01-01');
      const r = insNote.run(id, 'Kari Lie', 'Brukeren oppga Åse Ødegård-Bakken (aase.oedegaard@gmail.com) som kontaktperson');
      labels.set(rowKey('supportnotat', { id: Number(r.lastInsertRowid) }), 'subject');
    },
    (id) => {
      insBruker.run(id, 'aseb', namesake.email, 'Åse Ødegård-Bakken', '2023-02-02');
      labels.set(rowKey('bruker', { id }), 'namesake');
      logins(id, 3, 'namesake');
    },
    (id) => {
      insBruker.run(id, 'aseob2', 'aseob2@hotmail.com', 'Anne Sofie Olsen Berg', '2023-02-03');
      labels.set(rowKey('bruker', { id }), 'near-miss');
    },
  ];
  const slots = new Set(special.map(() => rnd.int(users)));
  let s = 0;
  db.transaction(() => {
    for (let i = 0, id = 1; i < users || s < special.length; i++) {
      if ((slots.has(i) || i >= users) && s < special.length) special[s++](id++);
      const p = makePerson(rnd, lists);
      insBruker.run(id, `${p.given.toLowerCase()}.${p.surname.toLowerCase()}${rnd.int(99)}`, p.email, `${p.given} ${p.surname}`, '2020-01-01');
      logins(id++, rnd.int(4));
    }
  })();
  db.close();
  return {
    id: 'synthetic-app',
    title: 'Synthetic app database (SQLite: users, logins, support notes)',
    source: { id: 'app', kind: 'sqlite', path: file },
    subject: syntheticSubject,
    labels,
    note: 'login events and the support note on her account are reached through foreign keys (issue 3)',
  };
}
