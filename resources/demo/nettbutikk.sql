-- The demo web shop's database. resources/demo/nettbutikk.sqlite is built from this file
-- (test/unit/demo-workspace.test.ts checks that the two agree).
PRAGMA foreign_keys = ON;
CREATE TABLE customer (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT,
  city TEXT,
  created TEXT
);
CREATE TABLE ticket (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer(id),
  opened TEXT NOT NULL,
  summary TEXT NOT NULL
);
INSERT INTO customer VALUES (1, 'Ingrid', 'Ødegård-Bakken', 'INGRID.ODEGARD@EXAMPLE.NO', 'Oslo', '2025-11-02');
INSERT INTO customer VALUES (2, 'Ola', 'Nordmann', 'ola.nordmann@example.com', 'Bergen', '2025-12-24');
INSERT INTO customer VALUES (3, 'Ingrid', 'Bakken', 'ingrid.bakken@example.org', 'Trondheim', '2026-01-15');
INSERT INTO ticket VALUES (10, 1, '2026-03-16', 'Kaffetrakter lekker, ny sendt');
INSERT INTO ticket VALUES (11, 2, '2026-03-17', 'Pakke forsinket');
