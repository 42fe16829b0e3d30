// Reads the MIME/mbox test fixtures of three peer projects in place (mikel/mail, MIT;
// nodemailer/mailparser, MIT; MimeKit, MIT; see ../shared/corpora/mime-fixtures/SOURCE.txt).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSubject } from '../../electron/core/match/prepare';
import { MailboxSource } from '../../electron/core/sources/mail/mailbox-source';
import { readMbox } from '../../electron/core/sources/mail/mbox-reader';
import { parseMessage } from '../../electron/core/sources/mail/parse-message';
import type { SourceRecord } from '../../electron/core/sources/source';
import { corpus, missingCorpus } from '../helpers/corpora';

const missing = missingCorpus('mime-fixtures');
const fixtures = corpus('mime-fixtures');
const noSubject = prepareSubject({ names: [], emails: [], phones: [], nationalIds: [], others: [] });

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(path.join(dir, e.name)) : e.name.startsWith('.') ? [] : [path.join(dir, e.name)],
  );
}

/** MimeKit's expected summary: per message, the part types with their depth (3 spaces a level). */
function readSummary(file: string): Array<{ parts: Array<{ type: string; depth: number }> }> {
  const messages: Array<{ parts: Array<{ type: string; depth: number }> }> = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('From ')) messages.push({ parts: [] });
    const m = /^( *)Content-Type: (\S+)/.exec(line);
    if (m) messages[messages.length - 1].parts.push({ type: m[2].toLowerCase(), depth: m[1].length / 3 });
  }
  return messages;
}

describe.skipIf(missing)(`mail: MIME fixtures of mikel/mail, mailparser and MimeKit ${missing ?? ''}`, () => {
  it('reads every file in the fixture tree, or reports it as unreadable with its path', async () => {
    const records: SourceRecord[] = [];
    const problems: string[] = [];
    const source = new MailboxSource({ id: 'fixtures', kind: 'mailbox', path: fixtures });
    for await (const r of source.scan(noSubject, { signal: new AbortController().signal, onProgress() {}, problem: (p) => problems.push(p) })) {
      records.push(r);
    }
    const readFiles = new Set(records.map((r) => ('file' in r.location ? r.location.file : '')));
    const unaccounted = allFiles(fixtures)
      .map((f) => path.relative(fixtures, f).split(path.sep).join('/'))
      .filter((rel) => !readFiles.has(rel) && !problems.some((p) => p.startsWith(rel)));
    expect(unaccounted).toEqual([]);
    // All the mikel/mail and mailparser .eml fixtures are messages, broken ones included.
    const emlFiles = allFiles(fixtures).filter((f) => f.endsWith('.eml'));
    const emlRead = [...readFiles].filter((f) => f.endsWith('.eml'));
    expect(emlRead.length).toBe(emlFiles.length);
    // Non-mail files (licences, images) are named, never silently dropped.
    expect(problems).toContain('mimekit/LICENSE is not a mail message, mbox, .msg or .pst file; it was skipped');
  });

  it('decodes the Nordic names in RFC 2047 encoded headers', async () => {
    const raw = readFileSync(path.join(fixtures, 'mikel-mail/spec/fixtures/emails/error_emails/header_fields_with_empty_values.eml'));
    const mail = await parseMessage(raw);
    expect(mail.fields.from).toBe('Jørn Støylen <jorn@prikkprikkprikk.no>');

    // mailparser's own test keeps this message inline; it is read from the test file as text.
    const testFile = readFileSync(path.join(fixtures, 'mailparser/mail-parser-test.js.txt'), 'utf8');
    const block = testFile.slice(testFile.indexOf("'Mime Words': test"), testFile.indexOf('mail = Buffer.from', testFile.indexOf("'Mime Words': test")));
    const literal = [...block.matchAll(/'((?:[^'\\]|\\.)*)'/g)].slice(1).map((m) => m[1].replace(/\\r/g, '\r').replace(/\\n/g, '\n')).join('');
    const keld = await parseMessage(Buffer.from(literal, 'utf8'));
    expect(keld.fields.to).toBe('Keld Jørn Simonsen <to@email.com>');
    expect(keld.subject).toBe('Avaldus lepingu lõpetamiseks');
  });

  it('splits the MimeKit Content-Length mbox into the expected messages and MIME parts', async () => {
    const mbox = path.join(fixtures, 'mimekit/mbox/content-length.mbox.txt');
    const expected = readSummary(path.join(fixtures, 'mimekit/mbox/content-length-summary.txt'));
    const offsets = JSON.parse(readFileSync(path.join(fixtures, 'mimekit/mbox/content-length.unix-offsets.json'), 'utf8')) as Array<{ mboxMarkerOffset: number }>;
    const got: Array<{ parts: Array<{ type: string; depth: number }>; start: number }> = [];
    for await (const msg of readMbox(mbox, new AbortController().signal)) {
      const mail = await parseMessage(msg.raw);
      got.push({ parts: mail.structure, start: msg.start });
    }
    expect(got.length).toBe(29);
    expect(got.length).toBe(expected.length);
    got.forEach((g, i) => expect({ message: i + 1, parts: g.parts }).toEqual({ message: i + 1, parts: expected[i].parts }));
    // Each message starts right after its From_ line, where MimeKit found the marker.
    const fileBytes = readFileSync(mbox);
    got.forEach((g, i) => expect(fileBytes.lastIndexOf(10, g.start - 2) + 1).toBe(offsets[i].mboxMarkerOffset));
  });

  it('splits the other MimeKit mboxes as MimeKit does (unquoted From lines, a BOM, long lines)', async () => {
    const count = async (name: string) => {
      let n = 0;
      for await (const msg of readMbox(path.join(fixtures, 'mimekit/mbox', name), new AbortController().signal)) {
        await parseMessage(msg.raw);
        n++;
      }
      return n;
    };
    expect(await count('unmunged.mbox.txt')).toBe(4); // MimeKit's TestUnmungedFromLines expects 4
    expect(await count('simple.mbox.txt')).toBe(3);
    expect(await count('issue1189.mbox.txt')).toBe(readSummary(path.join(fixtures, 'mimekit/mbox/issue1189-summary.txt')).length);
  });
});
