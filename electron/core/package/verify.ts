import { AppError } from '../../../shared/errors';
import type { Manifest } from './manifest';
import { readZipDigests } from './zip-read';

export interface Verification {
  /** Entries read back from the ZIP and compared, manifest.json included. */
  entriesChecked: number;
  /** Always empty on success; a non-empty list throws before the package is moved into place. */
  problems: string[];
}

/**
 * Re-reads the written ZIP with our own reader (zip-read.ts), which shares no code with the
 * writer, decrypting when a password is given and checking each entry's CRC-32 (and AES
 * authentication code), and checks
 * that every manifest entry is there with the same size and SHA-256, that manifest.json is
 * the one staged, and that nothing unlisted slipped in.
 */
export async function verifyZip(
  zipFile: string,
  manifest: Manifest,
  manifestHash: { size: number; sha256: string },
  password?: string,
  signal?: AbortSignal,
): Promise<Verification> {
  let actual;
  try {
    actual = await readZipDigests(zipFile, password, signal);
  } catch (err) {
    if (signal?.aborted) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError('INTERNAL', `The package could not be read back after writing and was discarded (${why}). Try the export again.`);
  }
  const problems: string[] = [];
  for (const f of manifest.files) {
    const got = actual.get(f.path);
    if (!got) problems.push(`${f.path} is missing`);
    else if (got.sha256 !== f.sha256 || got.size !== f.size) problems.push(`${f.path} does not match its checksum`);
  }
  const m = actual.get('manifest.json');
  if (!m) problems.push('manifest.json is missing');
  else if (m.sha256 !== manifestHash.sha256) problems.push('manifest.json differs from the one written');
  const listed = new Set([...manifest.files.map((f) => f.path), 'manifest.json']);
  for (const name of actual.keys()) if (!listed.has(name)) problems.push(`${name} is not in the manifest`);
  if (problems.length > 0) {
    throw new AppError('INTERNAL', `The package failed verification after writing and was discarded: ${problems.join('; ')}. Try the export again.`, problems);
  }
  return { entriesChecked: actual.size, problems };
}
