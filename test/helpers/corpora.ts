import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared third-party test data, referenced in place (never copied into the repo). */
export const corporaDir = path.resolve(projectRoot, '..', 'shared', 'corpora');

export function corpus(...parts: string[]): string {
  return path.join(corporaDir, ...parts);
}

/**
 * Why a test that needs external data or a service cannot run here, or null when it can.
 * In CI (INNSYN_REQUIRE_SERVICES=1) a missing requirement is a failure, not a skip.
 */
export function missingCorpus(...parts: string[]): string | null {
  const p = corpus(...parts);
  if (existsSync(p)) return null;
  const reason = `test corpus not found at ${p}`;
  if (process.env.INNSYN_REQUIRE_SERVICES) throw new Error(`${reason} (required in CI)`);
  return reason;
}
