import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const rendererRoot = path.join(projectRoot, 'renderer');
const prodApi = path.join(rendererRoot, 'src/api.ts');
const bridgeApi = path.join(projectRoot, 'test/e2e/bridge/renderer-api.ts');
const cacheDir = path.join(projectRoot, '.cache/e2e');

/** Swaps the renderer's IPC transport for the HTTP bridge one. Only this test build does it. */
function bridgeTransport(): Plugin {
  return {
    name: 'innsyn-e2e-transport',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === prodApi ? bridgeApi : null;
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(path.join(dir, d.name)) : [path.join(dir, d.name)],
  );
}

/** Content hash of everything the test build is made from, so a stale build is never reused. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [...filesUnder(rendererRoot), ...filesUnder(path.join(projectRoot, 'shared')), bridgeApi].sort()) {
    h.update(f).update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 16);
}

function waitFor(file: string, dir: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, () => {
      if (existsSync(file)) {
        watcher.close();
        resolve();
      }
    });
    if (existsSync(file)) {
      watcher.close();
      resolve();
    }
  });
}

/**
 * Builds the renderer with the test transport once per source state. Test files run in
 * parallel processes, so a directory lock lets one build while the others wait for it.
 */
export async function ensureE2eRenderer(): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const outDir = path.join(cacheDir, `renderer-${sourceHash()}`);
  const done = path.join(outDir, 'index.html');
  if (existsSync(done)) return outDir;
  const lock = `${outDir}.lock`;
  try {
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
    mkdirSync(lock);
  } catch {
    await waitFor(done, cacheDir);
    return outDir;
  }
  try {
    const tmp = `${outDir}.tmp`;
    await build({
      root: rendererRoot,
      configFile: false,
      logLevel: 'warn',
      mode: 'e2e',
      plugins: [bridgeTransport(), react()],
      build: { outDir: tmp, emptyOutDir: true, reportCompressedSize: false },
    });
    renameSync(tmp, outDir);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return outDir;
}
