import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { build, makeFixture } from './package-fixture';

const PASSWORD = 'korrekt hest batteri stift æøå';

function sevenZip(args: string[]) {
  return spawnSync('7z', args, { encoding: 'utf8' });
}

describe('AES-256 encrypted package', () => {
  it('opens in 7-Zip with the passphrase, not without it, and every file matches the manifest', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    const built = await build(makeFixture(dir), out, { password: PASSWORD });
    expect(built.manifest.encryption).toBe('aes-256');
    expect(built.verified).toBe(true);

    const tech = sevenZip(['l', '-slt', out]);
    expect(tech.stdout).toContain('Method = AES-256');

    expect(sevenZip(['t', `-p${PASSWORD}`, out]).status).toBe(0);
    expect(sevenZip(['t', '-pwrong-password', out]).status).not.toBe(0);

    const x = path.join(dir, 'x');
    expect(sevenZip(['x', `-p${PASSWORD}`, `-o${x}`, out]).status).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(x, 'manifest.json'), 'utf8'));
    expect(manifest.encryption).toBe('aes-256');
    expect(JSON.stringify(manifest).includes(PASSWORD)).toBe(false);
    for (const f of manifest.files as Array<{ path: string; sha256: string; size: number }>) {
      const bytes = readFileSync(path.join(x, ...f.path.split('/')));
      expect(bytes.length, f.path).toBe(f.size);
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
    }
    // ZIP encryption does not hide names, so mail files carry no subject line.
    const mail = manifest.files.map((f: { path: string }) => f.path).filter((p: string) => p.startsWith('mail/'));
    expect(mail).toEqual(['mail/post/0001.eml', 'mail/post/0002.eml']);
  });

  it('refuses a passphrase too short to protect anything', async () => {
    const dir = tempDir();
    await expect(build(makeFixture(dir), path.join(dir, 'svar.zip'), { password: 'kort' })).rejects.toThrow(/at least 8/);
  });
});
