import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './corpora';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `innsyn` command in a child process, as a user or script would. The data
 * dir is always given, so tests never touch the developer's own app data.
 */
export function runCli(args: string[], opts: { dataDir: string; cwd?: string; env?: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'innsyn.mjs'), '--data-dir', opts.dataDir, ...args], {
      cwd: opts.cwd ?? projectRoot,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs `search --json` and parses stdout; fails loudly if stdout is not pure JSON. */
export async function searchJson(args: string[], dataDir: string) {
  const run = await runCli(['search', '--json', ...args], { dataDir });
  let json;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    throw new Error(`stdout was not JSON (exit ${run.code}): ${run.stdout.slice(0, 500)}\nstderr: ${run.stderr.slice(0, 500)}`);
  }
  return { ...run, json };
}
