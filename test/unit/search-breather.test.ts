import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { breathe } from '../../electron/core/search/breather';

/** Rows already in memory, each costing `ms` of work: iterating them resolves in microtasks only. */
async function* busyRows(count: number, ms: number): AsyncGenerator<number> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield i;
  }
}

async function longestTimerGap(useBreather: boolean): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  for await (const _ of busyRows(300, 1)) {
    if (!useBreather) continue;
    const pause = breathe();
    if (pause) await pause;
  }
  const now = performance.now();
  longest = Math.max(longest, now - last);
  clearInterval(timer);
  return longest;
}

describe('the search thread keeps the event loop turning', () => {
  it('a loop over in-memory rows lets timers run every slice, and without it they wait for the whole loop', async () => {
    const without = await longestTimerGap(false);
    const withBreather = await longestTimerGap(true);
    expect(without).toBeGreaterThan(250);
    // 15 ms slices; the margin is for a busy 2-core machine.
    expect(withBreather).toBeLessThan(100);
  });

  it.runIf(process.platform === 'linux')('scan workers run at background priority and leave the search thread at normal priority', async () => {
    // Workers do not inherit tsx's hooks (Node 20), so the worker registers tsx itself.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('../../electron/core/search/workers/background-priority.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); }).then((m) => {
      m.runInBackground();
      require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority(0));
    });`;
    const before = getPriority(0);
    const seen = await new Promise<number>((resolve, reject) => {
      const w = new Worker(code, { eval: true });
      w.once('message', (m: number) => void w.terminate().then(() => resolve(m)));
      w.once('error', reject);
    });
    expect(seen).toBe(Math.min(19, before + 10));
    expect(getPriority(0)).toBe(before);
  });
});
