import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    // core-process runs the core in a utility process (see electron/main/core-host.ts).
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'core-process': resolve(root, 'electron/main/core-process.ts'),
          // Search worker threads are started by file name (electron/core/search/workers/worker-url.ts).
          'csv-scan-worker': resolve(root, 'electron/core/search/workers/csv-scan-worker.ts'),
          'mail-parse-worker': resolve(root, 'electron/core/search/workers/mail-parse-worker.ts'),
          // The export lays out the cover letter in a worker (electron/core/package/letter-aside.ts),
          // compresses small files in another (electron/core/package/small-deflate.ts) and builds
          // the spreadsheet in a third (electron/core/package/xlsx-aside.ts).
          'letter-worker': resolve(root, 'electron/core/package/letter-worker.ts'),
          'small-deflate-worker': resolve(root, 'electron/core/package/small-deflate-worker.ts'),
          'xlsx-worker': resolve(root, 'electron/core/package/xlsx-worker.ts'),
        },
      },
    },
  },
  preload: {
    // Sandboxed preloads must be CommonJS and self-contained (zod is bundled in).
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs: the packaged app loads index.html from file://.
    base: './',
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } } },
  },
});
