import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PackageReview } from '../../electron/core/package/review';
import { tempDir } from '../helpers/temp';
import { build, makeFixture, unzipWithPython } from './package-fixture';

const review: PackageReview = {
  decisions: [
    // A namesake row: left out, and the letter must not claim anything was withheld for it.
    { hitId: 'kunder-2', decision: 'exclude', ground: 'not-subject', reason: 'Namesake: another Áilu with a different e-mail' },
    // The related row with another customer's identifiers: the reviewer lets it in, redacted.
    { hitId: 'kunder-3', decision: 'include', reason: 'Shared household account' },
    { hitId: 'ghost-1', decision: 'include' },
  ],
  redactions: [
    { hitId: 'kunder-1', field: 'notat', action: 'mask-text', text: 'Kari Nordmann', reason: 'Third person named in a note' },
    { hitId: 'kunder-1', field: 'formel', action: 'remove', reason: 'Internal link' },
    { hitId: 'kunder-3', field: 'navn', action: 'mask', reason: 'Other customer' },
    { hitId: 'kunder-3', field: 'epost', action: 'mask', reason: 'Other customer' },
    { hitId: 'post-1', field: 'cc', action: 'mask', reason: 'Colleague copied in' },
  ],
};

describe('review decisions and redactions in the package', () => {
  it('applies decisions and redactions everywhere the data appears, and counts them in the manifest', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    await build(makeFixture(dir), out, { review });
    const files = unzipWithPython(out);
    const dataText = files.get('data/data.json')!.toString('utf8');
    const data = JSON.parse(dataText);

    // Excluded hit absent; explicitly included related row present.
    expect(dataText.includes('"kunder-2"')).toBe(false);
    const kunde = data.sources[0].tables[0].records;
    expect(kunde.map((r: { hitId: string }) => r.hitId)).toEqual(['kunder-1', 'kunder-3']);
    expect(kunde[0].record.notat).toBe('Ringte sammen med [fjernet] om saken');
    expect('formel' in kunde[0].record).toBe(false);
    expect(kunde[0].redacted).toEqual([
      { field: 'notat', action: 'mask-text' },
      { field: 'formel', action: 'remove' },
    ]);
    expect(kunde[1].record).toMatchObject({ navn: '[fjernet]', epost: '[fjernet]' });

    // The other people's data appears nowhere in the package, and neither do the reasons.
    const xlsxXml = unzipXmlText(files.get('data/data.xlsx')!, dir);
    for (const secret of ['Kari Nordmann', 'kari@example.no', 'Namesake', 'Colleague copied in', 'HYPERLINK']) {
      for (const [name, bytes] of files) {
        if (name.endsWith('.pdf') || name.endsWith('.xlsx')) continue;
        expect(bytes.toString('utf8').includes(secret), `${secret} in ${name}`).toBe(false);
      }
      expect(xlsxXml.includes(secret), `${secret} in data.xlsx`).toBe(false);
    }
    // A message with a redaction is exported without its original, which would still hold the text.
    const messages = data.sources[2].messages;
    expect(messages[0]).toMatchObject({ hitId: 'post-1', eml: null, originalWithheld: true });
    expect(messages[0].record.cc).toBe('[fjernet]');
    expect([...files.keys()].filter((n) => n.startsWith('mail/'))).toEqual([messages[1].eml]);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.review).toEqual({
      decisions: { include: 1, exclude: 1, byGround: { 'not-subject': 1, 'third-party': 0, exempt: 0 } },
      redactions: { remove: 1, mask: 3, maskText: 1, applied: 5 },
      messagesWithoutOriginal: 1,
      unknownHits: 1,
    });
    expect(manifest.sources[0]).toMatchObject({ id: 'kunder', hits: 3, included: 2, heldBack: 0, excluded: 1 });

    const letter = pdfText(files.get('følgebrev.pdf')!, dir);
    expect(letter).toContain('art. 15 nr. 4');
    expect(letter).toContain('uten originalfil');
    expect(letter.includes('Kari')).toBe(false);
  });

  it('holds back every undecided hit when the review says only decided hits go out', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    const built = await build(makeFixture(dir), out, {
      review: { onlyDecided: true, decisions: [{ hitId: 'butikk-1', decision: 'include' }] },
    });
    expect(built.manifest.sources.map((s) => s.included)).toEqual([0, 1, 0, 0]);
    expect(built.manifest.sources.map((s) => s.heldBack)).toEqual([3, 0, 2, 0]);
  });

  it('says in the letter that something was withheld under an exemption, as a placeholder for the legal ground', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    await build(makeFixture(dir), out, {
      lang: 'en',
      review: { decisions: [{ hitId: 'kunder-2', decision: 'exclude', ground: 'exempt', reason: 'Legal privilege' }] },
    });
    const letter = pdfText(unzipWithPython(out).get('cover-letter.pdf')!, dir);
    expect(letter).toContain('withheld under an exemption');
    expect(letter.includes('Legal privilege')).toBe(false);
  });

  it('rejects a malformed review before writing anything', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    const bad = { decisions: [{ hitId: 'kunder-1', decision: 'exclude', reason: 'no ground' }] } as unknown as PackageReview;
    await expect(build(makeFixture(dir), out, { review: bad })).rejects.toThrow();
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.split('\n')).not.toContain('svar.zip');
  });
});

function pdfText(pdf: Buffer, dir: string): string {
  const file = path.join(dir, 'l.pdf');
  writeFileSync(file, pdf);
  return spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
}

/** All XML text of the workbook (unzipped with the unzip CLI), for searching leaked strings. */
function unzipXmlText(xlsx: Buffer, dir: string): string {
  const file = path.join(dir, 'd.xlsx');
  writeFileSync(file, xlsx);
  return spawnSync('unzip', ['-p', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
}
