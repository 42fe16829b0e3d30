import { readFileSync } from 'node:fs';
import path from 'node:path';
import archiver from 'archiver';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { toSourceRecord } from '../../electron/core/sources/mail/mail-record';
import { parseMessage } from '../../electron/core/sources/mail/parse-message';
import { projectRoot } from '../helpers/corpora';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64').replace(/.{76}/g, '$&\r\n');
const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

function pdfWith(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

/** A .docx-named ZIP whose one entry unpacks to `mib` MiB of zeros: a zip bomb in miniature. */
async function zipOfZeros(mib: number): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 9 } });
  const chunks: Buffer[] = [];
  zip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    zip.on('end', () => resolve());
    zip.on('error', reject);
  });
  zip.append(Buffer.alloc(mib * 1024 * 1024), { name: 'word/document.xml' });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

function mixed(parts: string[]): Buffer {
  const head = 'From: =?iso-8859-1?Q?J=F8rn_St=F8ylen?= <jorn@example.no>\nTo: kari@example.no\nSubject: =?utf-8?B?U8O4a25hZA==?=\nMessage-ID: <m1@example.no>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n\n';
  return Buffer.from(crlf(head + parts.map((p) => `--b1\n${p}\n`).join('') + '--b1--\n'), 'latin1');
}

