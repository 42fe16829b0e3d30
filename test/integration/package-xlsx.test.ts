import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { build, makeFixture, python, unzipWithPython } from './package-fixture';

/** Reads data.xlsx with openpyxl (an independent implementation) and reports what a user would see. */
const READ_WORKBOOK = `
import openpyxl, json, sys, datetime
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        rows.append([{"t": c.data_type, "v": (c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value), "fmt": c.number_format} for c in row])
    out[ws.title] = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows, "bold": bool(ws.cell(1, 1).font.b)}
print(json.dumps(out))
`;

interface SheetCell {
  t: string;
  v: string | number | boolean | null;
  fmt: string;
}
type Workbook = Record<string, { freeze: string; filter: string; rows: SheetCell[][]; bold: boolean }>;

describe('data.xlsx', () => {
  it('has an overview, one sheet per table and a mail overview, each with real headers, frozen and filtered', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    await build(makeFixture(dir), out);
    const xlsx = path.join(dir, 'data.xlsx');
    writeFileSync(xlsx, unzipWithPython(out).get('data/data.xlsx')!);
    const wb = JSON.parse(python(READ_WORKBOOK, xlsx)) as Workbook;

    expect(Object.keys(wb)).toEqual(['Oversikt', 'kunder-kunde', 'kunder-ordre', 'butikk-customer', 'post-e-post']);
    for (const [name, sheet] of Object.entries(wb)) {
      expect(sheet.freeze, name).toBe('A2');
      expect(sheet.filter, name).toMatch(/^A1:[A-Z]+1$/);
      expect(sheet.bold, name).toBe(true);
    }
    const overview = wb.Oversikt.rows.map((r) => r.map((c) => c.v));
    expect(overview[0]).toEqual(['Kilde', 'Type', 'Status', 'Poster søkt i', 'Treff', 'Tatt med', 'Kategorier av opplysninger']);
    expect(overview.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['Kunderegister (kunder)', 'csv', 'ok', 120, 3, 2],
      ['Nettbutikk (butikk)', 'sqlite', 'ok', 40, 1, 1],
      ['Kundeservice (post)', 'mailbox', 'ok', 12, 2, 2],
      ['Nyhetsbrev (tom)', 'csv', 'ok', 10, 0, 0],
    ]);
    expect(overview[1][6]).toBe('Navn, E-post, Telefon');

    const kunde = wb['kunder-kunde'].rows;
    const header = kunde[0].map((c) => c.v);
    expect(header.slice(0, 4)).toEqual(['kunde_id', 'navn', 'epost', 'telefon']);
    expect(header.slice(-4)).toEqual(['Plassering i kilden', 'Sikkerhet', 'Hvorfor treff', 'Fjernede felt']);
    const row = Object.fromEntries(header.map((h, i) => [h, kunde[1][i]]));
    // CSV carries no types: identifiers keep their leading zeros as text.
    expect(row.kunde_id).toMatchObject({ t: 's', v: '0042' });
    expect(row.telefon).toMatchObject({ t: 's', v: '0047 913 45 678' });
    expect(row.navn.v).toBe('Áilu Ŋuolláš Čađeŧ-Ødegård');
    // The data subject reads the spreadsheet: location and confidence speak the package language.
    expect(row['Plassering i kilden'].v).toBe('kunde linje 2');
    expect(row.Sikkerhet).toMatchObject({ t: 's', v: 'Høy' });
    // Control characters XML cannot hold are replaced, not allowed to corrupt the file.
    expect(row.kontroll.v).toBe('a\ufffdb\ufffdc\ufffdd');
    // Over-long text is cut to Excel's cell limit with a pointer to data.json.
    expect(String(row.lang.v).length).toBeLessThanOrEqual(32_767);
    expect(String(row.lang.v)).toContain('data.json');

    // SQL sources type their values: numbers, booleans and dates arrive as such.
    const cust = wb['butikk-customer'].rows;
    const c = Object.fromEntries(cust[0].map((h, i) => [h.v, cust[1][i]]));
    expect(c.id).toMatchObject({ t: 'n', v: 1 });
    expect(c.balance).toMatchObject({ t: 'n', v: 1234.5 });
    expect(c.active).toMatchObject({ t: 'b', v: true });
    expect(c.created_at).toMatchObject({ t: 'd', v: '2024-03-05T09:15:00', fmt: 'yyyy-mm-dd hh:mm:ss' });
    expect(c.born).toMatchObject({ t: 'd', v: '1985-03-15T00:00:00', fmt: 'yyyy-mm-dd' });

    const mail = wb['post-e-post'].rows;
    expect(mail[0].map((h) => h.v).slice(0, 6)).toEqual(['Dato', 'Fra', 'Til', 'Kopi', 'Emne', 'Fil i pakken']);
    expect(mail[1][0]).toMatchObject({ t: 'd', v: '2024-03-05T09:15:00' });
    expect(mail[1][5].v).toBe('mail/post/0001-Reklamasjon.eml');
  });

  it('writes location and confidence in the package language, and leaves data.json as data', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    const fx = makeFixture(dir);
    // One hit per confidence level, so each label is seen in a real workbook.
    const levels = { 'kunder-1': 'high', 'kunder-2': 'medium', 'butikk-1': 'low' } as const;
    for (const h of fx.result.hits) if (h.id in levels) h.confidence = levels[h.id as keyof typeof levels];
    await build(fx, out, { lang: 'en', minConfidence: 'low' });
    const files = unzipWithPython(out);
    const xlsx = path.join(dir, 'data.xlsx');
    writeFileSync(xlsx, files.get('data/data.xlsx')!);
    const wb = JSON.parse(python(READ_WORKBOOK, xlsx)) as Workbook;

    const firstRow = (sheet: string) => {
      const rows = wb[sheet].rows;
      return Object.fromEntries(rows[0].map((h, i) => [h.v, rows[1][i]]));
    };
    const kunde = firstRow('kunder-kunde');
    expect(kunde['Location in source'].v).toBe('kunde line 2');
    expect(kunde.Confidence.v).toBe('High');
    const ordre = firstRow('kunder-ordre');
    expect(ordre['Location in source'].v).toBe('ordre line 8');
    expect(ordre.Confidence.v).toBe('Medium');
    const customer = firstRow('butikk-customer');
    // Key and mail locations carry no words, so they read the same in every language.
    expect(customer['Location in source'].v).toBe('id=1');
    expect(customer.Confidence.v).toBe('Low');
    expect(firstRow('post-e-mails')['Location in source'].v).toBe('a.eml');

    // data.json is for machines: the schema's enum value and the structured location, untranslated.
    const json = files.get('data/data.json')!.toString('utf8');
    expect(json).toContain('"confidence":"medium"');
    expect(json).toContain('"location":{"table":"ordre","record":7,"line":8}');
    expect(json).not.toMatch(/Medium|Middels|ordre line/);
  });

  it('writes values that look like formulas as text cells, never as formulas', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    await build(makeFixture(dir), out);
    const xlsx = path.join(dir, 'data.xlsx');
    writeFileSync(xlsx, unzipWithPython(out).get('data/data.xlsx')!);
    const wb = JSON.parse(python(READ_WORKBOOK, xlsx)) as Workbook;
    const kunde = wb['kunder-kunde'].rows;
    const row = Object.fromEntries(kunde[0].map((h, i) => [h.v, kunde[1][i]]));
    for (const field of ['formel', 'pluss', 'minus', 'at']) {
      // 's' is a string cell; openpyxl reports 'f' for a formula. The text format keeps it text when edited.
      expect(row[field].t, field).toBe('s');
      expect(row[field].fmt, field).toBe('@');
    }
    expect(row.formel.v).toBe('=HYPERLINK("http://evil.example","klikk")');
    // And in the raw XML of every sheet there is no formula element at all.
    const formulas = python(
      'import zipfile,sys,re\nz=zipfile.ZipFile(sys.argv[1])\nprint(sum(len(re.findall(rb"<f[ >]", z.read(n))) for n in z.namelist() if n.startswith("xl/worksheets/")))',
      xlsx,
    );
    expect(formulas.trim()).toBe('0');
  });

  it('is the same workbook when a large package builds it in a worker', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'small.zip');
    const large = path.join(dir, 'large.zip');
    await build(makeFixture(dir), small);
    // 2,000 more rows in a table of their own: enough that the spreadsheet is built in its worker (xlsx-aside.ts).
    const fx = makeFixture(dir);
    for (let i = 0; i < 2_000; i++) {
      fx.result.hits.push({
        id: `kunder-x${i}`,
        source: 'kunder',
        location: { table: 'ekstra', record: i, line: i + 2 },
        confidence: 'high',
        score: 0.95,
        reasons: ['epost matched e-mail ailu@example.no (case-insensitive)'],
        matches: [{ field: 'epost', kind: 'email', value: 'ailu@example.no' }],
        record: { nr: String(i).padStart(5, '0'), epost: 'ailu@example.no', notat: i % 2 ? `=A${i}` : `rad ${i} – ø` },
      });
    }
    await build(fx, large);
    const read = (zip: string, name: string) => {
      const xlsx = path.join(dir, name);
      writeFileSync(xlsx, unzipWithPython(zip).get('data/data.xlsx')!);
      return JSON.parse(python(READ_WORKBOOK, xlsx)) as Workbook;
    };
    const here = read(small, 'small.xlsx');
    const worker = read(large, 'large.xlsx');
    // Every sheet the two share is the same, cell for cell: values, types and formats.
    for (const sheet of ['kunder-kunde', 'kunder-ordre', 'butikk-customer', 'post-e-post']) expect(worker[sheet], sheet).toEqual(here[sheet]);
    const extra = worker['kunder-ekstra'].rows;
    expect(extra).toHaveLength(2_001);
    expect(extra[1].slice(0, 3).map((c) => c.v)).toEqual(['00000', 'ailu@example.no', 'rad 0 – ø']);
    expect(extra[2][2]).toMatchObject({ t: 's', v: '=A1', fmt: '@' });
    expect(extra[2_000][3].v).toBe('ekstra linje 2001');
  });
});
