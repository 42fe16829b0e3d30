import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../electron/core/sources/mail/mbox-lines';
import { readMbox, type MboxMessage } from '../../electron/core/sources/mail/mbox-reader';
import { readOriginalMessage } from '../../electron/core/sources/mail/original';
import { tempDir } from '../helpers/temp';

async function read(content: string | Buffer, maxBytes?: number): Promise<{ file: string; messages: MboxMessage[] }> {
  const file = path.join(tempDir(), 'box.mbox');
  writeFileSync(file, content);
  const messages: MboxMessage[] = [];
  for await (const m of readMbox(file, new AbortController().signal, undefined, maxBytes)) messages.push(m);
  return { file, messages };
}

const text = (m: MboxMessage) => m.raw.toString('utf8');

describe('mail: mbox reader', () => {
  it('uses a Content-Length that lands on the next From_ line, so an unquoted From line stays in the body', async () => {
    const body = 'First line\nFrom here on it is quoted text\n';
    const mbox = `From a@x Mon Jan  1 00:00:00 2024\nFrom: a@x.no\nContent-Length: ${Buffer.byteLength(body)}\n\n${body}\nFrom b@x Mon Jan  1 00:00:00 2024\nFrom: b@x.no\n\nsecond\n`;
    const { messages } = await read(mbox);
    expect(messages).toHaveLength(2);
    expect(text(messages[0])).toContain('From here on it is quoted text');
    expect(text(messages[1])).toContain('From: b@x.no');
  });

  it('ignores a Content-Length that does not land on a From_ line, and splits at From_ lines instead', async () => {
    const mbox = 'From a\nFrom: a@x.no\nContent-Length: 9999\n\none\n\nFrom b\nFrom: b@x.no\n\ntwo\n\nFrom c\nFrom: c@x.no\n\nthree\n';
    const { messages } = await read(mbox);
    expect(messages.map((m) => /From: (\S+)/.exec(text(m))?.[1])).toEqual(['a@x.no', 'b@x.no', 'c@x.no']);
    expect(messages.map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('ignores a Content-Length that is too short and stops inside the body', async () => {
    const mbox = 'From a\nContent-Length: 3\n\nabcdefgh\n\nFrom b\nSubject: b\n\nb\n';
    const { messages } = await read(mbox);
    expect(messages).toHaveLength(2);
    expect(text(messages[0])).toContain('abcdefgh');
  });

  it('undoes >From quoting by one level (mboxrd), skips a BOM and reads CRLF files', async () => {
    const mbox = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('From a\r\nSubject: one\r\n\r\n>From the start\r\n>>From deeper\r\n\r\nFrom b\r\nSubject: two\r\n\r\nx\r\n'),
    ]);
    const { messages } = await read(mbox);
    expect(messages).toHaveLength(2);
    expect(text(messages[0])).toContain('\nFrom the start\r\n>From deeper');
  });

  it('gives byte ranges that export the original message', async () => {
    const mbox = 'From a\nSubject: one\n\n>From x\n\nFrom b\nSubject: two\n\nbody two\n';
    const { file, messages } = await read(mbox);
    const original = await readOriginalMessage(file, { file: 'box.mbox', index: 1, bytes: [messages[1].start, messages[1].end] });
    expect(original.toString()).toBe('Subject: two\n\nbody two\n');
    const first = await readOriginalMessage(file, { file: 'box.mbox', index: 0, bytes: [messages[0].start, messages[0].end] });
    expect(first.toString()).toBe('Subject: one\n\nFrom x\n\n');
  });

  it('keeps only the beginning of an oversized message, flags it, and goes on with the next', async () => {
    const big = 'x'.repeat(100) + '\n';
    const mbox = `From a\nSubject: big\n\n${big.repeat(50)}From b\nSubject: small\n\nok\n`;
    const { messages } = await read(mbox, 1000);
    expect(messages).toHaveLength(2);
    expect(messages[0].truncated).toBe(true);
    expect(messages[0].raw.length).toBeLessThanOrEqual(1000);
    expect(messages[0].end - messages[0].start).toBeGreaterThan(5000);
    expect(messages[1].truncated).toBe(false);
    expect(text(messages[1])).toContain('Subject: small');
  });

  it('reads an overlong line in pieces, and a piece is never taken for a From_ line', async () => {
    // 2 MiB without a newline, then "From x" exactly where a 1 MiB read chunk starts.
    const file = path.join(tempDir(), 'long');
    const mib = 1024 * 1024;
    writeFileSync(file, `${'a'.repeat(2 * mib)}From x\nFrom y\n`);
    const lines = [];
    for await (const l of readLines(file, new AbortController().signal, mib)) lines.push({ atLineStart: l.atLineStart, head: l.bytes.subarray(0, 6).toString() });
    expect(lines.at(-2)).toEqual({ atLineStart: false, head: 'From x' });
    expect(lines.at(-1)).toEqual({ atLineStart: true, head: 'From y' });
  });

  it('gives the same messages whatever the read chunk size, lines cut anywhere', async () => {
    // Right and wrong Content-Lengths, quoted and unquoted From lines, CRLF, a BOM, a last line
    // without LF: each read as one chunk and as chunks of 1 to 64 bytes.
    const mbox =
      '\ufeffFrom a Mon Jan 1\nSubject: one\nContent-Length: 11\n\nFrom inside\nFrom b\r\n' +
      'Subject: two\r\nContent-Length: 999\r\n\r\nbody\r\n>From quoted\r\n\r\nFrom c\n' +
      'Content-Length: 3\n\nab\n\nFrom d\nSubject: last\n\nø æ å, no newline at the end';
    const { file, messages } = await read(mbox);
    const seen = (list: MboxMessage[]) => list.map((m) => [m.index, m.start, m.end, m.truncated, m.raw.toString('latin1')]);
    expect(messages.map((m) => text(m).split(/\r?\n/)[0])).toEqual(['Subject: one', 'Subject: two', 'Content-Length: 3', 'Subject: last']);
    expect(text(messages[0])).toContain('From inside'); // the count was right, so the From line is body
    for (const chunk of [1, 2, 3, 5, 8, 13, 64]) {
      const again: MboxMessage[] = [];
      for await (const m of readMbox(file, new AbortController().signal, undefined, undefined, chunk)) again.push(m);
      expect(seen(again), `chunks of ${chunk} bytes`).toEqual(seen(messages));
    }
  });
});
