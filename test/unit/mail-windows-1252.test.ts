import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSearch } from '../../electron/core/search/run-search';
import { tempDir } from '../helpers/temp';

/**
 * Outlook writes Norwegian mail as windows-1252 (or iso-8859-1, the same decoder). Bytes
 * 0x80–0x9F are ’ – € Š there, and Node 20.18.3+ decodes them as control characters
 * (nodejs/node#60888). The search must find the person and keep the text as written, on the
 * simple path (postal-mime) and on the fast path (the light decoder).
 */
const saved = process.env.INNSYN_FAST_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.INNSYN_FAST_PATH;
  else process.env.INNSYN_FAST_PATH = saved;
});

const message = (charset: string) =>
  Buffer.concat([
    Buffer.from(
      `From outlook@example.no Mon Jan  5 10:00:00 2026\r\nFrom: Kundeservice <kunde@example.no>\r\nTo: kari@example.no\r\n` +
        `Subject: =?${charset}?Q?Faktura_=96_=80_100?=\r\nDate: Mon, 5 Jan 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n` +
        `Content-Type: text/plain; charset=${charset}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`,
      'latin1',
    ),
    Buffer.from('Hei, det er Sunniva =8Aimek=92s faktura p=E5 =80 100 =96 betalt.\r\n\r\n', 'latin1'),
  ]);

describe('e-mail in windows-1252', () => {
  for (const charset of ['windows-1252', 'iso-8859-1']) {
    it(`finds Sunniva Šimek in a ${charset} message and keeps ’ – € as written, on both paths`, async () => {
      const file = path.join(tempDir('innsyn-mail-1252-'), 'innboks.mbox');
      writeFileSync(file, message(charset));
      const subject = { names: ['Sunniva Šimek'], emails: [], phones: [], nationalIds: [], others: [] };
      for (const fast of ['on', 'off']) {
        process.env.INNSYN_FAST_PATH = fast;
        const result = await runSearch({ sources: [{ id: 'epost', kind: 'mailbox', path: file }], subject });
        expect(result.sources[0].problems ?? [], fast).toEqual([]);
        expect(result.hits, fast).toHaveLength(1);
        expect(result.hits[0].record.subject, fast).toBe('Faktura – € 100');
        expect(result.hits[0].matches.map((m) => m.value).join(' '), fast).toContain('Sunniva Šimek');
      }
    });
  }
});
