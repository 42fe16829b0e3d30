// Real Outlook files shipped in npm packages, read in place from node_modules:
// - "Top level email.msg" from msg-parser (ISC licence, github.com/ifedoroff/msg-parser-js), test data.
// - enron.pst and pstextractortest@outlook.com.ost from pst-extractor (MIT licence,
//   github.com/epfromer/pst-extractor), example data; the PST holds Enron mail, a public record.
import { existsSync } from 'node:fs';
import path from 'node:path';
import PostalMime from 'postal-mime';
import { PSTFile, type PSTFolder, type PSTMessage } from 'pst-extractor';
import { describe, expect, it } from 'vitest';
import type { MailLocation } from '../../shared/hit';
import { prepareSubject } from '../../electron/core/match/prepare';
import { runSearch } from '../../electron/core/search/run-search';
import { MailboxSource } from '../../electron/core/sources/mail/mailbox-source';
import { readOriginalMessage } from '../../electron/core/sources/mail/original';
import type { SourceRecord } from '../../electron/core/sources/source';
import { projectRoot } from '../helpers/corpora';

const msgFile = path.join(projectRoot, 'node_modules', 'msg-parser', 'test', 'Top level email.msg');
const pstDir = path.join(projectRoot, 'node_modules', 'pst-extractor', 'example', 'testdata');
const pstFile = path.join(pstDir, 'enron.pst');
const ostFile = path.join(pstDir, 'pstextractortest@outlook.com.ost');
const noSubject = prepareSubject({ names: [], emails: [], phones: [], nationalIds: [], others: [] });

async function scanAll(p: string): Promise<{ records: SourceRecord[]; problems: string[] }> {
  const records: SourceRecord[] = [];
  const problems: string[] = [];
  const source = new MailboxSource({ id: 'outlook', kind: 'mailbox', path: p });
  for await (const r of source.scan(noSubject, { signal: new AbortController().signal, onProgress() {}, problem: (m) => problems.push(m) })) records.push(r);
  return { records, problems };
}

/** Independent count and lookup through pst-extractor itself. */
function pstItems(file: string): Array<{ folder: string[]; message: PSTMessage }> {
  const pst = new PSTFile(file);
  const out: Array<{ folder: string[]; message: PSTMessage }> = [];
  const walk = (f: PSTFolder, names: string[]) => {
    if (f.contentCount > 0) for (let m = f.getNextChild(); m; m = f.getNextChild()) out.push({ folder: names, message: m as PSTMessage });
    if (f.hasSubfolders) for (const sub of f.getSubFolders()) walk(sub, [...names, sub.displayName]);
  };
  walk(pst.getRootFolder(), []);
  return out;
}

describe('mail: Outlook .msg', () => {
  it.skipIf(!existsSync(msgFile))('reads recipients, body, attachments and the embedded message of a real .msg', async () => {
    const { records, problems } = await scanAll(msgFile);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    const rec = records[0];
    expect(rec.fields.subject).toBe('Top level email');
    expect(rec.fields.to).toBe('someone1@gmail.com, someone2@gmail.com');
    expect(rec.fields.cc).toBe('ccsomeoneelse1@gmail.com, ccsomeoneelse2@gmail.com');
    expect(String(rec.fields.attachments)).toMatch(/^pigeon\.jpg \(image\/jpeg, 5 KB\); .*\(message\/rfc822/);
    expect(rec.text?.find((t) => t.field === 'body')?.value).toContain('Top level email text');
    // The embedded .msg is searched as an attached message with its own address headers.
    expect(rec.text?.find((t) => t.field === 'attached message 1: from')?.value).toBe('ifedorov@intellective.com');
    expect(rec.kinds?.['attached message 1: from']).toBe('addressHeader');
  });

  it.skipIf(!existsSync(msgFile))('finds the .msg by an address and exports it as an .eml that keeps the attachments', async () => {
    const result = await runSearch({
      sources: [{ id: 'msg', kind: 'mailbox', path: msgFile }],
      subject: { names: [], emails: ['CCsomeoneelse1@gmail.com'], phones: [], nationalIds: [], others: [] },
    });
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0].confidence).toBe('high');
    const eml = await readOriginalMessage(msgFile, result.hits[0].location as MailLocation);
    const parsed = await PostalMime.parse(eml, { forceRfc822Attachments: true });
    expect(parsed.subject).toBe('Top level email');
    expect(parsed.cc?.map((a) => a.address)).toEqual(['ccsomeoneelse1@gmail.com', 'ccsomeoneelse2@gmail.com']);
    const pigeon = parsed.attachments.find((a) => a.filename === 'pigeon.jpg');
    expect((pigeon?.content as ArrayBuffer).byteLength).toBe(4916);
    const inner = parsed.attachments.find((a) => a.mimeType === 'message/rfc822');
    const innerMail = await PostalMime.parse(inner!.content as ArrayBuffer);
    expect(innerMail.from?.address).toBe('ifedorov@intellective.com');
    // Nothing invented: the .msg has no Message-ID, so the .eml has none either.
    expect(parsed.messageId).toBeUndefined();
  });
});

