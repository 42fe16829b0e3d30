import type { Cell, Confidence, Location, SourceResult } from '../../../shared/hit';
import type { SourceConfig } from '../../../shared/workspace';
import type { SourceGroup } from './grouping';
import type { IncludedHit } from './included';
import type { ReadBatches } from './shared-read';
import type { PackageTexts } from './texts';
import { sheetNamer } from './xlsx-cells';

export interface XlsxInput {
  texts: PackageTexts;
  sources: readonly SourceConfig[];
  results: readonly SourceResult[];
  includedBySource: ReadonlyMap<string, number>;
  groups: readonly SourceGroup[];
  emlPaths: ReadonlyMap<string, string>;
  /** The package holds the original e-mails: the messages sheet names each one's file. */
  withOriginals: boolean;
  /** The planned hits in full, a batch at a time (shared-read.ts): records are not held. */
  read: ReadBatches;
  signal?: AbortSignal;
}

/**
 * What data.xlsx holds, as a list of steps for the sheet builder (xlsx-build.ts): start a
 * sheet, add rows, commit it. A step is plain data (names, the raw values of a batch of rows),
 * so the builder can run in a worker (xlsx-aside.ts) and the export's thread only looks the
 * values up: turning them into cells, escaping and encoding them took that thread about a
 * second for 200,000 rows, while the other core was mostly idle.
 */
export type SheetStep =
  | {
      op: 'sheet';
      title: string;
      header: string[];
      widths: number[];
      /** Per column: a source value whose date-shaped strings become date cells (xlsx-cells.ts). */
      typed: boolean[];
    }
  /** Rows one after another, `header.length` values each, as the source had them (undefined as null). */
  | { op: 'rows'; values: Cell[] }
  | { op: 'commit' };

/** SQL drivers and mail parsers type their dates; CSV files do not (see xlsx-cells.ts). */
const TYPED_KINDS = new Set(['sqlite', 'postgres', 'mysql', 'mailbox']);

/**
 * The steps of data.xlsx: an overview of the sources, then one sheet per table and one per
 * mailbox, each with the hit's own columns (location, confidence, reasons, redacted fields).
 * Rows go out a batch of hits at a time; nothing holds more than one batch.
 */
export async function* sheetSteps(input: XlsxInput): AsyncGenerator<SheetStep> {
  const name = sheetNamer();
  const t = input.texts.xlsx;
  const byId = new Map(input.sources.map((s) => [s.id, s]));
  const hitValues = hitColumns(t);

  const overviewHeader = [t.source, t.kind, t.status, t.scanned, t.hits, t.included, t.categories];
  yield sheet(name(t.overview), overviewHeader, [32, 10, 10, 14, 10, 10, 50]);
  const overview: Cell[] = [];
  for (const r of input.results) {
    const cfg = byId.get(r.id);
    overview.push(
      cfg?.label ? `${cfg.label} (${r.id})` : r.id,
      r.kind,
      r.status,
      r.scanned,
      r.hits,
      input.includedBySource.get(r.id) ?? 0,
      (cfg?.processing?.categories ?? []).join(', '),
    );
  }
  yield { op: 'rows', values: overview };
  yield { op: 'commit' };

  for (const group of input.groups) {
    const typed = TYPED_KINDS.has(byId.get(group.id)?.kind ?? '');
    for (const table of group.tables) {
      const cols = table.columns;
      yield sheet(name(`${group.id}-${table.name}`), [...cols, t.location, t.confidence, t.reasons, t.redacted], undefined, (c) => typed && c < cols.length);
      for await (const batch of input.read(table.hits)) {
        input.signal?.throwIfAborted();
        const values: Cell[] = [];
        for (const hit of batch) {
          const record = hit.record;
          for (let c = 0; c < cols.length; c++) values.push(record[cols[c]] ?? null);
          hitValues(values, hit);
        }
        yield { op: 'rows', values };
      }
      yield { op: 'commit' };
    }
    if (group.messages.length > 0) {
      // Without the originals in the package there is no file to name, so no empty column.
      const fileColumn = input.withOriginals ? [t.file] : [];
      const header = [t.date, t.from, t.to, t.cc, t.subjectLine, ...fileColumn, t.location, t.confidence, t.reasons, t.redacted];
      // Only the Date header is typed: a subject line that looks like a date stays text.
      yield sheet(name(`${group.id}-${t.messages}`), header, undefined, (c) => c === 0);
      for await (const batch of input.read(group.messages)) {
        input.signal?.throwIfAborted();
        const values: Cell[] = [];
        for (const hit of batch) {
          const r = hit.record;
          values.push(r.date ?? null, r.from ?? null, r.to ?? null, r.cc ?? null, r.subject ?? null);
          if (input.withOriginals) values.push(input.emlPaths.get(hit.id) ?? '');
          hitValues(values, hit);
        }
        yield { op: 'rows', values };
      }
      yield { op: 'commit' };
    }
  }
  input.signal?.throwIfAborted();
}

function sheet(title: string, header: string[], widths?: number[], typed: (column: number) => boolean = () => false): SheetStep {
  return {
    op: 'sheet',
    title,
    header,
    widths: header.map((h, i) => widths?.[i] ?? Math.min(40, Math.max(12, [...h].length + 2))),
    typed: header.map((_, i) => typed(i)),
  };
}

/**
 * Appends the hit's own columns (location, confidence, reasons, redacted fields) in the package
 * language. The words are looked up once per workbook: this runs for every one of hundreds
 * of thousands of rows.
 */
function hitColumns(t: PackageTexts['xlsx']): (values: Cell[], hit: IncludedHit) => void {
  const levels: Readonly<Record<Confidence, string>> = { ...t.confidenceLevels };
  return (values, hit) => {
    values.push(
      describeLocation(hit.location, t.line),
      levels[hit.confidence],
      hit.reasons.length === 1 ? hit.reasons[0] : hit.reasons.join('; '),
      hit.redacted ? hit.redacted.map((r) => r.field).join(', ') : '',
    );
  };
}

/**
 * A short, human form of a location: "kunde line 12", "id=4", "support.mbox #3". Only the
 * word for "line" is language-bound; the spreadsheet passes the package language's word, and
 * callers that pass nothing keep the English form they had.
 */
function describeLocation(loc: Location, lineWord = 'line'): string {
  if ('line' in loc) return `${loc.table} ${lineWord} ${loc.line}`;
  if ('key' in loc) return Object.entries(loc.key).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  return loc.index !== undefined ? `${loc.file} #${loc.index + 1}` : loc.file;
}
