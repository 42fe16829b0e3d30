import { note, type NameLists, type Person } from './people';
import type { Rng } from './rng';
import { subjectPerson } from './subject';

/**
 * One synthetic RFC 5322 message with the encodings a real Norwegian mailbox holds: RFC 2047
 * display names (Q and B), quoted-printable bodies in UTF-8 and ISO-8859-1, base64 bodies,
 * multipart/alternative with HTML, and (10%) attachments. LF line ends, as mbox files use.
 */
export interface MailParts {
  from: Person;
  to: Person;
  index: number;
  /** Where the subject is planted in this message, if she is. */
  plant?: number;
}

export function encodedWord(name: string, rng: Rng): string {
  if (/^[\x20-\x7e]*$/.test(name)) return name;
  if (rng.chance(0.5)) {
    const q = [...Buffer.from(name, 'latin1')]
      .map((b) => (b === 0x20 ? '_' : b < 0x80 && b !== 0x3d && b !== 0x3f && b !== 0x5f ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
      .join('');
    return `=?iso-8859-1?Q?${q}?=`;
  }
  return `=?utf-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
}

function address(p: Person, rng: Rng): string {
  return `${encodedWord(`${p.first} ${p.last}`, rng)} <${p.email}>`;
}

/** Quoted-printable (RFC 2045) of bytes, soft line breaks at 76. */
export function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      lines.push(line);
      line = '';
      continue;
    }
    const lit = (b >= 0x21 && b <= 0x7e && b !== 0x3d) || (b === 0x20 && bytes[i + 1] !== 0x0a && i + 1 < bytes.length);
    const tok = lit ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + tok.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += tok;
  }
  lines.push(line);
  return lines.join('\n');
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

function bodyText(rng: Rng, lists: NameLists, parts: MailParts): string {
  const lines: string[] = [`Hei ${parts.to.first},`, ''];
  const n = 25 + rng.int(40);
  for (let i = 0; i < n; i++) lines.push(note(rng, { ...parts.from, first: rng.pick(lists.first), last: rng.pick(lists.last) }));
  if (parts.plant !== undefined && parts.plant % 4 === 2) lines.splice(3, 0, `Kunden Sunniva kan nås på 913 45 678.`);
  if (parts.plant !== undefined && parts.plant % 4 === 3) lines.splice(3, 0, `Fødselsnummer oppgitt: 150385-41215`);
  lines.push('', 'Vennlig hilsen', `${parts.from.first} ${parts.from.last}`);
  return lines.join('\n');
}

function textPart(rng: Rng, text: string, subtype = 'plain'): string {
  const kind = rng.int(4);
  if (kind === 0) {
    return `Content-Type: text/${subtype}; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n${quotedPrintable(Buffer.from(text, 'latin1'))}\n`;
  }
  if (kind === 1) {
    return `Content-Type: text/${subtype}; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${quotedPrintable(Buffer.from(text, 'utf8'))}\n`;
  }
  if (kind === 2) {
    return `Content-Type: text/${subtype}; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${base64Lines(Buffer.from(text, 'utf8'))}\n`;
  }
  return `Content-Type: text/${subtype}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${text}\n`;
}

function attachment(rng: Rng, lists: NameLists): string {
  if (rng.chance(0.5)) {
    const rows = ['navn;telefon'];
    for (let i = 0; i < 200; i++) rows.push(`${rng.pick(lists.first)} ${rng.pick(lists.last)};9${String(rng.int(1e7)).padStart(7, '0')}`);
    const csv = Buffer.from(rows.join('\r\n'), 'utf8');
    return `Content-Type: text/csv; charset=utf-8; name="kunder.csv"\nContent-Disposition: attachment; filename="kunder.csv"\nContent-Transfer-Encoding: base64\n\n${base64Lines(csv)}\n`;
  }
  const bin = Buffer.alloc(4 * (2_000 + rng.int(10_000)));
  for (let i = 0; i < bin.length; i += 4) bin.writeUInt32LE((rng.next() * 4294967296) >>> 0, i);
  return `Content-Type: application/pdf; name="faktura.pdf"\nContent-Disposition: attachment; filename="faktura.pdf"\nContent-Transfer-Encoding: base64\n\n${base64Lines(bin)}\n`;
}

export function buildMessage(rng: Rng, lists: NameLists, parts: MailParts): string {
  const date = new Date(Date.UTC(2020, 0, 1) + parts.index * 600_000).toUTCString().replace('GMT', '+0000');
  const from = parts.plant !== undefined && parts.plant % 4 === 0 ? subjectPerson : parts.from;
  const to = parts.plant !== undefined && parts.plant % 4 === 1 ? subjectPerson : parts.to;
  const headers = [
    `Message-ID: <bench-${parts.index}@innsyn.example>`,
    `Date: ${date}`,
    `From: ${address(from, rng)}`,
    `To: ${address(to, rng)}`,
    `Subject: ${encodedWord(`Sak ${parts.index}: ${rng.pick(['Faktura', 'Reklamasjon', 'Bestilling', 'Spørsmål om levering'])}`, rng)}`,
    'MIME-Version: 1.0',
  ];
  const text = bodyText(rng, lists, { ...parts, from, to });
  const withAttachment = rng.chance(0.1);
  const withHtml = rng.chance(0.3);
  if (!withAttachment && !withHtml) return `${headers.join('\n')}\n${textPart(rng, text)}`;
  const boundary = `----=_bench_${parts.index}`;
  const body: string[] = [];
  if (withHtml) {
    const alt = `${boundary}_alt`;
    const html = `<html><body><p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>\n')}</p></body></html>`;
    body.push(`Content-Type: multipart/alternative; boundary="${alt}"\n\n--${alt}\n${textPart(rng, text)}--${alt}\n${textPart(rng, html, 'html')}--${alt}--\n`);
  } else body.push(textPart(rng, text));
  if (withAttachment) body.push(attachment(rng, lists));
  return `${headers.join('\n')}\nContent-Type: multipart/mixed; boundary="${boundary}"\n\n${body.map((b) => `--${boundary}\n${b}`).join('')}--${boundary}--\n`;
}
