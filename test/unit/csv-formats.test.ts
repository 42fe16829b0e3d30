import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../shared/workspace';
import { prepareSubject } from '../../electron/core/match/prepare';
import { runSearch } from '../../electron/core/search/run-search';
import { CsvSource } from '../../electron/core/sources/csv/csv-source';
import type { ScanContext, SourceRecord } from '../../electron/core/sources/source';
import { tempDir } from '../helpers/temp';

type CsvConfig = Extract<SourceConfig, { kind: 'csv' }>;

const rows = [
  ['kunde_id', 'navn', 'e-post', 'by'],
  ['1001', 'Bjørn Ødegård-Bakken', 'bjorn@example.no', 'Tromsø'],
  ['1002', 'Åse Ærlig', 'ase@example.no', 'Bodø'],
];

function csvText(delimiter: string, eol: string, data = rows): string {
  return data.map((r) => r.join(delimiter)).join(eol) + eol;
}

function encode(text: string, encoding: 'utf8' | 'utf8bom' | 'utf16le' | 'utf16le-nobom' | 'utf16be' | 'windows-1252'): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      // Every character used here is in Latin-1, where Windows-1252 and ISO-8859-1 agree.
      return Buffer.from(text, 'latin1');
  }
}

function writeCsv(content: Buffer | string, name = 'kunde.csv'): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

async function scan(config: Omit<CsvConfig, 'id' | 'kind'>) {
  const source = new CsvSource({ id: 'csv', kind: 'csv', ...config });
  const problems: string[] = [];
  const progress: Array<{ bytesDone?: number; bytesTotal?: number }> = [];
  const ctx: ScanContext = { signal: new AbortController().signal, onProgress: (p) => progress.push(p), problem: (m) => problems.push(m) };
  const records: SourceRecord[] = [];
  for await (const rec of source.scan(prepareSubject({ names: [], emails: [], phones: [], nationalIds: [], others: ['x'] }), ctx)) records.push(rec);
  const model = await source.schema();
  return { records, problems, progress, format: model.tables[0]?.format };
}

describe('CSV encodings and delimiters', () => {
  const variants = [
    { encoding: 'utf8', delimiter: ',', eol: '\n' },
    { encoding: 'utf8bom', delimiter: ';', eol: '\r\n' },
    { encoding: 'utf16le', delimiter: '\t', eol: '\r\n' },
    { encoding: 'utf16le-nobom', delimiter: ';', eol: '\n' },
    { encoding: 'utf16be', delimiter: '|', eol: '\n' },
    { encoding: 'windows-1252', delimiter: ';', eol: '\r\n' },
  ] as const;
  for (const v of variants) {
    it(`reads ${v.encoding} with "${v.delimiter === '\t' ? '\\t' : v.delimiter}" and ${v.eol === '\n' ? 'LF' : 'CRLF'}`, async () => {
      const file = writeCsv(encode(csvText(v.delimiter, v.eol), v.encoding));
      const { records, problems, format } = await scan({ path: file });
      expect(problems).toEqual([]);
      expect(format).toMatchObject({ delimiter: v.delimiter, header: true });
      expect(records.map((r) => r.fields)).toEqual([
        { kunde_id: '1001', navn: 'Bjørn Ødegård-Bakken', 'e-post': 'bjorn@example.no', by: 'Tromsø' },
        { kunde_id: '1002', navn: 'Åse Ærlig', 'e-post': 'ase@example.no', by: 'Bodø' },
      ]);
      expect(records.map((r) => r.location)).toEqual([
        { table: 'kunde', record: 1, line: 2 },
        { table: 'kunde', record: 2, line: 3 },
      ]);
    });
  }

  it('switches to Windows-1252 when the first non-ASCII byte comes after the sample', async () => {
    const filler = Array.from({ length: 4000 }, (_, i) => `${2000 + i};Kunde ${i};k${i}@example.no;Oslo`).join('\r\n');
    const text = `${csvText(';', '\r\n', [rows[0]])}${filler}\r\n9999;Bjørn Ødegård;late@example.no;Tromsø\r\n`;
    const file = writeCsv(encode(text, 'windows-1252'));
    const { records, problems, format } = await scan({ path: file });
    expect(format?.encoding).toBe('utf8'); // the sample alone looked like ASCII/UTF-8
    expect(problems).toEqual([]); // nothing was mixed: the whole file is simply Windows-1252
    expect(records.at(-1)?.fields).toMatchObject({ navn: 'Bjørn Ødegård', by: 'Tromsø' });
  });

  it('reports a file that mixes UTF-8 and Windows-1252, and still reads both parts', async () => {
    const first = Buffer.from(csvText(';', '\n', rows.slice(0, 2)), 'utf8');
    const second = Buffer.from('1003;Ærlig Øst;ost@example.no;Bodø\n', 'latin1');
    const { records, problems } = await scan({ path: writeCsv(Buffer.concat([first, second])) });
    expect(records.map((r) => r.fields.navn)).toEqual(['Bjørn Ødegård-Bakken', 'Ærlig Øst']);
    expect(problems.join()).toMatch(/mixes UTF-8 and Windows-1252/);
  });

  it('keeps delimiters, quotes and line breaks inside quoted fields, and cites the starting line', async () => {
    const text = 'id;notat;e-post\r\n1;"Ringte; sa ""hei""\r\nog la på";a@example.no\r\n2;enkel;b@example.no\r\n';
    const { records, problems } = await scan({ path: writeCsv(text) });
    expect(problems).toEqual([]);
    expect(records[0].fields.notat).toBe('Ringte; sa "hei"\r\nog la på');
    expect(records[1].location).toEqual({ table: 'kunde', record: 2, line: 4 });
  });
});

