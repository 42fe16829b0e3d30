import archiver from 'archiver';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { DATE_FORMAT, DATE_TIME_FORMAT, TEXT_FORMAT, type SheetCell } from './xlsx-cells';

/**
 * A minimal streaming XLSX (SpreadsheetML) writer for what data.xlsx needs and nothing more:
 * sheets of inline-string, number, boolean and date cells, a bold header row, frozen panes,
 * column widths and an autofilter. Each sheet's XML is generated row by row straight into the
 * ZIP container, so memory does not grow with the number of rows. It replaces exceljs's
 * WorkbookWriter, whose per-cell object model and style lookups cost about ten times more.
 *
 * Values arrive already made safe by xlsx-cells.ts (no characters XML cannot hold, text
 * within Excel's cell limit, formula-looking text carrying the text format); here they are
 * only escaped. No cell is ever written as a formula: there is no code path that emits `<f>`.
 */

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Rows are collected into one string this long before it is handed to the compressor. */
const FLUSH_AT = 256 * 1024;

/** Style ids in styles.xml's cellXfs: index = (bold ? 4 : 0) + format. */
const FORMATS = [null, TEXT_FORMAT, DATE_FORMAT, DATE_TIME_FORMAT] as const;
const FORMAT_IDS = [0, 49, 164, 165];

function styleOf(numFmt: string | undefined, bold: boolean): number {
  const f = numFmt === undefined ? 0 : FORMATS.indexOf(numFmt as (typeof FORMATS)[number]);
  if (f < 0) throw new Error(`unsupported number format ${numFmt}`);
  return (bold ? 4 : 0) + f;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE = /[&<>"']/g;
export function escapeXml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE, (c) => ESCAPES[c]) : text;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const EXCEL_EPOCH_DAYS = 25_569; // 1970-01-01 as an Excel serial date (1900 system)

function cellXml(ref: string, cell: SheetCell, bold: boolean): string {
  const v = cell.value;
  if (v === null) return '';
  const s = styleOf(cell.numFmt, bold);
  const sAttr = s === 0 ? '' : ` s="${s}"`;
  if (typeof v === 'string') {
    const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
  }
  if (typeof v === 'number') return `<c r="${ref}"${sAttr}><v>${String(v)}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sAttr}><v>${String(v.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS)}</v></c>`;
}

export interface SheetWriter {
  /** Adds one data row (the header row is written by addSheet). Resolves when the compressor can take more. */
  addRow(cells: readonly SheetCell[]): Promise<void>;
  /** Ends the sheet. */
  commit(): Promise<void>;
}

export class XlsxWriter {
  private readonly out;
  private readonly zip;
  private readonly sheets: string[] = [];
  private readonly done: Promise<unknown>;
  private open: PassThrough | null = null;
  private readonly hash = createHash('sha256');
  private size = 0;

  constructor(file: string, level = 6) {
    this.out = createWriteStream(file);
    this.zip = archiver('zip', { zlib: { level } });
    const failed = new Promise<never>((_, reject) => {
      this.zip.on('error', reject);
      this.zip.on('warning', reject);
      this.out.on('error', reject);
    });
    failed.catch(() => undefined); // surfaced by the next write or by finish()
    this.done = failed;
    // The file's digest is taken from the bytes on their way to disk, so it need not be read back.
    this.zip.on('data', (chunk: Buffer) => {
      this.hash.update(chunk);
      this.size += chunk.length;
    });
    this.zip.pipe(this.out);
  }

  /** Starts a sheet with a bold, frozen header row, an autofilter over it and the given column widths. */
  addSheet(title: string, header: readonly SheetCell[], widths: readonly number[]): SheetWriter {
    if (this.open) throw new Error('the previous sheet was not committed');
    const index = this.sheets.push(title);
    const body = new PassThrough();
    this.open = body;
    this.zip.append(body, { name: `xl/worksheets/sheet${index}.xml` });
    const columns = Math.max(1, header.length, widths.length);
    const letters: string[] = [];
    const lettersFor = (n: number) => {
      while (letters.length < n) letters.push(columnName(letters.length));
      return letters;
    };
    lettersFor(columns);
    const lastColumn = letters[columns - 1];
    let pending =
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (widths.length > 0 ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '') +
      '<sheetData>';
    let row = 0;
    const rowXml = (cells: readonly SheetCell[], bold: boolean) => {
      row++;
      const l = lettersFor(cells.length);
      let xml = `<row r="${row}">`;
      for (let i = 0; i < cells.length; i++) xml += cellXml(`${l[i]}${row}`, cells[i], bold);
      return `${xml}</row>`;
    };
    const flush = async () => {
      if (pending.length === 0) return;
      const ok = body.write(pending);
      pending = '';
      if (!ok) await Promise.race([once(body, 'drain'), this.done]);
    };
    pending += rowXml(header, true);
    return {
      addRow: async (cells) => {
        pending += rowXml(cells, false);
        if (pending.length >= FLUSH_AT) await flush();
      },
      commit: async () => {
        pending += `</sheetData><autoFilter ref="A1:${lastColumn}1"/></worksheet>`;
        await flush();
        body.end();
        this.open = null;
      },
    };
  }

  /** Writes the workbook parts, closes the file and returns its size and SHA-256. */
  async finish(): Promise<{ size: number; sha256: string }> {
    if (this.open) throw new Error('the last sheet was not committed');
    const n = this.sheets.length;
    const sheetIds = this.sheets.map((_, i) => i + 1);
    this.zip.append(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        sheetIds
          .map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
          .join('') +
        '</Types>',
      { name: '[Content_Types].xml' },
    );
    this.zip.append(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      { name: '_rels/.rels' },
    );
    this.zip.append(
      `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">` +
        sheetIds.map((i) => `<Relationship Id="rId${i}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
        `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`,
      { name: 'xl/_rels/workbook.xml.rels' },
    );
    this.zip.append(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
        this.sheets.map((title, i) => `<sheet name="${escapeXml(title)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
      { name: 'xl/workbook.xml' },
    );
    this.zip.append(STYLES, { name: 'xl/styles.xml' });
    await Promise.race([this.zip.finalize(), this.done]);
    await Promise.race([once(this.out, 'close'), this.done]);
    return { size: this.size, sha256: this.hash.digest('hex') };
  }

  /** Stops writing and closes the file (after a cancel or a failure); the caller removes it. */
  abort(): void {
    this.open?.destroy();
    this.zip.abort();
    this.out.destroy();
  }
}

/** Two fonts (regular, bold) × four formats (general, text, date, date and time). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="${DATE_FORMAT}"/><numFmt numFmtId="165" formatCode="${DATE_TIME_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="8">${[0, 1]
    .flatMap((font) =>
      FORMAT_IDS.map(
        (fmt) =>
          `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}/>`,
      ),
    )
    .join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
