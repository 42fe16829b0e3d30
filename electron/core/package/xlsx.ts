import ExcelJS from 'exceljs';
import type { Cell, SourceResult } from '../../../shared/hit';
import type { SourceConfig } from '../../../shared/workspace';
import type { SourceGroup } from './grouping';
import type { PackageTexts } from './texts';

export interface XlsxInput {
  file: string;
  texts: PackageTexts;
  sources: readonly SourceConfig[];
  results: readonly SourceResult[];
  includedBySource: ReadonlyMap<string, number>;
  groups: readonly SourceGroup[];
  emlPaths: ReadonlyMap<string, string>;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique (case-insensitive). */
function sheetNamer() {
  const used = new Set<string>();
  return (wanted: string) => {
    const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - `~${k}`.length)}~${k}`;
    used.add(name.toLowerCase());
    return name;
  };
}

function columnsOf(records: ReadonlyArray<Record<string, Cell>>): string[] {
  const cols = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) cols.add(k);
  return [...cols];
}

/**
 * Writes data.xlsx with exceljs's streaming writer, so rows go to disk as they are added.
 * Strings are written as strings: a value such as "=HYPERLINK(...)" stays text, never a formula.
 */
export async function writeXlsx(input: XlsxInput): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: input.file, useSharedStrings: false, useStyles: true });
  const name = sheetNamer();
  const t = input.texts.xlsx;
  const byId = new Map(input.sources.map((s) => [s.id, s]));

  const overview = wb.addWorksheet(name(t.overview), { views: [{ state: 'frozen', ySplit: 1 }] });
  overview.columns = [
    { header: t.source, width: 28 },
    { header: t.kind, width: 10 },
    { header: t.status, width: 10 },
    { header: t.scanned, width: 12 },
    { header: t.hits, width: 10 },
    { header: t.included, width: 10 },
    { header: t.categories, width: 50 },
  ];
  overview.getRow(1).font = { bold: true };
  for (const r of input.results) {
    const cfg = byId.get(r.id);
    overview
      .addRow([
        cfg?.label ? `${cfg.label} (${r.id})` : r.id,
        r.kind,
        r.status,
        r.scanned,
        r.hits,
        input.includedBySource.get(r.id) ?? 0,
        (cfg?.processing?.categories ?? []).join(', '),
      ])
      .commit();
  }
  overview.commit();

  for (const group of input.groups) {
    for (const table of group.tables) {
      const records = table.hits.map((h) => h.record);
      const cols = columnsOf(records);
      const header = [...cols, t.confidence, t.reasons];
      const ws = wb.addWorksheet(name(`${group.id}-${table.name}`), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
      ws.columns = header.map((h) => ({ header: h, width: Math.min(40, Math.max(10, h.length + 2)) }));
      ws.getRow(1).font = { bold: true };
      for (const hit of table.hits) {
        ws.addRow([...cols.map((c) => hit.record[c] ?? null), hit.confidence, hit.reasons.join('; ')]).commit();
      }
      ws.commit();
    }
    if (group.messages.length > 0) {
      const header = [t.date, t.from, t.to, t.cc, t.subjectLine, t.file, t.confidence, t.reasons];
      const ws = wb.addWorksheet(name(`${group.id}-${t.messages}`), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
      ws.columns = header.map((h) => ({ header: h, width: 24 }));
      ws.getRow(1).font = { bold: true };
      for (const hit of group.messages) {
        const r = hit.record;
        ws.addRow([r.date, r.from, r.to, r.cc, r.subject, input.emlPaths.get(hit.id) ?? '', hit.confidence, hit.reasons.join('; ')]).commit();
      }
      ws.commit();
    }
  }
  await wb.commit();
}
