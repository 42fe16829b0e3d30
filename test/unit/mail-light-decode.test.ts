import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRecord } from '../../electron/core/match/match-record';
import { prepareSubject } from '../../electron/core/match/prepare';
import { HTML_WHITESPACE, simpleHtmlText } from '../../electron/core/search/prefilter/mail-html-text';
import { decodeLight } from '../../electron/core/search/prefilter/mail-light-decode';
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
 * The mail workers' light decoder must give exactly parseMessage's record, problems, address
 * lists and X-headers for every message it reads, and may leave out the record only when
 * matchRecord would reject it. Checked message by message against the full parse, for
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
    for (const f of emlFiles(corpus('mime-fixtures')).sort()) {
      // As an mbox holds them (LF) and as the files are (mostly CRLF): the reader strips CRs at line ends.
      const bytes = readFileSync(f);
      out.push(Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'));
      if (bytes.includes(13)) out.push(bytes);
    }
  }
  return out;
}

describe('mail light decoder', () => {
  it('gives the full parse’s record, problems and alias input, and skips only records the matcher rejects', { timeout: 120_000 }, async () => {
    const prepared = subjects.map(prepareSubject);
    const all = await messages();
    let skipped = 0;
    let read = 0;
    for (const [index, raw] of all.entries()) {
      const mail = await parseMessage(raw);
      const record = toSourceRecord(mail, { file: 'm', index });
      const built = await decodeLight(raw, prepared[0], true);
      if (built) {
        read++;
        expect(built.mail && toSourceRecord(built.mail, { file: 'm', index }), `message ${index}`).toEqual(record);
        expect(built.problems, `message ${index}`).toEqual(mail.problems);
        expect(built.addresses, `message ${index}`).toEqual(mail.addresses);
        expect(built.displayHeaders, `message ${index}`).toEqual(mail.displayHeaders);
      }
      for (const s of prepared) {
        const light = await decodeLight(raw, s);
        expect(light === null, `message ${index}`).toBe(built === null);
        if (!light || light.mail) continue;
        skipped++;
        expect(matchRecord(record, s), `message ${index} skipped but matches`).toBeNull();
      }
    }
    // Not vacuous: most messages are read, and most of those skipped.
    expect(read).toBeGreaterThan(all.length / 2);
    expect(skipped).toBeGreaterThan(all.length);
  });

  it('builds the record of every tricky message that holds the subject', async () => {
    const s = prepareSubject(benchSubject);
    for (const raw of trickyMessages()) {
      const record = toSourceRecord(await parseMessage(raw), { file: 'm' });
      if (matchRecord(record, s)) expect((await decodeLight(raw, s))?.mail ?? 'full parse').not.toBeNull();
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
