import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSearch } from '../../electron/core/search/run-search';
import type { SourceConfig } from '../../shared/workspace';
import { tempDir } from '../helpers/temp';

const subject = (name: string) => ({ names: [name], emails: [], phones: [], nationalIds: [], others: [] });

const people = [
  ['André Ødegård', 'Oslo'],
  ['René Dupônt', 'Paris'],
  ['Máret Sara', 'Kautokeino'],
  ['Jürgen Müller', 'Bergen'],
  ['Ola Nordmann', 'Bergen'],
];

function sources(dir: string): SourceConfig[] {
  const csv = path.join(dir, 'kunder.csv');
  writeFileSync(csv, `navn;sted\r\n${people.map((p) => p.join(';')).join('\r\n')}\r\n`);
  const db = path.join(dir, 'kunder.sqlite');
  const d = new Database(db);
  d.exec('CREATE TABLE kunde (id INTEGER PRIMARY KEY, navn TEXT, sted TEXT)');
  const ins = d.prepare('INSERT INTO kunde (navn, sted) VALUES (?, ?)');
  for (const p of people) ins.run(...p);
  d.close();
  return [
    { id: 'csv', kind: 'csv', path: csv },
    { id: 'db', kind: 'sqlite', path: db },
  ];
}

describe('a name typed without accents finds the accented spelling in the data', () => {
  it.each([
    ['Andre Odegard', 'André Ødegård'],
    ['Rene Dupont', 'René Dupônt'],
    ['Maret Sara', 'Máret Sara'],
    ['Jurgen Muller', 'Jürgen Müller'],
  ])('%s finds %s in CSV (byte pre-filter) and SQLite (push-down)', async (typed, stored) => {
    const dir = tempDir();
    const result = await runSearch({ sources: sources(dir), subject: subject(typed) });
    for (const source of ['csv', 'db']) {
      const hits = result.hits.filter((h) => h.source === source);
      expect(hits.map((h) => h.record.navn), source).toEqual([stored]);
      expect(hits[0].confidence).not.toBe('high');
      expect(hits[0].reasons.join(' ')).toMatch(/diacritics/);
    }
  });

  it('does not turn a different name into a match', async () => {
    const dir = tempDir();
    const result = await runSearch({ sources: sources(dir), subject: subject('Rene Dupuis') });
    expect(result.hits).toEqual([]);
  });
});
