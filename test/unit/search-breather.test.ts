import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { getPriority } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { breathe } from '../../electron/core/search/breather';
import { startInBackground } from '../../electron/core/search/workers/background-priority';

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

  it.runIf(process.platform === 'linux')('workers run at background priority from their first line, and the search thread stays at normal priority', async () => {
    // The entry reports the priority it sees before it loads anything: the prelude must have
    // lowered it already, because loading a real worker bundle is itself the costly part.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-priority-'));
    const entry = path.join(dir, 'entry.cjs');
    writeFileSync(entry, "require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority(0));\n");
    try {
      const before = getPriority(0);
      const seen = await new Promise<number>((resolve, reject) => {
        const w = startInBackground({ file: entry, eval: false });
        w.once('message', (m: number) => void w.terminate().then(() => resolve(m)));
        w.once('error', reject);
      });
      expect(seen).toBe(Math.min(19, before + 10));
      expect(getPriority(0)).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
