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

/**
 * Writes data.json record by record, so a package with hundreds of thousands of records does
 * not need one giant string in memory. The layout is described by schema.json.
 */
export async function writeDataJson(input: DataJsonInput): Promise<void> {
  const out = createWriteStream(input.file, { encoding: 'utf8' });
  // Kept, not thrown from the event: a disk-full error surfaces at the next write, and a write
  // still in flight when a cancelled export destroys the stream does not crash the process.
  let failure: Error | null = null;
  out.on('error', (err) => (failure ??= err));
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    await writeBody(input, write);
    out.end();
    await once(out, 'finish');
  } finally {
    out.destroy();
  }
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
