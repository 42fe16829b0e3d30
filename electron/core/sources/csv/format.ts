import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from '../source';
import { looksLikeHeader } from './column-types';
import { CsvDecoder } from './decoder';
import { detectEncoding, type DetectedEncoding } from './encoding';
import { CsvReader } from './reader';
import { sniffDelimiter } from './sniff';

const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_ROWS = 50;
const PARSE_SLICE = 4096;

export interface CsvTable {
  name: string;
  file: string;
  size: number;
  /** When the file was last written, as listed: a later stat that differs means it changed mid-search. */
  mtimeMs?: number;
}

/**
 * The tables of a CSV source: the file itself, or every .csv/.tsv/.txt file in the folder.
 * Only regular files are opened: opening a FIFO blocks until something writes to it, so a
 * FIFO (or socket, or device) named like an export would hang the search. Symlinks are
 * followed; one that loops or dangles is reported through `problem`, never skipped silently.
 */
export async function listCsvTables(sourcePath: string, problem: (message: string) => void = () => {}): Promise<CsvTable[]> {
  let info;
  try {
    info = await stat(sourcePath);
  } catch {
    throw new SourceError(`The CSV path ${sourcePath} does not exist or cannot be read. Check the source's "path".`);
  }
  if (!info.isDirectory() && !info.isFile()) {
    throw new SourceError(`The CSV path ${sourcePath} is not a regular file or folder (a pipe, socket or device?); it was not read.`);
  }
  const files: Array<{ file: string; size: number; mtimeMs: number }> = [];
  if (info.isDirectory()) {
    const entries = (await readdir(sourcePath, { withFileTypes: true })).filter((e) => /\.(csv|tsv|txt)$/i.test(e.name));
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = path.join(sourcePath, e.name);
      let entry;
      try {
        entry = e.isFile() ? null : await stat(file);
      } catch (err) {
        problem(`${e.name} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}: a broken or looping link?); it was not searched.`);
        continue;
      }
      if (entry && !entry.isFile()) {
        problem(`${e.name} is not a regular file (a folder, pipe or device); it was not searched.`);
        continue;
      }
      const { size, mtimeMs } = entry ?? (await stat(file));
      files.push({ file, size, mtimeMs });
    }
  } else {
    files.push({ file: sourcePath, size: info.size, mtimeMs: info.mtimeMs });
  }
  return files.map(({ file, size, mtimeMs }) => ({ name: path.basename(file).replace(/\.(csv|tsv|txt)$/i, ''), file, size, mtimeMs }));
}

export interface CsvFormat extends DetectedEncoding {
  delimiter: string;
  /** Whether the first row names the columns (detected unless the workspace says). */
  header: boolean;
  /** The file holds binary data rather than text (a renamed spreadsheet or archive). */
  binary: boolean;
  /** The first rows as parsed, for header detection and the preview. */
  sample: string[][];
}

/** Reads the start of a file to find its encoding, delimiter and whether it has a header. */
export async function detectCsvFormat(file: string, header?: boolean): Promise<CsvFormat> {
  const handle = await open(file, 'r');
  let sample: Uint8Array;
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SAMPLE_BYTES, 0);
    sample = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const enc = detectEncoding(sample);
  const text = new CsvDecoder(enc.encoding).decode(sample.subarray(enc.bomLength));
  const binary = looksBinary(text);
  const delimiter = sniffDelimiter(text);
  const reader = new CsvReader(delimiter);
  // Only the first rows are wanted, so the sample is parsed a slice at a time until they are
  // complete: parsing all 64 KB (some 400 rows of a customer export) held the search thread
  // for 10–30 ms per file as it started. The last row of the sample may be cut off, so it is
  // never taken from a sample that ends mid-row.
  const rows: string[][] = [];
  for (let at = 0; at < text.length && rows.length < SAMPLE_ROWS; at += PARSE_SLICE) {
    for (const r of reader.push(text.slice(at, at + PARSE_SLICE))) rows.push(r.fields);
  }
  rows.length = Math.min(rows.length, SAMPLE_ROWS);
  if (rows.length === 0 && sample.length < SAMPLE_BYTES) rows.push(...reader.end().map((r) => r.fields));
  return { ...enc, delimiter, binary, header: header ?? looksLikeHeader(rows.slice(0, 20)), sample: rows };
}

/** More than one in a hundred characters is a control character that text never holds. */
function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  return control / text.length > 0.01;
}

/** Control characters in a field (NUL, bell, ...): a sign of binary garbage in a text file. */
export function hasControlCharacters(fields: readonly string[]): boolean {
  return fields.some((f) => /[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(f));
}
