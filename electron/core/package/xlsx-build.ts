import type { EntrySink } from './entry-stream';
import { textCell, toSheetCell, type SheetCell } from './xlsx-cells';
import type { SheetStep } from './xlsx-rows';
import { XlsxWriter, type SheetWriter } from './xlsx-writer';

/**
 * Builds data.xlsx from its steps (xlsx-rows.ts) with our streaming writer (xlsx-writer.ts):
 * each value becomes a safe cell (xlsx-cells.ts) and each row goes to the compressor as it is
 * made, so memory does not grow with the number of rows. Every sheet has a bold, frozen header
 * row and an autofilter. Runs in the spreadsheet's worker (xlsx-worker.ts) or, where there is
 * none, on the export's thread (xlsx.ts); the file is the same byte for byte.
 */
export class SheetBuilder {
  private readonly wb: XlsxWriter;
  private sheet: { writer: SheetWriter; typed: boolean[]; row: SheetCell[] } | null = null;

  constructor(sink: EntrySink) {
    this.wb = new XlsxWriter(sink);
  }

  async apply(step: SheetStep): Promise<void> {
    if (step.op === 'sheet') {
      const writer = await this.wb.addSheet(step.title, step.header.map(textCell), step.widths);
      this.sheet = { writer, typed: step.typed, row: new Array<SheetCell>(step.header.length) };
      return;
    }
    const sheet = this.sheet;
    if (!sheet) throw new Error(`spreadsheet step "${step.op}" came before its sheet was started`);
    if (step.op === 'commit') {
      await sheet.writer.commit();
      this.sheet = null;
      return;
    }
    const { writer, typed, row } = sheet;
    const width = row.length;
    const values = step.values;
    if (values.length % width !== 0) throw new Error(`a spreadsheet batch of ${values.length} values does not fill rows of ${width}`);
    // One array per row, filled in place: the writer copies the cells into bytes at once.
    for (let at = 0; at < values.length; at += width) {
      for (let c = 0; c < width; c++) row[c] = toSheetCell(values[at + c], typed[c]);
      if (writer.addRow(row)) await writer.flush();
    }
  }

  /** Writes the workbook's own parts once the last sheet is committed. */
  finish(): Promise<void> {
    return this.wb.finish();
  }

  /** Stops the compressor after a cancel or a failure; the caller closes and removes the file. */
  abort(): void {
    this.wb.abort();
  }
}
