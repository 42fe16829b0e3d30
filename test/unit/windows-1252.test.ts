import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSearch } from '../../electron/core/search/run-search';
import { decodeWindows1252, textDecoder } from '../../electron/core/text/windows-1252';
import { tempDir } from '../helpers/temp';

/**
 * Windows-1252 puts printable characters at 0x80–0x9F, where ISO-8859-1 has control codes.
 * Node 20.18.3+ decodes the label as ISO-8859-1 (nodejs/node#60888); these bytes are the ones
 * a Windows export of Norwegian data holds: € 0x80, ’ 0x92, “ ” 0x93 0x94, – 0x96, Š 0x8A, š 0x9A.
 */
const saved = process.env.INNSYN_FAST_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.INNSYN_FAST_PATH;
  else process.env.INNSYN_FAST_PATH = saved;
});

describe('Windows-1252', () => {
  it('decodes 0x80–0x9F as the Encoding Standard says, and Latin-1 as Latin-1', () => {
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x92, 0x93, 0x94, 0x96, 0x8a, 0x9a, 0x9f))).toBe('€’“”–ŠšŸ');
    expect(decodeWindows1252(Uint8Array.of(0x42, 0x6a, 0xf8, 0x72, 0x6e, 0xc5))).toBe('BjørnÅ');
    // The five unassigned bytes stay as their code points.
    expect([...decodeWindows1252(Uint8Array.of(0x81, 0x8d, 0x8f, 0x90, 0x9d))].map((c) => c.charCodeAt(0))).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });

  it('is what every label of the encoding gives, and leaves other encodings to TextDecoder', () => {
    for (const label of ['windows-1252', 'latin1', 'iso-8859-1', 'cp1252', 'us-ascii']) {
      expect(textDecoder(label).decode(Uint8Array.of(0x80, 0x20, 0x8a)), label).toBe('€ Š');
    }
    expect(textDecoder('utf-8').decode(Buffer.from('€', 'utf8'))).toBe('€');
  });

  it('lets a search find Šimek and keep €, curly quotes and dashes in a Windows-1252 export, on both paths', async () => {
    const dir = tempDir('innsyn-1252-');
    const file = path.join(dir, 'kunder.csv');
    const text = 'kundenr;fornavn;etternavn;epost;notat\r\n' + '1;Ola;Nordmann;ola@example.no;Faktura 100 €\r\n' + '2;Sunniva;Šimek;s@example.no;Sa “nei” – ikke ring’\r\n';
    const bytes = Buffer.from(
      [...text].map((c) => ({ '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96, '’': 0x92, Š: 0x8a })[c] ?? c.charCodeAt(0)),
    );
    writeFileSync(file, bytes);
    const subject = { names: ['Sunniva Šimek'], emails: [], phones: [], nationalIds: [], others: [] };
    for (const fast of ['on', 'off']) {
      process.env.INNSYN_FAST_PATH = fast;
      const result = await runSearch({ sources: [{ id: 'csv', kind: 'csv', path: file }], subject });
      expect(result.sources[0].problems ?? [], fast).toEqual([]);
      expect(result.hits.map((h) => h.record), fast).toEqual([{ kundenr: '2', fornavn: 'Sunniva', etternavn: 'Šimek', epost: 's@example.no', notat: 'Sa “nei” – ikke ring’' }]);
    }
  });
});
