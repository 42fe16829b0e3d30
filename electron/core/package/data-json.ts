import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { IncludedHit } from './included';
import type { Subject } from '../../../shared/subject';
import type { SourceConfig } from '../../../shared/workspace';
import type { SourceGroup } from './grouping';

export const DATA_FORMAT = 'innsyn-data/1';

export interface DataJsonInput {
  file: string;
  generatedAt: string;
  caseRef: string | null;
  subject: Subject;
  sources: readonly SourceConfig[];
  groups: readonly SourceGroup[];
  /** Package path of each exported message, by hit id. */
  emlPaths: ReadonlyMap<string, string>;
  signal?: AbortSignal;
}

function entry(hit: IncludedHit) {
  return {
    hitId: hit.id,
    location: hit.location,
    confidence: hit.confidence,
    score: hit.score,
    reasons: hit.reasons,
    matches: hit.matches,
    ...(hit.relatedTo ? { relatedTo: hit.relatedTo } : {}),
    record: hit.record,
    ...(hit.redacted ? { redacted: hit.redacted } : {}),
  };
}

/** Text is collected into pieces this long before it is encoded, hashed and written. */
const PIECE = 256 * 1024;

/**
 * Writes data.json record by record, so a package with hundreds of thousands of records does
 * not need one giant string in memory. The layout is described by schema.json. Returns the
 * file's size and SHA-256, taken from the bytes as they were written.
 */
export async function writeDataJson(input: DataJsonInput): Promise<{ size: number; sha256: string }> {
  const out = createWriteStream(input.file);
  const hash = createHash('sha256');
  let size = 0;
  let pending = '';
  // Kept, not thrown from the event: a disk-full error surfaces at the next write, and a write
  // still in flight when a cancelled export destroys the stream does not crash the process.
  let failure: Error | null = null;
  out.on('error', (err) => (failure ??= err));
  const flush = async () => {
    if (failure) throw failure;
    const bytes = Buffer.from(pending, 'utf8');
    pending = '';
    hash.update(bytes);
    size += bytes.length;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const write = async (text: string) => {
    pending += text;
    if (pending.length >= PIECE) await flush();
  };
  try {
    await writeBody(input, write);
    await flush();
    out.end();
    await once(out, 'finish');
  } finally {
    out.destroy();
  }
  return { size, sha256: hash.digest('hex') };
}

async function writeBody(input: DataJsonInput, write: (text: string) => Promise<void>): Promise<void> {
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  await write(
    `{\n"format": ${JSON.stringify(DATA_FORMAT)},\n"generatedAt": ${JSON.stringify(input.generatedAt)},\n` +
      `"caseRef": ${JSON.stringify(input.caseRef)},\n"subject": ${JSON.stringify(input.subject)},\n"sources": [`,
  );
  for (const [gi, group] of input.groups.entries()) {
    const cfg = byId.get(group.id);
    await write(
      `${gi > 0 ? ',' : ''}\n{"id": ${JSON.stringify(group.id)}, "label": ${JSON.stringify(cfg?.label ?? group.id)}, ` +
        `"kind": ${JSON.stringify(cfg?.kind ?? 'unknown')}, "tables": [`,
    );
    for (const [ti, table] of group.tables.entries()) {
      await write(`${ti > 0 ? ',' : ''}\n  {"name": ${JSON.stringify(table.name)}, "records": [`);
      for (const [ri, hit] of table.hits.entries()) {
        if (ri % 1000 === 0) input.signal?.throwIfAborted();
        await write(`${ri > 0 ? ',' : ''}\n    ${JSON.stringify(entry(hit))}`);
      }
      await write('\n  ]}');
    }
    await write('], "messages": [');
    for (const [mi, hit] of group.messages.entries()) {
      const eml = input.emlPaths.get(hit.id) ?? null;
      const withheld = eml === null && hit.redacted ? { originalWithheld: true } : {};
      await write(`${mi > 0 ? ',' : ''}\n    ${JSON.stringify({ ...entry(hit), eml, ...withheld })}`);
    }
    await write(']}');
  }
  await write('\n]\n}\n');
}
