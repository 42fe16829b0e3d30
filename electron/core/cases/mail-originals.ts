import { createHash } from 'node:crypto';
import type { CaseDetail } from '../../../shared/case';
import type { Hit, MailLocation } from '../../../shared/hit';
import type { SearchResult } from '../../../shared/search';
import type { SourceConfig } from '../../../shared/workspace';
import { OriginalReader } from '../sources/mail/original';
import type { CaseRegister } from './case-register';
import { caseDetail, keepSearch } from './case-review';

/**
 * The package includes a mail hit's original .eml, read from the mailbox when exporting.
 * If the mailbox was changed or replaced since the search, those bytes could be a different
 * message, possibly someone else's. So the bytes are fingerprinted when the hits are stored,
 * and the package checks the bytes it stages against them (package/mail-files.ts). Only
 * byte-exact originals are fingerprinted (mbox ranges and .eml files); Outlook items are
 * converted on read and are not byte-stable.
 */
function fingerprintable(hit: Hit, configs: ReadonlyMap<string, SourceConfig>): { root: string; location: MailLocation } | null {
  const cfg = configs.get(hit.source);
  if (!cfg || cfg.kind !== 'mailbox' || !('file' in hit.location)) return null;
  const location = hit.location;
  if (!location.bytes && !/\.eml$/i.test(location.file)) return null;
  return { root: cfg.path, location };
}

async function sha256Of(reader: OriginalReader, root: string, location: MailLocation): Promise<string | null> {
  try {
    return createHash('sha256').update(await reader.read(root, location)).digest('hex');
  } catch {
    return null;
  }
}

export async function fingerprintOriginals(hits: readonly Hit[], configs: readonly SourceConfig[]): Promise<Map<string, string>> {
  const byId = new Map(configs.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  const reader = new OriginalReader();
  try {
    for (const hit of hits) {
      const target = fingerprintable(hit, byId);
      const sha = target ? await sha256Of(reader, target.root, target.location) : null;
      if (sha) out.set(hit.id, sha);
    }
  } finally {
    await reader.close();
  }
  return out;
}

/** Stores a search with the case, original messages fingerprinted, and returns the case as the review shows it. */
export async function storeSearch(reg: CaseRegister, ref: string, result: SearchResult, configs: readonly SourceConfig[]): Promise<CaseDetail> {
  await keepSearchWithOriginals(reg, ref, result, configs);
  return caseDetail(reg, ref);
}

/** storeSearch for a caller that does not show the case afterwards (the CLI). */
export async function keepSearchWithOriginals(reg: CaseRegister, ref: string, result: SearchResult, configs: readonly SourceConfig[]): Promise<void> {
  keepSearch(reg, ref, result, configs, await fingerprintOriginals(result.hits, configs));
}
