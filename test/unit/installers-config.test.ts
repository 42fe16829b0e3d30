import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/corpora';

/**
 * The installers cannot be built here (electron-builder downloads the Electron binary and
 * headers), so what can be checked is checked: the configuration is valid for the installed
 * electron-builder (every key known to its own schema) and asks for what the issue names.
 */
const config = load(readFileSync(`${projectRoot}/electron-builder.yml`, 'utf8')) as Record<string, unknown> & {
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  files: string[];
  asarUnpack: string[];
};
const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as { properties: Record<string, unknown> };

describe('electron-builder.yml', () => {
  it('uses only keys electron-builder knows', () => {
    expect(Object.keys(config).filter((k) => !(k in schema.properties))).toEqual([]);
  });

  it('builds an AppImage and a deb, an NSIS installer and a dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('unpacks native modules from the asar and rebuilds them for Electron while packaging', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
    expect(config.npmRebuild).toBe(true);
    const pkg = JSON.parse(readFileSync(`${projectRoot}/package.json`, 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
    // Back to Node's ABI afterwards, so tests and the CLI keep working on the same checkout.
    expect(pkg.scripts.postdist).toBe('npm rebuild better-sqlite3');
  });

  it('ships only the built app: no sources, tests or the e2e bridge', () => {
    expect(config.files).toContain('out/**');
    expect(config.files.filter((f) => !f.startsWith('!')).every((f) => f === 'out/**' || f === 'package.json')).toBe(true);
  });
});
