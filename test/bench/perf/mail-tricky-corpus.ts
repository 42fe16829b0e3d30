/**
 * Messages made to trip the mail pre-check (search/prefilter/mail-precheck.ts): the subject's
 * name, e-mail and numbers hidden where only a full decode finds them (a quoted-printable soft
 * break inside the name, base64 line breaks, RFC 2047 words split in two, HTML references
 * and tags inside the name, digits cut by soft breaks and tags), in every kind of part
 * (attachments with text, nested multiparts, HTML-only, X-From), next to messages whose
 * charset is wrong or unknown, whose encodings are malformed, or that postal-mime reads in
 * its own way (two Subject lines, format=flowed with DelSp, an attached message, a plain and
 * an HTML part side by side). LF line ends, as in an mbox.
 */

const b64 = (text: string, charset: BufferEncoding = 'utf8') => (Buffer.from(text, charset).toString('base64').match(/.{1,20}/g) ?? []).join('\n');

function message(headers: string[], body: string): string {
  return `${['Date: Mon, 2 Jan 2023 10:00:00 +0100', 'Message-ID: <tricky@innsyn.example>', 'MIME-Version: 1.0', ...headers].join('\n')}\n\n${body}\n`;
}

function multipart(type: string, boundary: string, parts: string[], headers: string[] = []): string {
  return message([...headers, `Content-Type: multipart/${type}; boundary="${boundary}"`], `${parts.map((p) => `--${boundary}\n${p}`).join('\n')}\n--${boundary}--`);
}

const plainQp = (qp: string, charset = 'utf-8') => `Content-Type: text/plain; charset=${charset}\nContent-Transfer-Encoding: quoted-printable\n\n${qp}`;
const htmlQp = (qp: string) => `Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${qp}`;
const from = (name = 'Kari Hansen', address = 'kari@example.no') => `From: ${name} <${address}>`;
const to = 'To: Ola Nordmann <ola@example.no>';

