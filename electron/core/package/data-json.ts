import type { EntrySink } from './entry-stream';
import type { IncludedHit } from './included';
import type { ReadBatches } from './shared-read';
import type { Subject } from '../../../shared/subject';
import type { SourceConfig } from '../../../shared/workspace';
import type { SourceGroup } from './grouping';
import { SEGMENT } from './deflate-segments';
import { Utf8Pieces } from './utf8-pieces';

export const DATA_FORMAT = 'innsyn-data/1';

export interface DataJsonInput {
  generatedAt: string;
  caseRef: string | null;
  subject: Subject;
  sources: readonly SourceConfig[];
  groups: readonly SourceGroup[];
  /** Package path of each exported message, by hit id. */
  emlPaths: ReadonlyMap<string, string>;
  /** The planned hits in full, a batch at a time (shared-read.ts): records are not held. */
  read: ReadBatches;
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

/** Text is encoded into pieces of one compression segment, so each is compressed as it is. */
const PIECE = SEGMENT;

/** Collects text; add() says when a piece is full, and only then does the writer wait for the sink. */
class Pieces {
  private readonly bytes = new Utf8Pieces(PIECE);
  constructor(private readonly sink: EntrySink) {}

  add(text: string): boolean {
    return this.bytes.add(text);
  }

  async flush(): Promise<void> {
    for (const piece of this.bytes.take()) await this.sink.write(piece);
  }
}

/**
 * Writes data.json record by record into `sink` (staging.ts hashes and compresses it on the
 * way), so a package with hundreds of thousands of records does not need one giant string in
 * memory. The layout is described by schema.json. Records are added synchronously and the
 * writer waits only when a piece is full: one wait per record cost more than the JSON itself.
 */
export async function writeDataJson(input: DataJsonInput, sink: EntrySink): Promise<void> {
  const out = new Pieces(sink);
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  out.add(
    `{\n"format": ${JSON.stringify(DATA_FORMAT)},\n"generatedAt": ${JSON.stringify(input.generatedAt)},\n` +
      `"caseRef": ${JSON.stringify(input.caseRef)},\n"subject": ${JSON.stringify(input.subject)},\n"sources": [`,
  );
  for (const [gi, group] of input.groups.entries()) {
    const cfg = byId.get(group.id);
    out.add(
      `${gi > 0 ? ',' : ''}\n{"id": ${JSON.stringify(group.id)}, "label": ${JSON.stringify(cfg?.label ?? group.id)}, ` +
        `"kind": ${JSON.stringify(cfg?.kind ?? 'unknown')}, "tables": [`,
    );
    for (const [ti, table] of group.tables.entries()) {
      out.add(`${ti > 0 ? ',' : ''}\n  {"name": ${JSON.stringify(table.name)}, "records": [`);
      let first = true;
      for await (const batch of input.read(table.hits)) {
        input.signal?.throwIfAborted();
        for (const hit of batch) {
          // Added in two parts: joined, the record's text would be copied once more to flatten it.
          out.add(first ? '\n    ' : ',\n    ');
          first = false;
          if (out.add(JSON.stringify(entry(hit)))) await out.flush();
        }
      }
      out.add('\n  ]}');
    }
    out.add('], "messages": [');
    let mi = 0;
    for await (const batch of input.read(group.messages)) {
      for (const hit of batch) {
        const eml = input.emlPaths.get(hit.id) ?? null;
        const withheld = eml === null && hit.redacted ? { originalWithheld: true } : {};
        if (out.add(`${mi++ > 0 ? ',' : ''}\n    ${JSON.stringify({ ...entry(hit), eml, ...withheld })}`)) await out.flush();
      }
    }
    out.add(']}');
  }
  out.add('\n]\n}\n');
  await out.flush();
}
