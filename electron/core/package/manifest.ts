import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { SourceResult } from '../../../shared/hit';
import type { PackageFormat } from '../../../shared/package-formats';
import type { Subject } from '../../../shared/subject';
import type { SourceConfig } from '../../../shared/workspace';
import type { ReviewSummary } from './review';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ManifestSource {
  id: string;
  label: string;
  kind: string;
  status: SourceResult['status'];
  error?: string;
  problems?: string[];
  scanned: number;
  hits: number;
  included: number;
  /** Hits not included and not decided: below the confidence threshold or waiting for review. */
  heldBack: number;
  /** Hits a reviewer excluded. */
  excluded: number;
}

/**
 * manifest.json: what was searched (including sources where nothing was found), what was
 * included, and every file with its SHA-256. It is the accountability record (Art. 5(2)) that
 * travels with the package.
 */
export interface Manifest {
  tool: { name: string; version: string };
  generatedAt: string;
  caseRef: string | null;
  language: 'nb' | 'en';
  minConfidence: string;
  subject: Subject;
  /** False when a source failed or was read only in part and the DPO exported anyway (--allow-incomplete). */
  complete: boolean;
  /** "aes-256" when the ZIP is encrypted; the passphrase is never recorded. */
  encryption: 'aes-256' | null;
  /** Counts of review decisions and redactions; null when exported without a review. */
  review: ReviewSummary | null;
  /** The formats chosen for the data (json, xlsx, eml); the letter, readme and manifest are always there. */
  formats: PackageFormat[];
  sources: ManifestSource[];
  files: ManifestFile[];
}

export function manifestSources(
  configs: readonly SourceConfig[],
  results: readonly SourceResult[],
  included: ReadonlyMap<string, number>,
  heldBack: ReadonlyMap<string, number>,
  excluded: ReadonlyMap<string, number>,
): ManifestSource[] {
  const byId = new Map(configs.map((c) => [c.id, c]));
  return results.map((r) => ({
    id: r.id,
    label: byId.get(r.id)?.label ?? r.id,
    kind: r.kind,
    status: r.status,
    ...(r.error ? { error: r.error } : {}),
    ...(r.problems ? { problems: r.problems } : {}),
    scanned: r.scanned,
    hits: r.hits,
    included: included.get(r.id) ?? 0,
    heldBack: heldBack.get(r.id) ?? 0,
    excluded: excluded.get(r.id) ?? 0,
  }));
}

export async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}
