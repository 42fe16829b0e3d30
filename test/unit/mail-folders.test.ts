import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MailLocation } from '../../shared/hit';
import { prepareSubject } from '../../electron/core/match/prepare';
import { runSearch } from '../../electron/core/search/run-search';
import { MailboxSource } from '../../electron/core/sources/mail/mailbox-source';
import { readOriginalMessage } from '../../electron/core/sources/mail/original';
import type { SourceRecord } from '../../electron/core/sources/source';
import { tempDir } from '../helpers/temp';

function put(root: string, rel: string, content: string): void {
  const file = path.join(root, ...rel.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const msg = (from: string, subject: string, body = 'hei') => `From: ${from}\r\nTo: support@example.no\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@example.no>\r\n\r\n${body}\r\n`;

async function scan(root: string): Promise<{ records: SourceRecord[]; problems: string[] }> {
  const records: SourceRecord[] = [];
  const problems: string[] = [];
  const source = new MailboxSource({ id: 'box', kind: 'mailbox', path: root });
  const subject = prepareSubject({ names: [], emails: [], phones: [], nationalIds: [], others: [] });
  for await (const r of source.scan(subject, { signal: new AbortController().signal, onProgress() {}, problem: (p) => problems.push(p) })) records.push(r);
  return { records, problems };
}

describe('mail: folders of messages', () => {
  it('reads a Maildir (cur/new/tmp, Maildir++ sub-folders) and skips the server index files', async () => {
    const root = tempDir();
    put(root, 'cur/1700000000.1.host:2,S', msg('a@example.no', 'cur'));
    put(root, 'new/1700000001.2.host', msg('b@example.no', 'new'));
    put(root, 'tmp/1700000002.3.host', msg('c@example.no', 'tmp'));
    put(root, '.Sent/cur/1700000003.4.host:2,S', msg('d@example.no', 'sent'));
    put(root, '.Sent/maildirfolder', '');
    put(root, 'dovecot-uidlist', '3 V1 N5\n');
    put(root, '.DS_Store', 'junk');
    const { records, problems } = await scan(root);
    expect(problems).toEqual([]);
    expect(records.map((r) => (r.location as MailLocation).file).sort()).toEqual([
      '.Sent/cur/1700000003.4.host:2,S',
      'cur/1700000000.1.host:2,S',
      'new/1700000001.2.host',
      'tmp/1700000002.3.host',
    ]);
    expect(records.find((r) => r.fields.subject === 'sent')?.location).toMatchObject({ messageId: '<sent@example.no>' });
  });

  it('reads any tree of message files, with or without .eml, in numeric order, and names what is not mail', async () => {
    const root = tempDir();
    put(root, 'maildir/ola/inbox/10', msg('a@example.no', 'ten'));
    put(root, 'maildir/ola/inbox/2', msg('b@example.no', 'two'));
    put(root, 'export/Sak 17.eml', `\r\n${msg('c@example.no', 'eml')}`);
    put(root, 'export/notes.pdf', '%PDF-1.4 not mail');
    put(root, 'export/box.mbox', `From x\n${msg('d@example.no', 'in-mbox')}\nFrom y\n${msg('e@example.no', 'in-mbox-2')}`);
    const { records, problems } = await scan(root);
    expect(records.map((r) => r.fields.subject)).toEqual(['in-mbox', 'in-mbox-2', 'eml', 'two', 'ten']);
    expect(records.find((r) => r.fields.subject === 'in-mbox-2')?.location).toMatchObject({ file: 'export/box.mbox', index: 1 });
    expect(problems).toEqual(['export/notes.pdf is not a mail message, mbox, .msg or .pst file; it was skipped']);
  });

  it('exports a message file byte for byte', async () => {
    const root = tempDir();
    const raw = msg('=?iso-8859-1?Q?J=F8rn?= <j@example.no>', 'orig', 'Ærlig talt\r\n');
    put(root, 'a/1.eml', raw);
    const { records } = await scan(root);
    const original = await readOriginalMessage(root, records[0].location as MailLocation);
    expect(original.equals(readFileSync(path.join(root, 'a', '1.eml')))).toBe(true);
    await expect(readOriginalMessage(root, { file: '../outside.eml' })).rejects.toThrow(/outside the mailbox/);
  });

  it('suggests addresses seen with the subject’s name, and never searches them unconfirmed', async () => {
    const root = tempDir();
    put(root, '1', msg('Jørn Støylen <jorn.privat@example.com>', 'one'));
    put(root, '2', msg('"Støylen, Jørn" <jorn.privat@example.com>', 'two'));
    put(root, '3', msg('Jørn Støylen <jorn@firma.no>', 'three'));
    put(root, '4', msg('Jørn Hansen <jorn.hansen@example.com>', 'namesake'));
    put(root, '5', `From: jorn.x@example.com\r\nX-From: Støylen, Jørn </O=FIRMA/CN=JSTOYLEN>\r\nSubject: exchange\r\n\r\nx\r\n`);
    const result = await runSearch({
      sources: [{ id: 'box', kind: 'mailbox', path: root }],
      subject: { names: ['Jørn Støylen'], emails: ['jorn@firma.no'], phones: [], nationalIds: [], others: [] },
    });
    const suggestions = result.suggestions ?? [];
    expect(suggestions.map((s) => [s.value, s.count])).toEqual([
      ['jorn.privat@example.com', 2],
      ['jorn.x@example.com', 1],
    ]);
    expect(suggestions[0]).toMatchObject({ kind: 'email', source: 'box' });
    expect(suggestions[0].reason).toMatch(/confirm/);
    // The suggested address did not make its messages high: only the confirmed address does.
    const high = result.hits.filter((h) => h.confidence === 'high').map((h) => h.record.subject);
    expect(high).toEqual(['three']);
  });

  it('keeps reading a mailbox full of broken messages, and caps the problem list', async () => {
    const root = tempDir();
    const broken = 'From x\nSubject: b\nContent-Type: text/plain; charset=x-broken\n\nbody\n';
    put(root, 'box.mbox', broken.repeat(600) + `From y\n${msg('ok@example.no', 'last')}`);
    const { records, problems } = await scan(root);
    expect(records).toHaveLength(601);
    expect(records[600].fields.subject).toBe('last');
    expect(problems).toHaveLength(501);
    expect(problems[0]).toMatch(/^box\.mbox message #1: charset "x-broken" is not known/);
    expect(problems[500]).toBe('100 more problems like the ones above were not listed');
  });
});
