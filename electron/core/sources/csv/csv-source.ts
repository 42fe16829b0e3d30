import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SourceConfig } from '../../../../shared/workspace';
import type { PreparedSubject } from '../../match/prepare';
import { SourceError, type ScanContext, type Source, type SourceRecord } from '../source';
import { detectEncoding, type DetectedEncoding } from './encoding';
import { headerNames } from './header';
import { CsvReader } from './reader';
import { sniffDelimiter } from './sniff';

type CsvConfig = Extract<SourceConfig, { kind: 'csv' }>;

const SAMPLE_BYTES = 64 * 1024;

export interface CsvTable {
  name: string;
  file: string;
  size: number;
}

/** The tables of a CSV source: the file itself, or every `.csv` file in the folder. */
export async function listCsvTables(sourcePath: string): Promise<CsvTable[]> {
  let info;
  try {
    info = await stat(sourcePath);
  } catch {
    throw new SourceError(`The CSV path ${sourcePath} does not exist or cannot be read. Check the source's "path".`);
  }
  const files = info.isDirectory()
    ? (await readdir(sourcePath, { withFileTypes: true }))
        .filter((e) => e.isFile() && /\.(csv|tsv|txt)$/i.test(e.name))
        .map((e) => path.join(sourcePath, e.name))
        .sort()
    : [sourcePath];
  return Promise.all(
    files.map(async (file) => ({
      name: path.basename(file).replace(/\.(csv|tsv|txt)$/i, ''),
      file,
      size: (await stat(file)).size,
    })),
  );
}

export interface CsvFormat extends DetectedEncoding {
  delimiter: string;
}

/** Reads the start of a file to find its encoding and delimiter. */
export async function detectCsvFormat(file: string): Promise<CsvFormat> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SAMPLE_BYTES, 0);
    const sample = buf.subarray(0, bytesRead);
    const enc = detectEncoding(sample);
    const text = new TextDecoder(enc.encoding).decode(sample.subarray(enc.bomLength));
    return { ...enc, delimiter: sniffDelimiter(text) };
  } finally {
    await handle.close();
  }
}

export class CsvSource implements Source {
  constructor(readonly config: CsvConfig) {}

  async *scan(_subject: PreparedSubject, ctx: ScanContext): AsyncIterable<SourceRecord> {
    const tables = await listCsvTables(this.config.path);
    const bytesTotal = tables.reduce((sum, t) => sum + t.size, 0);
    let bytesBefore = 0;
    let scanned = 0;
    for (const table of tables) {
      let bytesInFile = 0;
      for await (const rec of readTable(table, ctx, (b) => (bytesInFile = b))) {
        scanned++;
        if (scanned % 1000 === 0) ctx.onProgress({ scanned, bytesDone: bytesBefore + bytesInFile, bytesTotal });
        yield rec;
      }
      bytesBefore += table.size;
      ctx.onProgress({ scanned, bytesDone: bytesBefore, bytesTotal });
    }
  }

  async close(): Promise<void> {}
}

const MAX_PROBLEMS_PER_TABLE = 20;

async function* readTable(
  table: CsvTable,
  ctx: ScanContext,
  onBytes: (bytes: number) => void,
): AsyncIterable<SourceRecord> {
  if (table.size === 0) return;
  const format = await detectCsvFormat(table.file);
  const decoder = new TextDecoder(format.encoding);
  const reader = new CsvReader(format.delimiter);
  let header: string[] | null = null;
  let record = 0;
  let problems = 0;
  const note = (msg: string) => {
    problems++;
    if (problems <= MAX_PROBLEMS_PER_TABLE) ctx.problem(`${table.name}: ${msg}`);
    else if (problems === MAX_PROBLEMS_PER_TABLE + 1) ctx.problem(`${table.name}: more problems were found and not listed`);
  };
  let bytes = 0;
  const stream = createReadStream(table.file, { start: format.bomLength, highWaterMark: 256 * 1024, signal: ctx.signal });
  const toRecords = function* (rows: ReturnType<CsvReader['push']>): Generator<SourceRecord> {
    for (const row of rows) {
      if (row.problem) note(`line ${row.line}: ${row.problem}`);
      if (header === null) {
        header = headerNames(row.fields);
        continue;
      }
      record++;
      if (row.fields.length !== header.length) {
        note(`line ${row.line}: ${row.fields.length} fields where the header has ${header.length}`);
      }
      const fields: Record<string, string> = {};
      row.fields.forEach((value, i) => {
        fields[header![i] ?? `column_${i + 1}`] = value;
      });
      yield { location: { table: table.name, record, line: row.line }, fields };
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onBytes(bytes);
    yield* toRecords(reader.push(decoder.decode(chunk, { stream: true })));
  }
  yield* toRecords(reader.push(decoder.decode()));
  yield* toRecords(reader.end());
}
