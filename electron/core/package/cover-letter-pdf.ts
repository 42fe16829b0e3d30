import PDFDocument from 'pdfkit';
import type { CoverLetter } from './cover-letter';
import { letterFonts } from './fonts';

/**
 * Renders the composed letter as an A4 PDF with an embedded font (see fonts.ts) and returns
 * its bytes. Placeholders the DPO must complete are red and italic, so they cannot be missed
 * before sending. The letter is small, so it is made in memory and staged with the other small
 * files, and the export can make it whenever the thread pool has compression to catch up on.
 */
export async function renderCoverLetterPdf(letter: CoverLetter): Promise<Buffer> {
  const fonts = letterFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: letter.title, Producer: 'Innsyn', Creator: 'Innsyn' },
    lang: letter.lang === 'nb' ? 'nb-NO' : 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.font('bold').fontSize(15).text(letter.title);
  doc.moveDown(0.5);
  doc.font('body').fontSize(9.5).fillColor('#444444');
  for (const line of letter.meta) doc.text(line);
  doc.fillColor('#000000').moveDown();
  for (const section of letter.sections) {
    // Laying out a section is tens of milliseconds of font shaping; between sections the
    // thread answers the thread pool, whose queued compressions wait for this thread to start.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (section.heading) doc.font('bold').fontSize(10.5).text(section.heading).moveDown(0.2);
    section.paragraphs.forEach((p, i) => {
      const isPlaceholder = section.placeholders?.includes(i) ?? false;
      doc
        .font(isPlaceholder ? 'italic' : 'body')
        .fontSize(10)
        .fillColor(isPlaceholder ? '#B00020' : '#000000')
        .text(p, { paragraphGap: 3 });
    });
    doc.fillColor('#000000').moveDown(0.6);
  }
  doc.moveDown();
  doc.font('body').fontSize(10);
  for (const line of letter.signature) doc.text(line);
  doc.end();
  return done;
}
