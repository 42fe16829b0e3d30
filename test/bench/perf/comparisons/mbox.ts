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

export async function compareMbox(sizes: BenchSizes, log: (s: string) => void): Promise<ResultRow[]> {
  log(`mbox: data (${sizes.mails} messages)`);
  const { mbox, maildir } = await mailData(sizes.mails);
  const sources = [{ id: 'epost', kind: 'mailbox', path: mbox }];
  log('mbox: ours (fast path)');
  const fast = await measureTask('search', { sources });
  log('mbox: ours (simple path)');
  const simple = await measureTask('search', { sources }, { INNSYN_FAST_PATH: 'off' });
  if (fast.report.digest !== simple.report.digest) {
    throw new Error(`mbox: the fast path's hits differ from the simple path's (${fast.report.hits} vs ${simple.report.hits})`);
  }
  log('mbox: naive parse');
  const naive = await measureTask('naive-mail', { file: mbox });
  log('mbox: mu index');
  const mu = await muIndex(maildir);
  const ours = { label: 'innsyn search', ms: fast.report.ms, peakRssMB: fast.peakRssMB };
  return [
    {
      comparison: 'mbox vs mu index (Maildir)',
      ours,
      baseline: { label: 'mu index', ms: mu.ms, peakRssMB: mu.peakRssMB },
      ratio: fast.report.ms / mu.ms,
      target: '≤ 0.5×',
      met: fast.report.ms <= 0.5 * mu.ms,
      note: `${fast.report.hits} hits (simple path: same, digest equal)`,
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
