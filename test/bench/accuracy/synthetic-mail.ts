import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AccuracyCase, Label } from './labels';
import { loadNameLists, makePerson } from './people';
import { seeded } from './random';
import { namesake, syntheticSubject } from './synthetic-subject';

/** RFC 2047 B-encoding, as mail clients write Norwegian display names. */
const word = (s: string) => `=?utf-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
/** The ISO-8859-1 Q-encoding older clients use (domain guide: =?iso-8859-1?Q?J=F8rn_St=F8ylen?=). */
const qWord = (s: string) =>
  `=?iso-8859-1?Q?${[...Buffer.from(s, 'latin1')].map((b) => (b === 0x20 ? '_' : b < 0x80 && /[A-Za-z0-9.-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}?=`;

interface Mail {
  from: string;
  to: string;
  cc?: string;
  subject: string;
  body: string;
  label?: Label;
}

/** A support mailbox as one mbox file: the subject writes in, staff discuss her, a namesake writes too. */
export function buildMailCase(dir: string, messages: number): AccuracyCase {
  const rnd = seeded(5004);
  const lists = loadNameLists();
  const special: Mail[] = [
    { from: `${qWord('Åse Ødegård-Bakken')} <aase.oedegaard@gmail.com>`, to: 'kundeservice@butikk.no', subject: word('Spørsmål om ordre'), body: 'Hei, hvor er pakken min?\nHilsen Åse', label: 'subject' },
    { from: 'Kundeservice <kundeservice@butikk.no>', to: `${word('Åse')} <aase.oedegaard+butikk@gmail.com>`, subject: 'Re: Sporsmal om ordre', body: 'Hei Åse, pakken er sendt.', label: 'subject' },
    { from: 'Per Olsen <per.olsen@butikk.no>', to: 'Kari Lie <kari.lie@butikk.no>', subject: 'Reklamasjon', body: 'Åse Ødegård-Bakken ringte fra +47 913 45 678 om en reklamasjon. Kan du ta den?', label: 'subject' },
    { from: `${word('Åse Ødegård-Bakken')} <${namesake.email}>`, to: 'kundeservice@butikk.no', subject: 'Refusjon', body: 'Jeg vil ha pengene tilbake.', label: 'namesake' },
    { from: 'Kari Lie <kari.lie@butikk.no>', to: 'Per Olsen <per.olsen@butikk.no>', cc: `${word('ØDEGÅRD-BAKKEN, Åse')} <AASE.OEDEGAARD@gmail.com>`, subject: 'Oppfølging', body: 'Vi følger opp saken.', label: 'subject' },
    { from: 'Per Olsen <per.olsen@butikk.no>', to: 'Ola Hansen <ola.hansen@online.no>', subject: 'Ordre', body: 'Ordrenummer 913456789 er registrert.', label: 'near-miss' },
    { from: 'Ase Odegard-Bakken <ase.odegard-bakken@firma.no>', to: 'personvern@butikk.no', subject: 'Innsyn', body: 'Jeg ber om innsyn. Fødselsnummer: 150385 41215.', label: 'subject' },
  ];
  const mails: Mail[] = [];
  const slots = new Set(special.map(() => rnd.int(messages)));
  let s = 0;
  for (let i = 0; i < messages || s < special.length; i++) {
    if ((slots.has(i) || i >= messages) && s < special.length) mails.push(special[s++]);
    const a = makePerson(rnd, lists);
    const b = makePerson(rnd, lists);
    mails.push({
      from: `${word(`${a.given} ${a.surname}`)} <${a.email}>`,
      to: rnd.chance(0.5) ? 'kundeservice@butikk.no' : `${b.given} ${b.surname} <${b.email}>`,
      subject: rnd.pick(['Levering', 'Faktura', 'Retur', 'Spørsmål']),
      body: `Hei,\nkan dere ringe meg på ${a.phone}?\n\nMvh ${a.given}\nFrom the shop\n`,
    });
  }
  const labels = new Map<string, Label>();
  const file = path.join(dir, 'support.mbox');
  const parts = mails.map((m, index) => {
    if (m.label) labels.set(`support.mbox#${index}`, m.label);
    const headers = [
      `From ${m.from.match(/<([^>]+)>/)?.[1] ?? m.from} Mon Mar  4 10:00:00 2024`,
      `From: ${m.from}`,
      `To: ${m.to}`,
      ...(m.cc ? [`Cc: ${m.cc}`] : []),
      `Subject: ${/^[\x20-\x7e]*$/.test(m.subject) ? m.subject : word(m.subject)}`,
      `Date: Mon, 4 Mar 2024 10:${String(index % 60).padStart(2, '0')}:00 +0100`,
      `Message-ID: <${index}.bench@butikk.no>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    // mboxrd: body lines starting with "From " are quoted.
    const body = m.body.replace(/^(>*From )/gm, '>$1');
    return `${headers.join('\n')}\n\n${body}\n`;
  });
  writeFileSync(file, parts.join('\n'), 'utf8');
  return {
    id: 'synthetic-mail',
    title: 'Synthetic support mailbox (mbox, RFC 2047 names)',
    source: { id: 'support', kind: 'mailbox', path: file },
    subject: syntheticSubject,
    labels,
  };
}