describe('CSV header row', () => {
  it('detects a file without a header: every row is data, named column_1, column_2, ...', async () => {
    const text = '1001;Bjørn Hansen;bjorn@example.no\n1002;Kari Nordmann;kari@example.no\n';
    const { records, format } = await scan({ path: writeCsv(text) });
    expect(format?.header).toBe(false);
    expect(records[0]).toEqual({
      location: { table: 'kunde', record: 1, line: 1 },
      fields: { column_1: '1001', column_2: 'Bjørn Hansen', column_3: 'bjorn@example.no' },
    });
  });

  it('follows the workspace when it says there is no header', async () => {
    const text = 'navn;by\nKari;Oslo\n';
    const { records } = await scan({ path: writeCsv(text), header: false });
    expect(records.map((r) => r.fields.column_1)).toEqual(['navn', 'Kari']);
  });

  it('names empty and repeated header cells so no value overwrites another', async () => {
    const text = 'navn;;navn;e-post\nKari;x;Nordmann;kari@example.no\n';
    const { records } = await scan({ path: writeCsv(text) });
    expect(records[0].fields).toEqual({ navn: 'Kari', column_2: 'x', navn_2: 'Nordmann', 'e-post': 'kari@example.no' });
  });
});

describe('malformed CSV files', () => {
  it('an unclosed quote: what was read is returned, with the line it starts on', async () => {
    const text = 'id;navn;e-post\n1;Kari;kari@example.no\n2;"Ola;ola@example.no\n3;Per;per@example.no\n';
    const result = await runSearch({ sources: [{ id: 'csv', kind: 'csv', path: writeCsv(text) }], subject: { names: [], emails: ['kari@example.no'], phones: [], nationalIds: [], others: [] } });
    expect(result.sources[0].status).toBe('partial');
    expect(result.sources[0].problems?.join('\n')).toMatch(/kunde: line 3: unclosed quote starting on line 3/);
    expect(result.hits).toHaveLength(1);
  });

  it('inconsistent column counts are reported by line, and the rows are still searched', async () => {
    const text = 'id;navn;e-post\n1;Kari;kari@example.no\n2;Ola\n3;Per;per@example.no;ekstra\n';
    const { records, problems } = await scan({ path: writeCsv(text) });
    expect(records).toHaveLength(3);
    expect(problems).toEqual(['kunde: line 3: 2 fields where the header has 3', 'kunde: line 4: 4 fields where the header has 3']);
    expect(records[2].fields).toMatchObject({ column_4: 'ekstra' });
  });

  it('binary garbage inside a text file is reported with its line; the other rows are read', async () => {
    const text = Buffer.concat([
      Buffer.from(`id;navn\n1;Kari\n${Array.from({ length: 200 }, (_, i) => `${10 + i};Navn ${i}`).join('\n')}\n2;`),
      Buffer.from([0x00, 0x01, 0x02, 0x9d, 0x00]),
      Buffer.from('\n3;Per\n'),
    ]);
    const { records, problems } = await scan({ path: writeCsv(text) });
    expect(records.map((r) => r.fields.id).filter((id) => String(id).length === 1)).toEqual(['1', '2', '3']);
    expect(problems.join()).toMatch(/line 203: binary data/);
  });

  it('a binary file with a .csv name is reported and skipped, and the source is partial', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kunde.csv'), csvText(';', '\n'));
    writeFileSync(path.join(dir, 'regneark.csv'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    const result = await runSearch({ sources: [{ id: 'csv', kind: 'csv', path: dir }], subject: { names: [], emails: ['ase@example.no'], phones: [], nationalIds: [], others: [] } });
    expect(result.sources[0].status).toBe('partial');
    expect(result.sources[0].problems?.join()).toMatch(/regneark: the file holds binary data/);
    expect(result.hits).toHaveLength(1);
  });

  it('reports progress in bytes, ending at the total size', async () => {
    const file = writeCsv(csvText(';', '\n'));
    const { progress } = await scan({ path: file });
    const last = progress.at(-1)!;
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(last.bytesTotal).toBeGreaterThan(50);
  });
});
