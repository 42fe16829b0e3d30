import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { fixWindows1252Decoding } from '../../electron/core/text/text-decoder-fix';

describe('the global TextDecoder and Windows-1252', () => {
  it('decodes 0x80–0x9F as Windows-1252 after the fix, and leaves UTF-8 and fatal mode alone', () => {
    fixWindows1252Decoding();
    expect(new TextDecoder('windows-1252').decode(Uint8Array.of(0x80, 0x92, 0x96, 0x8a))).toBe('€’–Š');
    expect(new TextDecoder('iso-8859-1').decode(Uint8Array.of(0x93, 0x94))).toBe('“”');
    expect(new TextDecoder().decode(Buffer.from('Bjørnstad €', 'utf8'))).toBe('Bjørnstad €');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.of(0xff))).toThrow();
    // Installing twice changes nothing.
    fixWindows1252Decoding();
    expect(new TextDecoder('windows-1252').decode(Uint8Array.of(0x9a))).toBe('š');
  });

  it('lets the e-mail parser read an Outlook message in windows-1252 as written', async () => {
    fixWindows1252Decoding();
    const message = Buffer.concat([
      Buffer.from('From: a@example.no\r\nSubject: =?windows-1252?Q?Faktura_=96_=80_100?=\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n', 'latin1'),
      Buffer.from('Hei =C5se, det er Sunniva=92s faktura p=E5 =80 100 =96 Hilsen =8Aimek\r\n', 'latin1'),
    ]);
    const mail = await PostalMime.parse(message);
    expect(mail.subject).toBe('Faktura – € 100');
    expect(mail.text?.trim()).toBe('Hei Åse, det er Sunniva’s faktura på € 100 – Hilsen Šimek');
  });
});
