import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type InlineConfig } from 'vite';
import config from '../../../electron.vite.config';
import { projectRoot } from '../harness/build';

/**
 * The test bridge must never reach users. Build the renderer exactly as `electron-vite build`
 * does (same config object) and search the output for any trace of it, and check that the
 * shipped page keeps the strict CSP.
 */
let outDir: string;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-prod-renderer-'));
  const renderer = (config as { renderer: InlineConfig }).renderer;
  await build({ ...renderer, configFile: false, logLevel: 'error', build: { ...renderer.build, outDir, emptyOutDir: true } });
}, 240_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const bridgeMarkers = ['__innsyn-test-bridge', '__innsynBridgeToken', 'x-innsyn-token', 'EventSource', 'renderer-api'];

describe('the production renderer bundle', () => {
  it('contains no test bridge code', () => {
    const all = files(outDir);
    expect(all.some((f) => f.endsWith('.js'))).toBe(true);
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      for (const marker of bridgeMarkers) expect(text.includes(marker), `${marker} in ${path.basename(f)}`).toBe(false);
    }
  });

  it('is the same in out/renderer when the app has been built', () => {
    const built = path.join(projectRoot, 'out/renderer');
    if (!existsSync(built)) return;
    for (const f of files(built)) {
      const text = readFileSync(f, 'utf8');
      for (const marker of bridgeMarkers) expect(text.includes(marker), `${marker} in out/renderer/${path.basename(f)}`).toBe(false);
    }
  });

  it('keeps the strict CSP: nothing remote, nothing inline, no eval', () => {
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // Every script is an external file from the app itself.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/src="\.\/assets\//);
    expect(html).not.toMatch(/<style\b/);
  });

  it('loads no remote resources from its stylesheets or scripts', () => {
    for (const f of files(outDir).filter((x) => /\.(css|html)$/.test(x))) {
      expect(readFileSync(f, 'utf8')).not.toMatch(/url\(\s*['"]?https?:|@import\s+['"]?https?:|src="https?:/);
    }
  });
});
