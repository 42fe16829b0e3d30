import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Esbuild {
  buildSync(options: Record<string, unknown>): unknown;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const workers = path.join(here, '..', '..', '..', 'electron', 'core', 'search', 'workers');
let built: string | null = null;

/**
 * The measured child process runs our code as the app ships it: bundled JavaScript with the
 * worker entries beside it (the layout electron-vite gives them, which worker-url.ts finds),
 * and no TypeScript loader. Under tsx the same process held about 50 MB more, the loader and
 * the compiled sources with their source maps: the bench's overhead, not the product's. The
 * bundle lives inside the project, so its packages resolve from node_modules as the app's do.
 */
export function benchChildScript(): string {
  if (built) return built;
  const esbuild = createRequire(import.meta.resolve('tsx/esm/api'))('esbuild') as Esbuild;
  const outdir = path.join(here, '..', '..', '..', '.cache', 'bench-child');
  esbuild.buildSync({
    entryPoints: {
      child: path.join(here, 'child.ts'),
      'csv-scan-worker': path.join(workers, 'csv-scan-worker.ts'),
      'mail-parse-worker': path.join(workers, 'mail-parse-worker.ts'),
      'letter-worker': path.join(here, '..', '..', '..', 'electron', 'core', 'package', 'letter-worker.ts'),
      'small-deflate-worker': path.join(here, '..', '..', '..', 'electron', 'core', 'package', 'small-deflate-worker.ts'),
      'xlsx-worker': path.join(here, '..', '..', '..', 'electron', 'core', 'package', 'xlsx-worker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'error',
  });
  built = path.join(outdir, 'child.js');
  return built;
}
