import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';
import { projectRoot } from '../helpers/corpora';

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * A worker is started by file name (worker-url.ts): in the built app, `<name>.js` must sit
 * beside the core's bundle, which only happens when electron.vite.config.ts lists it as an
 * entry. A worker missing there would not fail anything visible: its callers fall back to
 * doing the work on their own thread, and the app would quietly lose the speed.
 */
describe('worker entries', () => {
  const started = new Set(
    // Worker names are string literals ending in "-worker" (workerStart('letter-worker'), or a pool's name).
    sources(path.join(projectRoot, 'electron')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'([a-z-]+-worker)'/g)].map((m) => m[1])),
  );

  it('finds the workers the core starts', () => {
    expect([...started].sort()).toEqual(['csv-scan-worker', 'letter-worker', 'mail-parse-worker', 'small-deflate-worker', 'xlsx-worker']);
  });

  it('builds each of them as its own entry of the main bundle', () => {
    const main = (config as { main: { build: { rollupOptions: { input: Record<string, string> } } } }).main;
    const inputs = main.build.rollupOptions.input;
    for (const name of started) expect(Object.keys(inputs), name).toContain(name);
  });

  it('bundles each of them beside the benchmark child, which starts them the same way', () => {
    const bundle = readFileSync(path.join(projectRoot, 'test/bench/perf/child-bundle.ts'), 'utf8');
    for (const name of started) expect(bundle, name).toContain(`'${name}':`);
  });
});
