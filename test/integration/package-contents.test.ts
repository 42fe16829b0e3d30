import Ajv2020 from 'ajv/dist/2020';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { build, makeFixture, subject, unzipWithPython } from './package-fixture';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface ManifestJson {
  tool: { name: string; version: string };
  generatedAt: string;
  caseRef: string;
  subject: typeof subject;
  complete: boolean;
  encryption: string | null;
  sources: Array<{ id: string; kind: string; status: string; scanned: number; hits: number; included: number; heldBack: number }>;
  files: Array<{ path: string; size: number; sha256: string }>;
}

describe('answer package contents', () => {
  it('holds every promised file, each matching its manifest entry when read by another ZIP implementation', async () => {
    const dir = tempDir();
    const fx = makeFixture(dir);
    const out = path.join(dir, 'out', 'svar.zip');
    const built = await build(fx, out);
    expect(built.verified).toBe(true);
    expect(built.verification.entriesChecked).toBe(built.manifest.files.length + 1);

    const files = unzipWithPython(out);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as ManifestJson;
    expect([...files.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const f of manifest.files) {
      const bytes = files.get(f.path)!;
      expect(bytes.length, f.path).toBe(f.size);
      expect(sha256(bytes), f.path).toBe(f.sha256);
    }
    // The letter and the guide come first, then the manifest, then everything else in name order.
    expect([...files.keys()]).toEqual([
      'følgebrev.pdf',
      'LES-MEG.txt',
      'manifest.json',
      'data/data.json',
      'data/data.xlsx',
      'data/schema.json',
      'mail/post/0001-Reklamasjon.eml',
      expect.stringMatching(/^mail\/post\/0002-/),
    ]);
    // The plain-text guide: Windows line ends, every placeholder filled in.
    const readme = files.get('LES-MEG.txt')!.toString('utf8');
    expect(readme).toContain('Begynn med følgebrev.pdf');
    expect(readme).toContain('[fjernet]');
    expect(readme).toContain('\r\n');
    expect(readme).not.toMatch(/\{\w+\}/);
    // Nothing but the package is left in the target folder: no staging folder, no partial file.
    expect(readdirSync(path.dirname(out))).toEqual(['svar.zip']);

    expect(manifest.tool).toEqual({ name: 'Innsyn', version: '0.1.0' });
    expect(manifest.generatedAt).toBe('2026-03-10T12:00:00.000Z');
    expect(manifest.caseRef).toBe('INN-2026-0007');
    expect(manifest.subject).toEqual(subject);
    expect(manifest.complete).toBe(true);
    expect(manifest.encryption).toBeNull();
    expect(manifest.sources.map((s) => [s.id, s.kind, s.status, s.scanned, s.hits, s.included, s.heldBack])).toEqual([
      ['kunder', 'csv', 'ok', 120, 3, 2, 1],
      ['butikk', 'sqlite', 'ok', 40, 1, 1, 0],
      ['post', 'mailbox', 'ok', 12, 2, 2, 0],
      // A source where nothing was found is still accounted for (Art. 5(2)).
      ['tom', 'csv', 'ok', 10, 0, 0, 0],
    ]);
  });

  it('writes data.json grouped by source and table, valid against its own JSON Schema', async () => {
    const dir = tempDir();
    const fx = makeFixture(dir);
    const out = path.join(dir, 'svar.zip');
    await build(fx, out);
    const files = unzipWithPython(out);
    const data = JSON.parse(files.get('data/data.json')!.toString('utf8'));
    const schema = JSON.parse(files.get('data/schema.json')!.toString('utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // The schema is not vacuous: a record without its location is rejected.
    const broken = structuredClone(data);
    delete broken.sources[0].tables[0].records[0].location;
    expect(validate(broken)).toBe(false);

    expect(data.sources.map((s: { id: string }) => s.id)).toEqual(['kunder', 'butikk', 'post', 'tom']);
    const kunder = data.sources[0];
    expect(kunder.tables.map((t: { name: string }) => t.name)).toEqual(['kunde', 'ordre']);
    const rec = kunder.tables[0].records[0];
    expect(rec.location).toEqual({ table: 'kunde', record: 1, line: 2 });
    expect(rec.reasons[0]).toContain('matched');
    // data.json keeps values exactly, control characters and all; only the xlsx must clean them.
    expect(rec.record.kontroll).toBe('a\u0000b\u0007c\u001bd');
    expect(rec.record.lang).toHaveLength(40_000);
    // The related row holding another customer's identifiers was held back, not exported.
    expect(JSON.stringify(data).includes('kunder-3')).toBe(false);
    expect(data.sources[1].tables[0].records[0].record.balance).toBe(1234.5);
    expect(data.sources[3]).toMatchObject({ id: 'tom', tables: [], messages: [] });
  });

  it('exports each e-mail as its original bytes, attachments inside, under a safe deterministic name', async () => {
    const dir = tempDir();
    const fx = makeFixture(dir);
    const out = path.join(dir, 'svar.zip');
    await build(fx, out);
    const files = unzipWithPython(out);
    const mail = [...files.keys()].filter((n) => n.startsWith('mail/')).sort();
    expect(mail).toHaveLength(2);
    expect(mail[0]).toBe('mail/post/0001-Reklamasjon.eml');
    expect(files.get(mail[0])!.equals(fx.emlBytes[0])).toBe(true);
    expect(files.get(mail[0])!.toString()).toContain('filename="kvittering.pdf"');
    expect(files.get(mail[1])!.equals(fx.emlBytes[1])).toBe(true);
    // The hostile subject cannot climb out of mail/post/, hide its extension or hit a reserved name.
    const hostile = mail[1];
    expect(hostile.startsWith('mail/post/0002-')).toBe(true);
    expect(hostile.split('/')).toHaveLength(3);
    expect(hostile).not.toMatch(/\.\.|[\u0000-\u001f\u202e<>:"|?*\\]/);
    expect(hostile.endsWith('.eml')).toBe(true);
    expect(Buffer.byteLength(path.basename(hostile))).toBeLessThanOrEqual(255);

    const data = JSON.parse(files.get('data/data.json')!.toString('utf8'));
    expect(data.sources[2].messages.map((m: { eml: string }) => m.eml)).toEqual(mail);

    // Same input, same names: a second build gives the same entry list.
    const again = path.join(dir, 'again.zip');
    await build(fx, again);
    expect([...unzipWithPython(again).keys()].sort()).toEqual([...files.keys()].sort());
  });
});
