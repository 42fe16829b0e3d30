import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRecord } from '../../electron/core/match/match-record';
import { prepareSubject } from '../../electron/core/match/prepare';
import { HTML_WHITESPACE, simpleHtmlText } from '../../electron/core/search/prefilter/mail-html-text';
import { lightParse } from '../../electron/core/search/prefilter/mail-light-parse';
import { precheckMail } from '../../electron/core/search/prefilter/mail-precheck';
import { htmlToText } from '../../electron/core/sources/mail/html-text';
import { toSourceRecord } from '../../electron/core/sources/mail/mail-record';
import { readMbox } from '../../electron/core/sources/mail/mbox-reader';
import { parseMessage } from '../../electron/core/sources/mail/parse-message';
import type { Subject } from '../../shared/subject';
import { corpus, missingCorpus } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { generateMail } from '../bench/perf/data/gen-mail';
import { benchSubject } from '../bench/perf/data/subject';
import { trickyMessages } from '../bench/perf/mail-tricky-corpus';

/**
 * The mail pre-check may skip the full parse of a message only when matchRecord would reject
 * the record parseMessage makes, and it must then hand over exactly parseMessage's problems,
 * address lists and X-headers. Checked message by message against the full parse, for
 * subjects whose terms occur in the messages, on the tricky corpus, generated benchmark
 * messages and (when present) every .eml fixture of three mail parsers' test suites.
 */
const subjects: Subject[] = [
  benchSubject,
  { names: ['Test User', 'Jørn Støylen'], emails: ['bob@example.com'], phones: [], nationalIds: [], others: [] },
  { names: ['Mikel Lindsaar'], emails: [], phones: ['12 34 56 78'], nationalIds: [], others: ['kunde 4711'] },
];

function emlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return emlFiles(full);
    return e.name.endsWith('.eml') && statSync(full).size < 2_000_000 ? [full] : [];
  });
}

async function messages(): Promise<Buffer[]> {
  const out = [...trickyMessages()];
  const dir = tempDir('innsyn-precheck-');
  const mbox = path.join(dir, 'generated.mbox');
  await generateMail(mbox, path.join(dir, 'Maildir'), 160);
  for await (const m of readMbox(mbox, new AbortController().signal, () => {})) out.push(m.raw);
  if (missingCorpus('mime-fixtures') === null) {
    for (const f of emlFiles(corpus('mime-fixtures')).sort()) out.push(Buffer.from(readFileSync(f, 'latin1').replace(/\r\n/g, '\n'), 'latin1'));
  }
  return out;
}

describe('mail pre-check', () => {
  it('skips only messages the matcher rejects, with the full parse’s problems and alias input', { timeout: 120_000 }, async () => {
    const prepared = subjects.map(prepareSubject);
    const all = await messages();
    let skipped = 0;
    let read = 0;
    for (const [index, raw] of all.entries()) {
      const mail = await parseMessage(raw);
      const record = toSourceRecord(mail, { file: 'm', index });
      const light = lightParse(raw);
      if (light) {
        read++;
        expect(light.addresses, `message ${index}`).toEqual(mail.addresses);
        expect(light.displayHeaders, `message ${index}`).toEqual(mail.displayHeaders);
      }
      for (const s of prepared) {
        const pre = await precheckMail(raw, s);
        if (!pre) continue;
        skipped++;
        expect(matchRecord(record, s), `message ${index} skipped but matches`).toBeNull();
        expect(pre.problems, `message ${index}`).toEqual(mail.problems);
        expect(pre.addresses, `message ${index}`).toEqual(mail.addresses);
        expect(pre.displayHeaders, `message ${index}`).toEqual(mail.displayHeaders);
      }
    }
    // Not vacuous: most messages are read and skipped.
    expect(read).toBeGreaterThan(all.length / 2);
    expect(skipped).toBeGreaterThan(all.length);
  });

  it('reads the tricky messages that hold the subject as possible matches', async () => {
    const s = prepareSubject(benchSubject);
    for (const raw of trickyMessages()) {
      const record = toSourceRecord(await parseMessage(raw), { file: 'm' });
      if (matchRecord(record, s)) expect(await precheckMail(raw, s)).toBeNull();
    }
  });

  it('simple HTML gives every piece of html-to-text’s output once whitespace is removed', () => {
    const strip = (s: string) => s.replace(HTML_WHITESPACE, '');
    const cases = [
      '<html><body><p>Kunden Bj&#248;rn<b>stad</b>&nbsp;ringte &amp; sa &lt;hei&gt;</p><br>tlf 913<span class="x">45</span>678</body></html>',
      '<div>a\u200bb\n\n  c</div><div><font face="Arial">d &#x263A; e</font></div>',
      'tekst <i>uten</i> <u>body</u><!-- kommentar --> og <em>mer</em><strong>!</strong>',
      '<!DOCTYPE html><p>x &amp; y</p>',
    ];
    for (const html of cases) {
      const simple = simpleHtmlText(html);
      expect(simple, html).not.toBeNull();
      expect(strip(simple ?? ''), html).toContain(strip(htmlToText(html)));
    }
    for (const html of ['<p>Bj&oslash;rnstad</p>', '<p>x &amp y</p>', '<a href="mailto:x@y">z</a>', '<h1>x</h1>', '<p>a < b</p>', '<p>&copy;</p>', '<p>&#150;</p>', '<ol><li>x</li></ol>', '<style>p{}</style>']) {
      expect(simpleHtmlText(html), html).toBeNull();
    }
  });
});
