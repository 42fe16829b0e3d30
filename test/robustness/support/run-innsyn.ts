import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../helpers/corpora';
import { networkGuard, peakRssProbe } from './network-guard-path';

export interface GuardedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The child was killed because it ran past `timeoutMs`: a hang. */
  timedOut: boolean;
  /** Peak RSS of the CLI process in MiB, from getrusage at exit (null if it never exited cleanly). */
  peakRssMb: number | null;
  /** Every refused network attempt, as recorded by the guard. */
  network: Array<{ api: string; target: string }>;
  ms: number;
}

export interface GuardedOptions {
  dataDir: string;
  timeoutMs?: number;
  /** Hosts the network guard lets through (the workspace's database hosts). */
  allowHosts?: string[];
  env?: NodeJS.ProcessEnv;
  /** Run as this unprivileged user through setpriv (tests run as root, which reads anything). */
  asUser?: { uid: number; gid: number };
  /** Called once the child runs, e.g. to kill it at a chosen moment. */
  onSpawn?: (child: ChildProcess) => void;
  /** Where the guard and probe write; defaults to files in dataDir. */
  probeDir?: string;
}

/**
 * Runs the real `innsyn` CLI in a child process with the network guard and the peak-RSS probe
 * preloaded, a hard timeout (a hang becomes a failure, not a stuck CI job), and everything it
 * printed captured for the secrets checks.
 */
export function runGuarded(args: string[], opts: GuardedOptions): Promise<GuardedRun> {
  const probeDir = opts.probeDir ?? opts.dataDir;
  const netLog = path.join(probeDir, `net-${process.hrtime.bigint()}.jsonl`);
  const rssFile = path.join(probeDir, `rss-${process.hrtime.bigint()}.txt`);
  const cli = [path.join(projectRoot, 'bin', 'innsyn.mjs'), '--data-dir', opts.dataDir, ...args];
  const [cmd, argv] = opts.asUser
    ? ['setpriv', [`--reuid=${opts.asUser.uid}`, `--regid=${opts.asUser.gid}`, '--clear-groups', process.execPath, ...cli]]
    : [process.execPath, cli];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, {
      cwd: projectRoot,
      env: {
        ...process.env,
        ...opts.env,
        NODE_OPTIONS: `--import ${networkGuard} --import ${peakRssProbe}`,
        INNSYN_NET_LOG: netLog,
        INNSYN_NET_ALLOW: (opts.allowHosts ?? []).join(','),
        INNSYN_PEAK_RSS_FILE: rssFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null;
      const network = existsSync(netLog)
        ? readFileSync(netLog, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { api: string; target: string })
        : [];
      resolve({
        code,
        signal,
        stdout,
        stderr,
        timedOut,
        peakRssMb: rss === null ? null : Math.round(rss / 1024 / 1024),
        network,
        ms: Math.round(performance.now() - started),
      });
    });
    opts.onSpawn?.(child);
  });
}

/** Parses `search --json` output, failing with the child's own words when it is not JSON. */
export function parseJson<T>(run: GuardedRun): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(
      `stdout was not JSON (exit ${run.code}, signal ${run.signal}, timedOut ${run.timedOut}): ${run.stdout.slice(0, 400)}\nstderr: ${run.stderr.slice(0, 800)}`,
    );
  }
}
