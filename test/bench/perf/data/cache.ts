import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../helpers/corpora';

/** Bump when a generator changes, so stale cached data is never measured. */
export const GENERATOR_VERSION = 1;

export function cacheDir(): string {
  const dir = process.env.INNSYN_BENCH_CACHE ?? path.join(projectRoot, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Returns the cached artefact at `name`, generating it first if needed. Generation writes to
 * a temporary name and renames at the end, so an interrupted run never leaves a half file
 * that a later run would trust.
 */
export async function cached(name: string, generate: (tmpPath: string) => Promise<void>): Promise<string> {
  const target = path.join(cacheDir(), `v${GENERATOR_VERSION}-${name}`);
  if (existsSync(target)) return target;
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await generate(tmp);
  renameSync(tmp, target);
  return target;
}
