import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { PackageFormat } from '../../shared/package-formats';
import { tempDir } from '../helpers/temp';
import { build, makeFixture, python } from './package-fixture';

/** Entry names as Info-ZIP's `unzip -l` lists them (not the library that wrote the ZIP). */
function listZip(zip: string): string[] {
  const run = spawnSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`unzip -Z1 failed: ${run.stderr}`);
  const names = run.stdout.split('\n').filter((l) => l.length > 0);
  // `unzip -l` checks the central directory the same way; keep its summary honest too.
  const long = spawnSync('unzip', ['-l', zip], { encoding: 'utf8' });
  expect(long.status).toBe(0);
  expect(long.stdout.trim().split('\n').pop()).toMatch(new RegExp(`\\s${names.length} files?$`));
  return names;
}

function entry(zip: string, name: string): Buffer {
  const run = spawnSync('unzip', ['-p', zip, name], { maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`unzip -p ${name} failed: ${run.stderr.toString()}`);
  return run.stdout;
}

/** The letter as a reader sees it, lines joined so a sentence can be searched whole. */
function letterText(zip: string, name: string, dir: string): string {
  const pdf = path.join(dir, 'letter.pdf');
  writeFileSync(pdf, entry(zip, name));
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout.replace(/\s+/g, ' ');
}

interface ManifestJson {
  formats: PackageFormat[];
  files: Array<{ path: string }>;
}

const letterFile = { nb: 'følgebrev.pdf', en: 'cover-letter.pdf' } as const;
const readmeFile = { nb: 'LES-MEG.txt', en: 'README.txt' } as const;

describe('package formats', () => {
  for (const lang of ['nb', 'en'] as const) {
    it(`with formats [xlsx] (${lang}) holds only the spreadsheet, and neither letter nor readme names a missing file`, async () => {
      const dir = tempDir();
      const out = path.join(dir, 'svar.zip');
      const built = await build(makeFixture(dir), out, { formats: ['xlsx'], lang });
      expect(built.verified).toBe(true);

      const names = listZip(out);
      expect(names.sort()).toEqual([letterFile[lang], readmeFile[lang], 'data/data.xlsx', 'manifest.json'].sort());
      expect(names.some((n) => n.endsWith('.eml') || (n.endsWith('.json') && n !== 'manifest.json'))).toBe(false);

      // The manifest lists exactly the files present (itself aside) and records the choice.
      const manifest = JSON.parse(entry(out, 'manifest.json').toString('utf8')) as ManifestJson;
      expect(manifest.formats).toEqual(['xlsx']);
      expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());

      const letter = letterText(out, letterFile[lang], dir);
      expect(letter).toContain('data/data.xlsx');
      for (const missing of ['data.json', 'schema.json', 'mail/', '.eml', 'JSON']) expect(letter, missing).not.toContain(missing);
      // The Art. 20 sentence names the one data file that is there.
      expect(letter).toContain(lang === 'nb' ? 'du får dem i denne pakken som data.xlsx.' : 'this package gives it to you as data.xlsx.');

      const readme = entry(out, readmeFile[lang]).toString('utf8');
      expect(readme).toContain('data/data.xlsx');
      for (const missing of ['data.json', 'schema.json', 'mail/', '.eml']) expect(readme, missing).not.toContain(missing);
      expect(readme).not.toMatch(/\{\w+\}/);
    });
  }

  it('without eml still lists every mail hit in data.json and data.xlsx, with no path to a missing .eml', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    await build(makeFixture(dir), out, { formats: ['json', 'xlsx'] });
    const names = listZip(out);
    expect(names.filter((n) => n.startsWith('mail/'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['data/data.json', 'data/schema.json', 'data/data.xlsx']));

    const data = JSON.parse(entry(out, 'data/data.json').toString('utf8')) as { sources: Array<{ id: string; messages?: Array<{ eml: string | null; record: Record<string, unknown> }> }> };
    const post = data.sources.find((s) => s.id === 'post')!;
    expect(post.messages?.map((m) => m.record.subject)).toEqual(['Reklamasjon', expect.any(String)]);
    expect(post.messages?.map((m) => m.eml)).toEqual([null, null]);

    const xlsx = path.join(dir, 'data.xlsx');
    writeFileSync(xlsx, entry(out, 'data/data.xlsx'));
    const sheet = JSON.parse(
      python(
        'import openpyxl,sys,json\nws=openpyxl.load_workbook(sys.argv[1])["post-e-post"]\nprint(json.dumps([[c.value for c in r] for r in ws.iter_rows()], default=str))',
        xlsx,
      ),
    ) as Array<Array<string | null>>;
    // No originals, so no "file in package" column pointing nowhere.
    expect(sheet[0]).not.toContain('Fil i pakken');
    expect(sheet[0]).toEqual(expect.arrayContaining(['Emne', 'Fra']));
    const rows = sheet.slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.includes('Reklamasjon'))).toBe(true);
  });

  it('records all three formats by default, so an existing export is unchanged', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    const built = await build(makeFixture(dir), out);
    expect(built.manifest.formats).toEqual(['json', 'xlsx', 'eml']);
    expect(listZip(out).filter((n) => n.endsWith('.eml'))).toHaveLength(2);
  });

  for (const formats of [['eml'], []] as PackageFormat[][]) {
    it(`refuses formats [${formats.join(', ')}] before writing anything: the person must get json or xlsx`, async () => {
      const dir = tempDir();
      const out = path.join(dir, 'ut', 'svar.zip');
      const err = await build(makeFixture(dir), out, { formats }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('INVALID_INPUT');
      expect((err as AppError).message).toMatch(/json or xlsx/);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(path.dirname(out)) ? readdirSync(path.dirname(out)) : []).toEqual([]);
    });
  }
});