describe.skipIf(!existsSync(pstFile))('mail: Outlook .pst and .ost', () => {
  it('reads every item of the PST with its folder, once', async () => {
    const expected = pstItems(pstFile);
    const { records, problems } = await scanAll(pstFile);
    expect(problems).toEqual([]);
    expect(records.length).toBe(expected.length);
    expect(records.length).toBe(71);
    const loc = records[0].location as MailLocation;
    expect(loc.file).toBe('enron.pst');
    expect(loc.folder).toBe(expected[0].folder.join('/'));
    expect(loc.index).toBe(0);
    expect(loc.messageId).toBe(expected[0].message.internetMessageId);
  });

  it('exports a PST message as an .eml with the same attachments (names and sizes)', async () => {
    const expected = pstItems(pstFile).find((i) => i.message.numberOfAttachments > 2)!;
    const { records } = await scanAll(pstFile);
    const rec = records.find((r) => (r.location as MailLocation).messageId === expected.message.internetMessageId)!;
    const eml = await readOriginalMessage(pstFile, rec.location as MailLocation);
    const parsed = await PostalMime.parse(eml);
    expect(parsed.subject).toBe(expected.message.subject);
    const want = Array.from({ length: expected.message.numberOfAttachments }, (_, i) => {
      const a = expected.message.getAttachment(i);
      return { name: a.longFilename || a.filename, size: a.fileInputStream?.length.toNumber() ?? 0 };
    });
    const got = parsed.attachments.map((a) => ({ name: a.filename, size: (a.content as ArrayBuffer).byteLength }));
    expect(got).toEqual(want);
  });

  it('finds a person in the PST by address at high confidence, by the To header', async () => {
    const result = await runSearch({
      sources: [{ id: 'pst', kind: 'mailbox', path: pstFile }],
      subject: { names: ['Michelle Lokay'], emails: ['michelle.lokay@enron.com'], phones: [], nationalIds: [], others: [] },
    });
    expect(result.sources[0].status).toBe('ok');
    const high = result.hits.filter((h) => h.confidence === 'high');
    expect(high.length).toBeGreaterThan(10);
    expect(high.some((h) => h.matches.some((m) => m.kind === 'email' && m.field === 'to'))).toBe(true);
    expect(high.every((h) => (h.location as MailLocation).folder?.startsWith('Top of Personal Folders/'))).toBe(true);
  });

  it.skipIf(!existsSync(ostFile))('reads an Outlook .ost the same way', async () => {
    const { records, problems } = await scanAll(ostFile);
    expect(problems).toEqual([]);
    expect(records.length).toBe(pstItems(ostFile).length);
    expect(records.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!existsSync(pstFile))('mail: damaged Outlook files', () => {
  it('reports a truncated PST or a fake one, keeps what it could read, and never throws', async () => {
    const { copyFileSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tempDir } = await import('../helpers/temp');
    const dir = tempDir();
    copyFileSync(msgFile, path.join(dir, 'ok.msg'));
    writeFileSync(path.join(dir, 'half.pst'), readFileSync(pstFile).subarray(0, 7 * 1024 * 1024));
    writeFileSync(path.join(dir, 'fake.pst'), Buffer.concat([Buffer.from('!BDN'), Buffer.alloc(4096, 0x41)]));
    writeFileSync(path.join(dir, 'fake.msg'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0x41)]));
    const { records, problems } = await scanAll(dir);
    expect(records.some((r) => (r.location as MailLocation).file === 'ok.msg')).toBe(true);
    for (const name of ['half.pst', 'fake.pst', 'fake.msg']) expect(problems.some((p) => p.startsWith(name)), name).toBe(true);
  });
});
