import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { build, makeFixture, unzipWithPython } from './package-fixture';

function letterText(zipFile: string, entry: string, dir: string): string {
  const pdf = path.join(dir, 'letter.pdf');
  writeFileSync(pdf, unzipWithPython(zipFile).get(entry)!);
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  // Join wrapped lines so a sentence can be searched as a whole.
  return run.stdout.replace(/\s+/g, ' ');
}

const expected = {
  nb: {
    file: 'følgebrev.pdf',
    points: [
      '(a) Hvorfor vi behandler opplysningene (formål) og behandlingsgrunnlag',
      '(b) Kategorier av personopplysninger',
      '(c) Mottakere eller kategorier av mottakere',
      '(d) Hvor lenge opplysningene lagres',
      '(e) Retten til retting, sletting, begrensning og å protestere',
      '(f) Retten til å klage til tilsynsmyndigheten',
      '(g) Hvor opplysningene kommer fra',
      '(h) Automatiserte avgjørelser, herunder profilering',
      'Artikkel 15(2): overføring til land utenfor EU/EØS',
    ],
    placeholder: '[Ikke registrert for Nettbutikk: personvernombudet må fylle inn dette før svaret sendes]',
    nothing: 'Nyhetsbrev: ingen opplysninger funnet',
    contents: 'Dette inneholder pakken',
    open: 'Slik åpner du filene',
  },
  en: {
    file: 'cover-letter.pdf',
    points: [
      '(a) Why we process the data (purposes) and on what legal basis',
      '(b) Categories of personal data',
      '(c) Recipients or categories of recipients',
      '(d) How long the data is stored',
      '(e) Your rights to rectification, erasure, restriction and objection',
      '(f) Your right to complain to the supervisory authority',
      '(g) Where the data came from',
      '(h) Automated decision-making, including profiling',
      'Article 15(2): transfers to countries outside the EU/EEA',
    ],
    placeholder: '[Not recorded for Nettbutikk: the data protection officer must complete this before sending]',
    nothing: 'Nyhetsbrev: no data found',
    contents: 'What this package contains',
    open: 'How to open the files',
  },
} as const;

describe('cover letter PDF', () => {
  for (const lang of ['nb', 'en'] as const) {
    it(`answers every Art. 15 point in ${lang}, from the processing records, with placeholders where one is missing`, async () => {
      const dir = tempDir();
      const out = path.join(dir, 'svar.zip');
      await build(makeFixture(dir), out, { lang });
      const text = letterText(out, expected[lang].file, dir);
      for (const point of expected[lang].points) expect(text, point).toContain(point);
      // Controller identity and contact.
      expect(text).toContain('Fjellstue Čáhppes AS');
      expect(text).toContain('999 888 777');
      expect(text).toContain('personvern@fjellstue.example');
      expect(text).toContain('INN-2026-0007');
      // Answers come from the records of the sources where data was found.
      expect(text).toContain('Kunderegister: Kundeforhold (');
      expect(text).toContain('Kundeservice: Sikkerhetskopi i USA med SCC');
      // The source without a record shows a visible placeholder instead of a silent gap.
      expect(text).toContain(expected[lang].placeholder);
      // Every source searched is accounted for, including the one where nothing was found.
      expect(text).toContain(expected[lang].nothing);
      expect(text).toContain('Datatilsynet');
      expect(text).toContain(lang === 'nb' ? 'art. 16' : 'Art. 16');
      expect(text).toContain(expected[lang].contents);
      expect(text).toContain(expected[lang].open);
      // Æ Ø Å and the Sámi letters Helvetica cannot show survive the round trip through the PDF.
      expect(text).toContain('Áilu Ŋuolláš Čađeŧ-Ødegård');
      // The national ID is masked in a letter that may travel by post.
      expect(text).toContain('150385*****');
      expect(text).not.toContain('15038541215');
      // No template placeholder is left unfilled.
      expect(text).not.toMatch(/\{\w+\}/);
    });
  }
});
