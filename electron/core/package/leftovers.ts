import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Staging folders and partial ZIPs hold the subject's data unencrypted. A normal or failed
 * export removes its own, but a killed process (SIGKILL, power loss) cannot. Their names
 * carry the writer's process id, so the next export into the same folder removes those
 * whose writer is gone, without touching a concurrent export's files.
 */
export function stagingPrefix(pid = process.pid): string {
  return `.innsyn-staging-${pid}-`;
}

export function partialName(outFile: string, suffix: string, pid = process.pid): string {
  return `.${path.basename(outFile)}.${pid}-${suffix}.partial`;
}

const LEFTOVER = /^(?:\.innsyn-staging-(\d+)-.+|\..+\.(\d+)-[0-9a-f]+\.partial)$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes leftovers of dead exports in `dir`; returns the names removed. */
export async function removeDeadLeftovers(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (!m) continue;
    const pid = Number(m[1] ?? m[2]);
    if (isRunning(pid)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
