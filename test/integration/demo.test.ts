import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** Reads the ZIP with Python's zipfile: a different implementation from the one that wrote it. */
function readZipWithPython(zip: string): { names: string[]; manifest: { files: Array<{ path: string; size: number; sha256: string }> }; hashes: Record<string, string> } {
  const script = `
import hashlib, json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
hashes = {n: hashlib.sha256(z.read(n)).hexdigest() for n in names}
print(json.dumps({"names": names, "manifest": json.loads(z.read("manifest.json")), "hashes": hashes}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, zip], { encoding: 'utf8' }));
}

describe('innsyn demo', () => {
  it('writes a verified package for the demo person from the shipped workspace', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'pakke.zip');
    const run = await runCli(['demo', '--out', out], { dataDir: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Wrote .*pakke\.zip/);
    const zip = readZipWithPython(out);
    expect(zip.names).toEqual(
      expect.arrayContaining(['følgebrev.pdf', 'LES-MEG.txt', 'manifest.json', 'data/data.json', 'data/schema.json', 'data/data.xlsx']),
    );
    expect(zip.names.filter((n) => n.startsWith('mail/kundeservice/') && n.endsWith('.eml'))).toHaveLength(2);
    // Every file is listed in the manifest with the hash Python computes independently.
    const listed = zip.manifest.files.map((f) => f.path).sort();
    expect(listed).toEqual(zip.names.filter((n) => n !== 'manifest.json').sort());
    for (const f of zip.manifest.files) expect(zip.hashes[f.path], f.path).toBe(f.sha256);
    // Nothing is left behind next to the package: no staging folder, no partial file.
    expect(readdirSync(dir).filter((n) => n !== 'innsyn.db' && !n.startsWith('innsyn.db-'))).toEqual(['pakke.zip']);
  });

  it('includes the subject’s records and leaves the namesake out', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'pakke.zip');
    expect((await runCli(['demo', '--out', out, '--lang', 'en'], { dataDir: dir })).code).toBe(0);
    const data = JSON.parse(execFileSync('unzip', ['-p', out, 'data/data.json'], { encoding: 'utf8' }));
    const crm = data.sources.find((s: { id: string }) => s.id === 'kunderegister');
    const rows = crm.tables.flatMap((t: { records: Array<{ record: Record<string, string> }> }) => t.records.map((r) => r.record));
    expect(rows.map((r: Record<string, string>) => r.kunde_id)).toContain('1001');
    expect(rows.map((r: Record<string, string>) => r.navn)).not.toContain('Ingrid Bakken');
    expect(existsSync(out)).toBe(true);
  });
});
