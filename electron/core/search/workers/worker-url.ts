import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * How to start a worker whose entry is `<name>` next to this file, in the two ways this code
 * runs:
 *  - from TypeScript source (the CLI through tsx, vitest, the benchmark): Node 20 does not
 *    pass the parent's module hooks, nor `--import tsx` in execArgv, on to a worker, so the
 *    worker starts from a small bootstrap that registers tsx and then imports the `.ts` entry;
 *  - from the electron-vite bundle: `<name>.js` next to the bundle (electron.vite.config.ts
 *    lists each worker as its own entry), started directly.
 * Returns null when neither exists; callers then do the work in-process.
 */
export type WorkerStart = { code: string; eval: true } | { file: string; eval: false };

export function workerStart(name: string): WorkerStart | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const file = fileURLToPath(new URL(`./${name}.ts`, here));
    if (!existsSync(file)) return null;
    let tsx: string;
    try {
      tsx = import.meta.resolve('tsx/esm/api');
    } catch {
      return null;
    }
    const entry = pathToFileURL(file).href;
    const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
    return { code, eval: true };
  }
  const file = fileURLToPath(new URL(`./${name}.js`, here));
  return existsSync(file) ? { file, eval: false } : null;
}