describe('mail: decoding', () => {
  it('decodes RFC 2047 headers and RFC 2231 file names, and lists binary attachments without searching them', async () => {
    const mail = await parseMessage(
      mixed([
        'Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\nHilsen J=F8rn',
        `Content-Type: image/png\nContent-Disposition: attachment; filename*=iso-8859-1''J%F8rn%20bilde.png\nContent-Transfer-Encoding: base64\n\n${b64(Buffer.alloc(2048, 7))}`,
      ]),
    );
    expect(mail.fields.from).toBe('Jørn Støylen <jorn@example.no>');
    expect(mail.subject).toBe('Søknad');
    expect(mail.body).toContain('Hilsen Jørn');
    expect(mail.fields.attachments).toBe('Jørn bilde.png (image/png, 2 KB)');
    const rec = toSourceRecord(mail, { file: 'x.eml' });
    expect(rec.text?.map((t) => t.field)).toEqual(['body']);
    expect(rec.kinds).toMatchObject({ from: 'addressHeader', to: 'addressHeader', subject: 'text', body: 'text', attachments: 'text' });
    expect(rec.location).toEqual({ file: 'x.eml' });
  });

  it('reads raw 8-bit Latin-1 headers (no RFC 2047) as the declared charset or Windows-1252', async () => {
    const head = (charset: string) => Buffer.from(`From: J\xf8rn St\xf8ylen <j@example.no>\r\nSubject: \xc6rlig talt\r\nContent-Type: text/plain; charset=${charset}\r\n\r\nok\r\n`, 'latin1');
    for (const charset of ['iso-8859-1', 'us-ascii', 'x-nonsense']) {
      const mail = await parseMessage(head(charset));
      expect(mail.fields.from, charset).toBe('Jørn Støylen <j@example.no>');
      expect(mail.subject, charset).toBe('Ærlig talt');
    }
    // Real UTF-8 headers (RFC 6532) are left alone.
    const utf8 = await parseMessage(Buffer.from('From: Jørn Støylen <j@example.no>\r\n\r\nok\r\n', 'utf8'));
    expect(utf8.fields.from).toBe('Jørn Støylen <j@example.no>');
  });

  it('searches the text part and the HTML part of multipart/alternative, HTML turned into text', async () => {
    const raw = crlf(
      'From: a@example.no\nSubject: alt\nContent-Type: multipart/alternative; boundary=alt\n\n--alt\nContent-Type: text/plain; charset=utf-8\n\nPlain version\n--alt\nContent-Type: text/html; charset=utf-8\n\n<p>HTML <b>version</b> with <a href="mailto:ola@example.no">Ola</a></p><style>p{}</style>\n--alt--\n',
    );
    const mail = await parseMessage(Buffer.from(raw));
    expect(mail.body).toContain('Plain version');
    expect(mail.htmlBody).toContain('HTML version with Ola');
    expect(mail.htmlBody).toContain('ola@example.no');
    expect(mail.htmlBody).not.toContain('<');
    const htmlOnly = await parseMessage(Buffer.from(crlf('Subject: h\nContent-Type: text/html\n\n<div>Only&nbsp;HTML &amp; more</div>\n')));
    expect(htmlOnly.body?.replace(/\s/g, ' ')).toBe('Only HTML & more'); // &nbsp; stays U+00A0; the matcher folds it
    expect(htmlOnly.htmlBody).toBeNull();
  });

  it('extracts text from CSV (Windows-1252), PDF and DOCX attachments', async () => {
    const csv = Buffer.from('navn;telefon\r\nJørn Støylen;913 45 678\r\n', 'latin1');
    const pdf = await pdfWith('Kundenummer 4711 tilhører Kari Nordmann');
    // mammoth's own test document (BSD-2-Clause), read in place from node_modules.
    const docx = readFileSync(path.join(projectRoot, 'node_modules/mammoth/test/test-data/single-paragraph.docx'));
    const mail = await parseMessage(
      mixed([
        'Content-Type: text/plain\n\nsee attachments',
        `Content-Type: text/csv; name="kunder.csv"\nContent-Transfer-Encoding: base64\n\n${b64(csv)}`,
        `Content-Type: application/pdf; name="brev.pdf"\nContent-Disposition: attachment; filename="brev.pdf"\nContent-Transfer-Encoding: base64\n\n${b64(pdf)}`,
        `Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="notat.docx"\nContent-Transfer-Encoding: base64\n\n${b64(docx)}`,
      ]),
    );
    expect(mail.problems).toEqual([]);
    const text = Object.fromEntries(mail.attachments.map((a) => [a.name, a.text]));
    expect(text['kunder.csv']).toContain('Jørn Støylen;913 45 678');
    expect(text['brev.pdf']).toContain('Kari Nordmann');
    expect(text['notat.docx']).toContain('Walking on imported air');
    const rec = toSourceRecord(mail, { file: 'x.eml' });
    expect(rec.text?.find((t) => t.field === 'attachment "brev.pdf"')?.value).toContain('Kundenummer 4711');
  });

  it('reads a PDF that lost its header, and reports bytes without any PDF object as unreadable', async () => {
    const pdf = await pdfWith('Kundenummer 4711 tilhører Kari Nordmann');
    const headless = pdf.subarray(pdf.indexOf('\n') + 1);
    expect(headless.includes('%PDF')).toBe(false);
    const random = Buffer.from(Array.from({ length: 20_000 }, (_, i) => ((i * 2654435761) >>> 13) & 0xff));
    expect(random.includes('obj')).toBe(false);
    const mail = await parseMessage(
      mixed([
        'Content-Type: text/plain\n\nsee attachments',
        `Content-Type: application/pdf; name="uten-hode.pdf"\nContent-Transfer-Encoding: base64\n\n${b64(headless)}`,
        `Content-Type: application/pdf; name="faktura.pdf"\nContent-Transfer-Encoding: base64\n\n${b64(random)}`,
      ]),
    );
    const text = Object.fromEntries(mail.attachments.map((a) => [a.name, a.text]));
    expect(text['uten-hode.pdf']).toContain('Kari Nordmann');
    expect(text['faktura.pdf']).toBeFalsy();
    expect(mail.problems).toEqual([expect.stringMatching(/faktura\.pdf.*holds no PDF objects.*listed but not searched/)]);
  });

  it('decodes a forwarded message/rfc822 attachment with its own address headers', async () => {
    const inner = 'From: Kari Nordmann <kari@example.no>\nTo: support@example.no\nSubject: Min ordre\n\nOrdre 12345 gjelder meg.\n';
    const mail = await parseMessage(mixed(['Content-Type: text/plain\n\nFYI', `Content-Type: message/rfc822\nContent-Disposition: attachment\n\n${inner}`]));
    expect(mail.attached).toHaveLength(1);
    const rec = toSourceRecord(mail, { file: 'x.eml' });
    const field = (f: string) => rec.text?.find((t) => t.field === f)?.value;
    expect(field('attached message 1: from')).toBe('Kari Nordmann <kari@example.no>');
    expect(rec.kinds?.['attached message 1: from']).toBe('addressHeader');
    expect(field('attached message 1: body')).toContain('Ordre 12345');
    expect(mail.structure.map((p) => `${p.depth}:${p.type}`)).toEqual(['0:multipart/mixed', '1:text/plain', '1:message/rfc822', '2:text/plain']);
  });

  it('decodes broken messages as far as possible and says what is wrong', async () => {
    const wrongBoundary = await parseMessage(Buffer.from(crlf('From: a@example.no\nSubject: s\nContent-Type: multipart/mixed; boundary="nope"\n\n--other\nContent-Type: text/plain\n\nlost?\n--other--\n')));
    expect(wrongBoundary.fields.from).toBe('a@example.no');
    expect(wrongBoundary.problems.join()).toMatch(/boundary never occurs/);

    const truncated = await parseMessage(Buffer.from(crlf(`Subject: t\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${b64('Dette er Jørn Støylen sitt brev').slice(0, 30)}`)));
    expect(truncated.body).toContain('Dette er J');

    const badCharset = await parseMessage(Buffer.from(crlf('Subject: c\nContent-Type: text/plain; charset=x-unknown-9\n\nhei p\xe5 deg\n'), 'latin1'));
    expect(badCharset.body).toContain('hei på deg');
    expect(badCharset.problems.join()).toMatch(/charset "x-unknown-9" is not known/);
  });

  it('bounds hostile nesting: deep MIME trees and deeply attached messages are flagged, not followed', async () => {
    let deep = 'Content-Type: text/plain\n\nbottom\n';
    for (let i = 0; i < 60; i++) deep = `Content-Type: multipart/mixed; boundary="d${i}"\n\n--d${i}\n${deep}--d${i}--\n`;
    const nested = await parseMessage(Buffer.from(crlf(`From: a@example.no\nSubject: deep\n${deep}`)));
    expect(nested.fields.from).toBe('a@example.no');
    expect(nested.problems.join()).toMatch(/only the headers were read/);

    let msg = 'From: bottom@example.no\nSubject: 0\n\nbottom\n';
    for (let i = 1; i <= 8; i++) msg = `From: l${i}@example.no\nSubject: ${i}\nContent-Type: multipart/mixed; boundary="m${i}"\n\n--m${i}\nContent-Type: message/rfc822\n\n${msg}\n--m${i}--\n`;
    const attached = await parseMessage(Buffer.from(crlf(msg)));
    expect(attached.problems.some((p) => /nested deeper than 5 levels/.test(p))).toBe(true);
  });

  it('refuses to unpack a .docx that would unpack to far more than its size (zip bomb)', async () => {
    const bomb = await zipOfZeros(210);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const mail = await parseMessage(
      mixed(['Content-Type: text/plain\n\nx', `Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="bomb.docx"\nContent-Transfer-Encoding: base64\n\n${b64(bomb)}`]),
    );
    expect(mail.attachments.map((a) => a.name)).toEqual(['bomb.docx']);
    expect(mail.problems).toEqual(['the text of attachment "bomb.docx" could not be read (unpacks to 210 MiB, text not extracted); it was listed but not searched']);
  });
});
