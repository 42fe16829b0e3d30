import type { Cell, Confidence, Location, SourceResult } from '../../../shared/hit';
import type { SourceConfig } from '../../../shared/workspace';
import type { EntrySink } from './entry-stream';
import type { SourceGroup } from './grouping';
import type { IncludedHit } from './included';
import type { ReadBatches } from './shared-read';
import type { PackageTexts } from './texts';
import { sheetNamer, textCell, toSheetCell, type SheetCell } from './xlsx-cells';
import { XlsxWriter, type SheetWriter } from './xlsx-writer';

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

/** SQL drivers and mail parsers type their dates; CSV files do not (see xlsx-cells.ts). */
const TYPED_KINDS = new Set(['sqlite', 'postgres', 'mysql', 'mailbox']);

/**
 * Writes data.xlsx into `sink` with our streaming writer (xlsx-writer.ts): each row goes to
 * the compressor as it is made, so memory does not grow with the number of rows. Every sheet
 * has a bold, frozen header row and an autofilter.
 */
export async function writeXlsx(input: XlsxInput, sink: EntrySink): Promise<void> {
  const wb = new XlsxWriter(sink);
  try {
    await writeSheets(wb, input);
    await wb.finish();
  } catch (err) {
    // Stop the compressor; the staging closes the file, so a cancelled export leaves no open
    // handle on the staging folder (Windows could not delete it).
    wb.abort();
    throw err;
  }
}

async function writeSheets(wb: XlsxWriter, input: XlsxInput): Promise<void> {
  const name = sheetNamer();
  const t = input.texts.xlsx;
  const labels = hitLabels(t);
  const byId = new Map(input.sources.map((s) => [s.id, s]));

  const overview = await sheet(wb, name(t.overview), [t.source, t.kind, t.status, t.scanned, t.hits, t.included, t.categories], [32, 10, 10, 14, 10, 10, 50]);
  for (const r of input.results) {
    const cfg = byId.get(r.id);
    overview.addRow([
      textCell(cfg?.label ? `${cfg.label} (${r.id})` : r.id),
      textCell(r.kind),
      textCell(r.status),
      { value: r.scanned },
      { value: r.hits },
      { value: input.includedBySource.get(r.id) ?? 0 },
      textCell((cfg?.processing?.categories ?? []).join(', ')),
    ]);
  }
  await overview.commit();

  for (const group of input.groups) {
    const typed = TYPED_KINDS.has(byId.get(group.id)?.kind ?? '');
    for (const table of group.tables) {
      const cols = table.columns;
      const ws = await sheet(wb, name(`${group.id}-${table.name}`), [...cols, t.location, t.confidence, t.reasons, t.redacted]);
      // One array per row, filled in place: spreading mapped arrays made three arrays and an
      // iterator result per cell, a good part of what the sheet allocated.
      const row = new Array<SheetCell>(cols.length + 4);
      for await (const batch of input.read(table.hits)) {
        input.signal?.throwIfAborted();
        for (const hit of batch) {
          for (let c = 0; c < cols.length; c++) row[c] = toSheetCell(hit.record[cols[c]], typed);
          putHitCells(row, cols.length, hit, labels);
          if (ws.addRow(row)) await ws.flush();
        }
      }
      await ws.flush();
      await ws.commit();
    }
    if (group.messages.length > 0) {
      // Without the originals in the package there is no file to name, so no empty column.
      const fileColumn = input.withOriginals ? [t.file] : [];
      const header = [t.date, t.from, t.to, t.cc, t.subjectLine, ...fileColumn, t.location, t.confidence, t.reasons, t.redacted];
      const ws = await sheet(wb, name(`${group.id}-${t.messages}`), header);
      for await (const batch of input.read(group.messages)) {
        input.signal?.throwIfAborted();
        for (const hit of batch) {
          const r = hit.record;
          const file = input.withOriginals ? [input.emlPaths.get(hit.id) ?? ''] : [];
          const fields: Cell[] = [r.from, r.to, r.cc, r.subject, ...file].map((v) => v ?? null);
          if (ws.addRow([toSheetCell(r.date, true), ...fields.map((v) => toSheetCell(v, false)), ...hitCells(hit, labels)])) await ws.flush();
        }
      }
      await ws.commit();
    }
  }
  input.signal?.throwIfAborted();
}

function sheet(wb: XlsxWriter, title: string, header: string[], widths?: number[]): Promise<SheetWriter> {
  return wb.addSheet(
    title,
    header.map(textCell),
    header.map((h, i) => widths?.[i] ?? Math.min(40, Math.max(12, [...h].length + 2))),
  );
}

function hitCells(hit: IncludedHit, labels: HitLabels): SheetCell[] {
  const cells = new Array<SheetCell>(4);
  putHitCells(cells, 0, hit, labels);
  return cells;
}

/**
 * The words the hit columns write in the package language, prepared once per workbook. The
 * confidence cells are made here and shared by every row (cells are only read), so the
 * translated column costs nothing per row: the hot loop runs for hundreds of thousands of rows.
 */
interface HitLabels {
  /** The word between a table and its line number ("line", "linje"). */
  line: string;
  confidence: Readonly<Record<Confidence, SheetCell>>;
}

function hitLabels(t: PackageTexts['xlsx']): HitLabels {
  const levels = t.confidenceLevels;
  return {
    line: t.line,
    confidence: Object.freeze({
      high: Object.freeze(textCell(levels.high)),
      medium: Object.freeze(textCell(levels.medium)),
      low: Object.freeze(textCell(levels.low)),
    }),
  };
}

/** The hit's own columns (location, confidence, reasons, redacted fields) from `row[at]` on. */
function putHitCells(row: SheetCell[], at: number, hit: IncludedHit, labels: HitLabels): void {
  row[at] = textCell(describeLocation(hit.location, labels.line));
  row[at + 1] = labels.confidence[hit.confidence];
  row[at + 2] = textCell(hit.reasons.length === 1 ? hit.reasons[0] : hit.reasons.join('; '));
  row[at + 3] = hit.redacted ? textCell(hit.redacted.map((r) => r.field).join(', ')) : EMPTY;
}

/** An empty text cell, shared: cells are only read. */
const EMPTY: SheetCell = Object.freeze({ value: '' });

/**
 * A short, human form of a location: "kunde line 12", "id=4", "support.mbox #3". Only the
 * word for "line" is language-bound; the spreadsheet passes the package language's word, and
 * callers that pass nothing keep the English form they had.
 */
export function describeLocation(loc: Location, lineWord = 'line'): string {
  if ('line' in loc) return `${loc.table} ${lineWord} ${loc.line}`;
  if ('key' in loc) return Object.entries(loc.key).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  return loc.index !== undefined ? `${loc.file} #${loc.index + 1}` : loc.file;
}