/** Each message as bytes: UTF-8, or Latin-1 for those whose `\xNN` characters stand for raw bytes. */
export function trickyMessages(): Buffer[] {
  const out: Buffer[] = [];
  const add = (m: string) => out.push(Buffer.from(m, 'utf8'));
  const addBytes = (m: string) => out.push(Buffer.from(m, 'latin1'));
  // Names and numbers inside encodings.
  add(message([from(), to, 'Subject: soft break', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], 'Hei, dette gjelder Sunniva Bj=C3=B8rn=\nstad.'));
  add(message([from(), to, 'Subject: phone by soft break', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], 'Ring 913 4=\n5 678 i morgen.'));
  add(message([from(), to, 'Subject: id by soft break', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable'], 'F=F8dselsnummer 1503=\n85 41=\n215.'));
  add(message([from(), to, 'Subject: base64', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], b64('Kunden Sunniva Bjørnstad har skrevet igjen.')));
  add(message([from(), to, 'Subject: base64 latin1', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: base64'], b64('Kunden BJØRNSTAD, tlf 91345678.', 'latin1')));
  add(message([from(), to, 'Subject: e-mail in base64', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], b64('Svar til SUNNIVA.BJORNSTAD+kunde@EXAMPLE.NO takk')));
  // RFC 2047: the name split over two encoded words, a namesake's address (an alias suggestion).
  add(message([from('=?iso-8859-1?Q?Sunniva_Bj=F8rn?= =?iso-8859-1?Q?stad?=', 'sunniva@annen.example'), to, 'Subject: encoded words'], 'Hei.'));
  add(message([`From: =?utf-8?B?${Buffer.from('Sunniva Bjørnstad').toString('base64')}?= <s.b@annen.example>`, to, 'Subject: =?utf-8?Q?Sp=C3=B8rsm=C3=A5l?='], 'Hei igjen.'));
  add(message(['From: sb@lotus.example', 'X-From: Bjørnstad, Sunniva', to, 'Subject: X-From only'], 'Notat.'));
  add(message([from(), 'To: =?utf-8?Q?Bj=C3=B8rnstad?= <x@y.example>', 'Subject: surname only'], 'Ingenting.'));
  // HTML: references, tags inside the name, digits cut by tags, links, headings, zero-width spaces.
  add(multipart('alternative', 'alt1', [plainQp('Ingenting her.'), htmlQp('<p>Kunden Bj&oslash;rnstad ringte.</p>')], [from(), to, 'Subject: named reference']));
  add(multipart('alternative', 'alt2', [plainQp('Ingenting her.'), htmlQp('<p>Kunden Bj&#248;rnstad ringte.</p>')], [from(), to, 'Subject: numeric reference']));
  add(multipart('alternative', 'alt3', [plainQp('Ingenting her.'), htmlQp('<div>Sunniva Bj<b>=C3=B8rn</b>stad</div>')], [from(), to, 'Subject: tag inside']));
  add(multipart('alternative', 'alt4', [plainQp('Ingenting her.'), htmlQp('<p>tlf 913<span style=3D"x">45</span>678</p>')], [from(), to, 'Subject: digits and tags']));
  add(multipart('alternative', 'alt5', [plainQp('Ingenting her.'), htmlQp('<p>Bj=C3=B8rn=E2=80=8Bstad</p>')], [from(), to, 'Subject: zero-width space']));
  add(message([from(), to, 'Subject: link only', 'Content-Type: text/html; charset=utf-8'], '<p>Skriv til <a href="mailto:sunniva.bjornstad@example.no">henne</a>.</p>'));
  add(message([from(), to, 'Subject: heading', 'Content-Type: text/html; charset=utf-8'], '<h1>bjørnstad</h1><p>ellers ingenting</p>'));
  add(message([from(), to, 'Subject: head title', 'Content-Type: text/html; charset=utf-8'], '<html><head><title>Bjørnstad</title></head><body><p>ingenting</p></body></html>'));
  add(message([from(), to, 'Subject: comment', 'Content-Type: text/html; charset=utf-8'], '<p>Bjørn<!-- x -->stad og 150385<!-- y -->41215</p>'));
  add(message([from(), to, 'Subject: no match html', 'Content-Type: text/html; charset=utf-8'], '<p>Helt &amp; holdent uskyldig &lt;3 &#x263A; &nbsp;</p>'));
  // Attachments with text, nested multiparts, file names.
  const csv = `Content-Type: text/csv; charset=utf-8; name="kunder.csv"\nContent-Disposition: attachment; filename="kunder.csv"\nContent-Transfer-Encoding: base64\n\n${b64('navn;telefon\r\nSunniva Bjørnstad;913 45 678\r\n')}`;
  add(multipart('mixed', 'mix1', [plainQp('Se vedlegg.'), csv], [from(), to, 'Subject: csv attachment']));
  const note = `Content-Type: text/plain; charset=iso-8859-1\nContent-Disposition: attachment\nContent-Transfer-Encoding: base64\n\n${b64('Notat om BJØRNSTAD', 'latin1')}`;
  add(multipart('mixed', 'mix2', [plainQp('Se vedlegg.'), note], [from(), to, 'Subject: unnamed text attachment']));
  const related = multipart('related', 'rel1', [htmlQp('<p>Bilde av <span>Bj=C3=B8rnstad</span></p>'), 'Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo='], []).split('\n\n').slice(1).join('\n\n');
  const alt = `Content-Type: multipart/alternative; boundary="alt6"\n\n--alt6\n${plainQp('Ingenting.')}\n--alt6\nContent-Type: multipart/related; boundary="rel1"\n\n${related}\n--alt6--`;
  add(multipart('mixed', 'mix3', [alt, 'Content-Type: application/octet-stream; name="data.bin"\nContent-Transfer-Encoding: base64\n\nAAECAwQ='], [from(), to, 'Subject: nested']));
  add(multipart('mixed', 'mix4', [plainQp('Se vedlegg.'), 'Content-Type: application/pdf; name="bjornstad.pdf"\nContent-Transfer-Encoding: base64\n\nAAECAwQ='], [from(), to, 'Subject: name in file name']));
  add(multipart('mixed', 'mix5', [plainQp('Se vedlegg.'), "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename*=utf-8''Bj%C3%B8rnstad.bin\n\nxyz"], [from(), to, 'Subject: RFC 2231 file name']));
  add(multipart('mixed', 'mix6', [plainQp('Faktura.'), 'Content-Type: application/pdf; name="faktura.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQKYnJva2Vu'], [from(), to, 'Subject: broken pdf']));
  add(multipart('mixed', 'mix7', [plainQp('Faktura.'), 'Content-Type: image/jpeg; name="bilde.jpg"\nContent-Transfer-Encoding: base64\n\n/9j/4AAQSkZJRgABAQ=='], [from(), to, 'Subject: image only']));
  // Charsets: wrong, unknown, legacy bytes in headers.
  addBytes(message([from(), to, 'Subject: wrong charset', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit'], Buffer.from('Kunden Bjørnstad', 'utf8').toString('latin1')));
  addBytes(message([from(), to, 'Subject: latin1 said utf-8', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'], 'Kunden Bj\xf8rnstad'));
  add(message([from(), to, 'Subject: unknown charset', 'Content-Type: text/plain; charset=x-unknown-42', 'Content-Transfer-Encoding: quoted-printable'], 'Bj=F8rnstad'));
  addBytes(message(['From: Sunniva Bj\xf8rnstad <sb@annen.example>', to, 'Subject: raw latin1 header'], 'Hei.'));
  add(message([from(), to, 'Subject: utf-16 qp', 'Content-Type: text/plain; charset=utf-16le', 'Content-Transfer-Encoding: quoted-printable'], 'B=00j=00=F8=00r=00n=00s=00t=00a=00d=00'));
  // Malformed encodings and what postal-mime reads its own way.
  add(message([from(), to, 'Subject: bad qp', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], 'Bj=C3=B8rn=4=\n1stad =ZZ'));
  add(message([from(), to, 'Subject: bad base64', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'], `${b64('Sunniva Bjørnstad')}=\nQQ`));
  addBytes(message([from(), to, 'Subject: 8-bit in qp', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable'], 'Bj\xf8rnstad'));
  add(message([from(), to, 'Subject: first', 'Subject: Bjørnstad', 'To: Per <per@example.no>'], 'To Subject lines, to To lines.'));
  addBytes(message([from(), to, 'Subject: flowed', 'Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes'], 'Sunniva Bj\xc3\xb8rn \nstad'));
  add(multipart('mixed', 'mix8', [plainQp('Videresendt.'), `Content-Type: message/rfc822\n\n${message(['From: Sunniva Bjørnstad <sunniva.bjornstad@example.no>', 'Subject: inner'], 'Indre melding.')}`], [from(), to, 'Subject: attached message']));
  add(multipart('mixed', 'mix9', [plainQp('Ingenting.'), htmlQp('<p>Bj=C3=B8rnstad</p>')], [from(), to, 'Subject: plain and html side by side']));
  add(message([from(), to, 'Subject: no boundary', 'Content-Type: multipart/mixed'], 'Bjørnstad'));
  add(message([from(), to, 'Subject: comment in type', 'Content-Type: text/plain; charset=utf-8 (kommentar)'], 'Ingenting.'));
  add(message([from(), to, 'Subject: calendar', 'Content-Type: text/calendar; method=request'], 'BEGIN:VCALENDAR\nSUMMARY:Bjørnstad\nEND:VCALENDAR'));
  add(message([from(), to, 'Subject: nothing at all'], 'Ingen treff her, bare 12 34 56 78 og en@annen.example.'));
  // Continuation lines, CRLF and trailing spaces in boundaries.
  add(message([from(), to, 'Subject: folded', '\tSubject continues Bj=?utf-8?Q?=C3=B8?=rnstad', 'Content-Type: text/plain;', ' charset=utf-8'], 'Ingenting.'));
  add(multipart('mixed', 'mix11', [plainQp('Ingenting.\r\nmer\r'), plainQp('Sunniva Bj=C3=B8rnstad\r')], [from(), to, 'Subject: crlf']).replace('--mix11--', '--mix11--  '));
  return out;
}

/** The messages as one mbox (mboxrd quoting, envelope lines), as a Latin-1 string: one character per byte. */
export function trickyMbox(): string {
  return trickyMessages()
    .map((m, i) => `From tricky-${i}@innsyn.example Mon Jan  2 10:00:00 2023\n${m.toString('latin1').replace(/^(>*From )/gm, '>$1')}\n`)
    .join('');
}
