import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoverLetter } from '../../electron/core/package/cover-letter';
import { renderCoverLetterPdf } from '../../electron/core/package/cover-letter-pdf';
import { renderLetterAside } from '../../electron/core/package/letter-aside';
import { tempDir } from '../helpers/temp';

const letter: CoverLetter = {
  lang: 'nb',
  title: 'Svar på innsynsbegjæring',
  meta: ['Saksnummer: 2026-0001', 'Dato: 22. november 2026'],
  sections: [
    { heading: 'Hva vi har om deg', paragraphs: ['Kjære Máret Ŋuolja Čuđe, vi har funnet opplysninger om deg i to kilder.'] },
    { paragraphs: ['[Fyll inn rettslig grunnlag]'], placeholders: [0] },
  ],
  signature: ['Med vennlig hilsen', 'Eksempel AS'],
};

function pdfText(pdf: Buffer): string {
  const file = path.join(tempDir(), 'letter.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout;
}

describe('cover letter laid out in a worker thread', () => {
  it('gives the same letter as laying it out on this thread, Sámi letters and placeholder included', async () => {
    const aside = await renderLetterAside(letter);
    expect(aside.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(aside);
    expect(text).toContain('Kjære Máret Ŋuolja Čuđe');
    expect(text).toContain('[Fyll inn rettslig grunnlag]');
    expect(text).toBe(pdfText(await renderCoverLetterPdf(letter)));
  });

  it('stops when the export is cancelled', async () => {
    const controller = new AbortController();
    const pending = renderLetterAside(letter, controller.signal);
    controller.abort(new Error('cancelled by the DPO'));
    await expect(pending).rejects.toThrow('cancelled by the DPO');
  });
});
