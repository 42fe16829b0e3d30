import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchChildScript } from './child-bundle';

export interface Measured {
  /** Wall time of the whole process, spawn to exit. */
  wallMs: number;
  /** Peak resident set size of the process, from the kernel via /usr/bin/time. */
  peakRssMB: number;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

/**
 * Runs a command in its own process and measures it from the outside, the same way for our
 * code and for the tools we compare against: wall clock here, peak RSS from wait4() as GNU
 * time reports it. A non-zero exit is an error: a baseline that failed is not a baseline.
 */
export async function measure(cmd: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-bench-time-'));
  const timeFile = path.join(dir, 'time.txt');
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(TIME, ['-f', '%M', '-o', timeFile, cmd, ...args], {
        cwd: opts.cwd,
        env: { ...process.env, ...opts.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c ?? -1, stdout: out, stderr: err }));
    });
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`${path.basename(cmd)} exited with ${code}: ${stderr.slice(-800)}`);
    const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
    return { wallMs, peakRssMB: kb / 1024, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a task running in a child Node process reports about itself on its last stdout line. */
export interface TaskReport {
  /** Time of the measured operation only (no Node or tsx start-up). */
  ms: number;
  hits?: number;
  /** A digest of the hits, so two paths can be compared for equality. */
  digest?: string;
  /** Longest event-loop stall seen on the thread that would be the UI's main process. */
  maxEventLoopDelayMs?: number;
  detail?: Record<string, number | string>;
}

/** Runs one named task (see child.ts) in a fresh Node process, from the bundle child-bundle.ts builds. */
export async function measureTask(task: string, args: Record<string, unknown>, env?: NodeJS.ProcessEnv): Promise<Measured & { report: TaskReport }> {
  const m = await measure(process.execPath, [benchChildScript(), task, JSON.stringify(args)], { env });
  const last = m.stdout.trim().split('\n').pop() ?? '';
  let report: TaskReport;
  try {
    report = JSON.parse(last) as TaskReport;
  } catch {
    throw new Error(`task ${task} printed no report: ${m.stdout.slice(-400)} ${m.stderr.slice(-400)}`);
  }
  return { ...m, report };
}
