import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchSizes } from '../config';
import { cached } from '../data/cache';
import { generateMail } from '../data/gen-mail';
import { measure, measureTask } from '../measure';
import type { ResultRow } from '../report';

/** The mbox and the Maildir holding the same messages (generated together). */
export async function mailData(messages: number): Promise<{ mbox: string; maildir: string }> {
  const dir = await cached(`mail-${messages}`, async (tmp) => {
    await generateMail(path.join(tmp, 'mailbox.mbox'), path.join(tmp, 'Maildir'), messages);
  });
  return { mbox: path.join(dir, 'mailbox.mbox'), maildir: path.join(dir, 'Maildir') };
}

/** `mu index` into a fresh mu home: the full-text index a mail tool builds before it can search. */
async function muIndex(maildir: string): Promise<{ ms: number; peakRssMB: number }> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'innsyn-bench-mu-'));
  try {
    execFileSync('mu', ['init', `--muhome=${home}`, `--maildir=${maildir}`], { stdio: 'ignore' });
    const m = await measure('mu', ['index', `--muhome=${home}`, '--quiet']);
    return { ms: m.wallMs, peakRssMB: m.peakRssMB };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

type TaskRun = Awaited<ReturnType<typeof measureTask>>;

export async function compareMbox(sizes: BenchSizes, log: (s: string) => void, repeat = 1): Promise<ResultRow[]> {
  log(`mbox: data (${sizes.mails} messages)`);
  const { mbox, maildir } = await mailData(sizes.mails);
  const sources = [{ id: 'epost', kind: 'mailbox', path: mbox }];
  // Ours and mu `repeat` times, alternating, so a busy moment of a shared machine hits both
  // (our decode workers run at a lower priority than mu, so outside load costs us more);
  // the fastest run of each counts, and the worst peak memory.
  const runs: { fast: TaskRun[]; mu: Array<{ ms: number; peakRssMB: number }> } = { fast: [], mu: [] };
  for (let k = 0; k < repeat; k++) {
    log(`mbox: ours (fast path)${repeat > 1 ? ` ${k + 1}/${repeat}` : ''}`);
    runs.fast.push(await measureTask('search', { sources }));
    log('mbox: mu index');
    runs.mu.push(await muIndex(maildir));
  }
  const fast = runs.fast.reduce((a, b) => (b.report.ms < a.report.ms ? b : a));
  fast.peakRssMB = Math.max(...runs.fast.map((r) => r.peakRssMB));
  const mu = runs.mu.reduce((a, b) => (b.ms < a.ms ? b : a));
  log('mbox: ours (simple path)');
  const simple = await measureTask('search', { sources }, { INNSYN_FAST_PATH: 'off' });
  for (const r of runs.fast) {
    if (r.report.digest !== simple.report.digest) {
      throw new Error(`mbox: the fast path's hits differ from the simple path's (${r.report.hits} vs ${simple.report.hits})`);
    }
  }
  log('mbox: naive parse');
  const naive = await measureTask('naive-mail', { file: mbox });
  const ours = { label: 'innsyn search', ms: fast.report.ms, peakRssMB: fast.peakRssMB };
  return [
    {
      comparison: 'mbox vs mu index (Maildir)',
      ours,
      baseline: { label: 'mu index', ms: mu.ms, peakRssMB: mu.peakRssMB },
      ratio: fast.report.ms / mu.ms,
      target: '≤ 0.5×',
      met: fast.report.ms <= 0.5 * mu.ms,
      note: `${fast.report.hits} hits (simple path: same, digest equal)${repeat > 1 ? `; fastest of ${repeat} runs each (ours: ${runs.fast.map((r) => (r.report.ms / 1000).toFixed(1)).join(', ')} s; mu: ${runs.mu.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s)` : ''}`,
    },
    {
      comparison: 'mbox fast path vs simple path',
      ours,
      baseline: { label: 'simple path (in-process)', ms: simple.report.ms, peakRssMB: simple.peakRssMB },
      ratio: fast.report.ms / simple.report.ms,
    },
    {
      comparison: 'mbox vs naive single-threaded parse',
      ours,
      baseline: { label: 'postal-mime, every message', ms: naive.report.ms, peakRssMB: naive.peakRssMB },
      ratio: fast.report.ms / naive.report.ms,
    },
  ];
}
