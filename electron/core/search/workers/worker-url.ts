import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * How to start a worker whose entry is `<name>` (next to this file unless `source` says where
 * its TypeScript is), in the two ways this code runs:
 *  - from the electron-vite bundle: `<name>.js` next to the bundle (electron.vite.config.ts
 *    lists each worker as its own entry);
 *  - from TypeScript source (the CLI through tsx, vitest, the benchmark): Node 20 does not
 *    pass the parent's module hooks on to a worker. The entry is bundled once with esbuild
 *    (which tsx ships) into .cache/innsyn-workers/, packages left external so they resolve
 *    from node_modules as usual; workers start with `execArgv: []` (background-priority.ts),
 *    so they do not take the parent's `--import tsx` either, and carry no TypeScript loader
 *    (about 60 MB less per worker, and a faster start). Without esbuild, the worker starts from a
 *    bootstrap that registers tsx instead.
 * Returns null when neither exists; callers then do the work in-process.
 */
export type WorkerStart = { code: string; eval: true } | { file: string; eval: false };

const bundled = new Map<string, string | null>();

export function workerStart(name: string, source: URL = new URL(`./${name}.ts`, import.meta.url)): WorkerStart | null {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) {
    // This code may sit in the entry file or in a shared chunk one folder below it.
    for (const rel of [`./${name}.js`, `../${name}.js`]) {
      const file = fileURLToPath(new URL(rel, here));
      if (existsSync(file)) return { file, eval: false };
    }
    return null;
  }
  const file = fileURLToPath(source);
  if (!existsSync(file)) return null;
  if (!bundled.has(name)) bundled.set(name, bundle(file, name));
  const built = bundled.get(name);
  if (built) return { file: built, eval: false };
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
  const entry = pathToFileURL(file).href;
  return { code: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, eval: true };
}

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles?: Array<{ text: string }> };
}

function bundle(source: string, name: string): string | null {
  try {
    const esbuild = createRequire(import.meta.resolve('tsx/esm/api'))('esbuild') as Esbuild;
    const out = esbuild.buildSync({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', packages: 'external', write: false, target: 'node20' });
    const text = out.outputFiles?.[0]?.text;
    if (!text) return null;
    // Inside the project, so the external packages resolve from its node_modules.
    const dir = fileURLToPath(new URL('../../../../.cache/innsyn-workers/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}${name}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.mjs`;
    if (!existsSync(file)) writeFileSync(file, text);
    return file;
  } catch {
    return null;
  }
}
