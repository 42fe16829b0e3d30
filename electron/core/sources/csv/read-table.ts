import { createReadStream } from 'node:fs';
import type { SourceRecord } from '../source';
import { CsvDecoder } from './decoder';
import { hasControlCharacters, type CsvFormat, type CsvTable } from './format';
import { columnNames, rowFields } from './header';
import { CsvReader, type CsvRow } from './reader';
import type { PrefilterTerms } from '../../match/prefilter';
import type { Subject } from '../../../../shared/subject';
import { fastPathsEnabled } from '../../search/prefilter/fast-path-switch';
import { openFastCsvRows, type IndexedRow } from '../../search/prefilter/fast-csv-rows';

export interface ReadOptions {
  signal: AbortSignal;
  /** Problems worth telling the DPO (malformed lines); left out when only following links. */
  problem?: (message: string) => void;
  onBytes?: (bytes: number) => void;
  /** Columns (by header name) never to read into a record. */
  excludeColumns?: ReadonlySet<string>;
  /** When given, only rows that may hold these terms (and rows with problems) are read in full (search/prefilter). */
  prefilter?: PrefilterTerms;
  /** How many records the table has been found to hold so far, skipped ones included. */
  onRecords?: (records: number) => void;
  /**
   * The person searched for, with `prefilter`: the raw pass may then leave out rows the
   * matcher rejects, so only possible hits (and rows with problems) come back as records.
   */
  subject?: Subject;
}

const MAX_PROBLEMS_PER_TABLE = 20;

/**
 * Streams one CSV file as records. Memory stays flat whatever the file size: the file is
 * read in 256 KiB chunks, and the reader holds only the row being parsed. Every record cites
 * the physical line it starts on; malformed rows are still returned, with a problem.
 */
export async function* readTable(table: CsvTable, format: CsvFormat, options: ReadOptions): AsyncIterable<SourceRecord> {
  if (table.size === 0) return;
  const decoder = new CsvDecoder(format.encoding);
  const reader = new CsvReader(format.delimiter);
  const exclude = options.excludeColumns ?? new Set<string>();
  let header: string[] | null = null;
  let record = 0;
  let problems = 0;
  const note = (msg: string) => {
    problems++;
    if (problems <= MAX_PROBLEMS_PER_TABLE) options.problem?.(`${table.name}: ${msg}`);
    else if (problems === MAX_PROBLEMS_PER_TABLE + 1) options.problem?.(`${table.name}: more problems were found and not listed`);
  };
  let width = 0;
  const toRecords = function* (rows: Array<CsvRow | IndexedRow>): Generator<SourceRecord> {
    for (const row of rows) {
      if (row.problem) note(`line ${row.line}: ${row.problem}`);
      if (header === null) {
        width = row.fields.length;
        header = columnNames(row.fields, format.header);
        if (format.header) continue;
      }
      // A fast-path row knows its position: the rows skipped before it still count.
      record = 'index' in row ? row.index + (format.header ? 0 : 1) : record + 1;
      if (row.fields.length !== width) {
        note(`line ${row.line}: ${row.fields.length} fields where the ${format.header ? 'header' : 'first row'} has ${width}`);
      }
      if (hasControlCharacters(row.fields)) note(`line ${row.line}: binary data (control characters) in the row; it was read as text`);
      const fields = rowFields(row.fields, header, exclude);
      yield { location: { table: table.name, record, line: row.line }, fields };
    }
  };
  const fast = options.prefilter && fastPathsEnabled()
    ? await openFastCsvRows({
        file: table.file,
        fileSize: table.size,
        start: format.bomLength,
        encoding: format.encoding,
        delimiter: format.delimiter,
        terms: options.prefilter,
        ...(options.subject ? { match: { subject: options.subject, header: format.header, exclude: [...exclude] } } : {}),
        signal: options.signal,
        onBytes: (b) => options.onBytes?.(b - format.bomLength),
        onRows: (n) => options.onRecords?.(Math.max(0, format.header ? n - 1 : n)),
      })
    : null;
  if (fast) {
    for await (const rows of fast) yield* toRecords(rows);
    return;
  }
  let bytes = 0;
  let switchNoted = false;
  const noteSwitch = () => {
    if (switchNoted || !decoder.switched) return;
    switchNoted = true;
    if (decoder.switched.mixed) {
      note(
        `the file mixes UTF-8 and Windows-1252: from byte ${decoder.switched.byte} on it was read as Windows-1252 ` +
          `(around line ${reader.currentLine}). Check special letters (æ ø å) in the rows after that.`,
      );
    }
  };
  const stream = createReadStream(table.file, { start: format.bomLength, highWaterMark: 256 * 1024, signal: options.signal });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    options.onBytes?.(bytes);
    const text = decoder.decode(chunk);
    noteSwitch();
    yield* toRecords(reader.push(text));
  }
  const rest = decoder.end();
  noteSwitch();
  yield* toRecords(reader.push(rest));
  yield* toRecords(reader.end());
}
