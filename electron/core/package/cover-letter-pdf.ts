import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import type { CoverLetter } from './cover-letter';

/**
 * Renders the composed letter as an A4 PDF. Helvetica's WinAnsi encoding covers æ ø å and
 * the other Western European letters the templates use.
 */
export async function writeCoverLetterPdf(letter: CoverLetter, file: string): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: letter.title, Producer: 'Innsyn', Creator: 'Innsyn' },
  });
  const out = createWriteStream(file);
  doc.pipe(out);
  doc.font('Helvetica-Bold').fontSize(16).text(letter.title);
  doc.moveDown(0.5);
  doc.font('Helvetica').fontSize(10).fillColor('#444444');
  for (const line of letter.meta) doc.text(line);
  doc.fillColor('#000000').moveDown();
  for (const section of letter.sections) {
    if (section.heading) doc.font('Helvetica-Bold').fontSize(11).text(section.heading).moveDown(0.2);
    section.paragraphs.forEach((p, i) => {
      const isPlaceholder = section.placeholders?.includes(i) ?? false;
      doc
        .font(isPlaceholder ? 'Helvetica-Oblique' : 'Helvetica')
        .fontSize(10.5)
        .fillColor(isPlaceholder ? '#B00020' : '#000000')
        .text(p, { paragraphGap: 4 });
    });
    doc.fillColor('#000000').moveDown(0.6);
  }
  doc.moveDown();
  doc.font('Helvetica').fontSize(10.5);
  for (const line of letter.signature) doc.text(line);
  doc.end();
  await once(out, 'finish');
}
