import { describe, expect, it } from 'vitest';
import { bodyFromRtf, decompressedRtf } from '../../electron/core/sources/mail/rtf-body';

describe('mail: RTF-only Outlook bodies', () => {
  it('unwraps text that Outlook encapsulated in RTF, code page included', () => {
    const rtf = "{\\rtf1\\ansi\\ansicpg1252\\fromtext \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\r\n\\f0 Hei J\\'f8rn St\\'f8ylen\\par\r\n}";
    expect(bodyFromRtf(rtf)?.text).toContain('Hei Jørn Støylen');
  });

  it('unwraps HTML that Outlook encapsulated in RTF', () => {
    const rtf = '{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}{\\*\\htmltag64 <p>}Kundenummer 4711{\\*\\htmltag72 </p>}}';
    expect(bodyFromRtf(rtf)).toEqual({ html: '<p>Kundenummer 4711</p>' });
  });

  it('decompresses PidTagRtfCompressed (the example in MS-OXRTFCP) and leaves native RTF it cannot unwrap alone', () => {
    const compressed = Uint8Array.from([
      0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5, 0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67,
      0x31, 0x32, 0x35, 0x42, 0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0, 0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0,
    ]);
    const rtf = decompressedRtf(compressed);
    expect(rtf.toString('latin1')).toBe('{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n');
    expect(bodyFromRtf(rtf)).toBeNull();
  });
});
