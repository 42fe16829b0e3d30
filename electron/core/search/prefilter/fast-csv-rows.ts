import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import type { Subject } from '../../../../shared/subject';
import type { PrefilterTerms } from '../../match/prefilter';
import { columnNames } from '../../sources/csv/header';
import { textDecoder } from '../../text/windows-1252';
import { CsvReader, MAX_FIELD_CHARS, type CsvRow } from '../../sources/csv/reader';
import { ScanPool } from '../workers/scan-pool';
import { bytePatterns, type ByteEncoding } from './byte-patterns';
import { scanCsvRange, type CsvScanJob, type CsvScanResult } from './csv-scan';
import { rangeIsUtf8 } from './file-ranges';

/** A row with its 0-based position among the file's non-empty rows (0 is the header). */
export interface IndexedRow extends CsvRow {
  index: number;
}

export interface FastCsvInput {
  file: string;
  fileSize: number;
  /** Bytes of byte-order mark before the first record. */
  start: number;
  encoding: string;
  delimiter: string;
  terms: PrefilterTerms;
  /** Lets the raw pass run the matcher on candidates and return only possible hits (candidate-match.ts). */
  match?: { subject: Subject; header: boolean; exclude: readonly string[] };
  signal: AbortSignal;
  onBytes?: (bytesDone: number) => void;
  /** Non-empty rows (header included) found so far, skipped ones included. */
  onRows?: (rows: number) => void;
  /** Smaller sizes let tests put segment and block borders inside records. */
  tuning?: { blockBytes?: number; segmentBytes?: number; workerThreshold?: number; maxCandidateBytes?: number };
}

/** Below this a file is scanned in-process: starting workers would cost more than it saves. */
const WORKER_THRESHOLD = 16 << 20;
/**
 * Bytes per scan job. Small enough that the last jobs of a file keep both workers busy (with
 * 32 MB, a 156 MB file was five jobs on two workers, one of them alone at the end), large
 * enough that a job's fixed cost (opening the file, compiling its expressions) is noise.
 */
const SEGMENT_BYTES = 8 << 20;
/**
 * A file below the worker threshold is scanned on the search thread, one segment per turn of
 * its event loop: as one segment, a 16 MB file held the thread for 50 ms or more.
 */
const IN_PROCESS_SEGMENT_BYTES = 1 << 20;
/** The header is scanned on its own, on the search thread, in a block this size (grown if the header is longer). */
const HEADER_BLOCK_BYTES = 4096;

/** True when the raw pass can reproduce the reader exactly for this encoding and delimiter. */
export function fastCsvSupported(encoding: string, delimiter: string): boolean {
  return (encoding === 'utf8' || encoding === 'windows-1252') && delimiter.length === 1 && delimiter.charCodeAt(0) < 0x80 && !'"\r\n'.includes(delimiter);
}

/**
 * The rows of a CSV file the matcher could accept (plus the header and every row the reader
 * has a problem with), each with the record number and line it would have on the simple
 * path. Segments of the file are scanned by worker threads; a segment's start is a guess (the
 * first line break after an offset) that is checked against where the previous segment really
 * ended, and rescanned from there when a quoted line break fooled it. If the raw pass cannot
 * be exact (a record longer than the reader would keep whole), the rest of the file is read
 * with the reader itself from the last certain record boundary.
 *
 * Returns null, before reading any row, when the fast path would not be exact for this file:
 * an encoding it does not handle, or a "UTF-8" file with an invalid byte (the source switches
 * decoders at that byte and reports it; only its own reader does that).
 */
export async function openFastCsvRows(input: FastCsvInput): Promise<AsyncGenerator<IndexedRow[]> | null> {
  if (!fastCsvSupported(input.encoding, input.delimiter)) return null;
  const big = input.fileSize - input.start > (input.tuning?.workerThreshold ?? WORKER_THRESHOLD);
  const pool = big ? new ScanPool() : null;
  try {
    // The workers load while the search thread checks the encoding.
    if (input.encoding === 'utf8' && !(await rangeIsUtf8(input.file, input.start, input.fileSize))) {
      await pool?.close();
      return null;
    }
    const segments = planSegments(input, input.tuning?.segmentBytes ?? (big ? SEGMENT_BYTES : IN_PROCESS_SEGMENT_BYTES));
    return rows(input, segments, pool);
  } catch (err) {
    await pool?.close();
    throw err;
  }
}

interface Segment {
  start: number;
  stop: number;
}

/** Byte ranges starting just after a line feed (the first at the file's first record). */
function planSegments(input: FastCsvInput, step: number): Segment[] {
  const starts = [input.start];
  const fd = openSync(input.file, 'r');
  try {
    // One handle and a small buffer: a 5 GB file has 600 segments, planned before the scan starts.
    const buf = Buffer.allocUnsafe(4096);
    for (let s = input.start + step; s < input.fileSize; s += step) {
      const at = alignedStart(fd, buf, s, input.fileSize);
      if (at > starts[starts.length - 1] && at < input.fileSize) starts.push(at);
    }
  } finally {
    closeSync(fd);
  }
  return starts.map((start, i) => ({ start, stop: starts[i + 1] ?? input.fileSize }));
}

async function* rows(input: FastCsvInput, segments: Segment[], pool: ScanPool | null): AsyncGenerator<IndexedRow[]> {
  const encoding = input.encoding as ByteEncoding;
  const patterns = bytePatterns(input.terms, encoding);
  const decoder = textDecoder(input.encoding);
  let base: Omit<CsvScanJob, 'start' | 'stop' | 'expectedFields'> = {
    file: input.file,
    fileSize: input.fileSize,
    delimiter: input.delimiter.charCodeAt(0),
    text: patterns.text,
    digits: patterns.digits,
    maxRecordBytes: MAX_FIELD_CHARS,
    ...(input.tuning?.blockBytes ? { blockBytes: input.tuning.blockBytes } : {}),
    ...(input.tuning?.maxCandidateBytes ? { maxCandidateBytes: input.tuning.maxCandidateBytes } : {}),
  };
  // In-process, each segment is scanned in its own turn of the event loop.
  const run = (job: CsvScanJob): Promise<CsvScanResult> => (pool ? pool.run(job) : setImmediate().then(() => scanCsvRange(job)));
  try {
    // The header alone first: every other segment needs its field count.
    let row = 0;
    let breaks = 0;
    let at = input.start;
    let headerFields = -1;
    while (row === 0 && at < input.fileSize) {
      // On the search thread, so a small block: the scan marks terms over all of it, and a
      // 64 KB one cost 10–20 ms there. A header longer than the block makes it grow.
      const head = scanCsvRange({ ...base, start: at, stop: at + 1, expectedFields: -1, blockBytes: base.blockBytes ?? HEADER_BLOCK_BYTES });
      if (head.fallback !== undefined) {
        yield* readerRows(input, at, row, breaks);
        return;
      }
      const headRows = toRows(head.candidates, head.bytes, row, breaks, decoder, input.delimiter);
      yield headRows;
      headerFields = head.firstRowFields;
      if (input.match && headRows.length > 0 && headRows[0].index === 0) {
        const { subject, header, exclude } = input.match;
        const columns = columnNames(headRows[0].fields, header);
        base = { ...base, match: { subject, columns, exclude: [...exclude], encoding: input.encoding, delimiter: input.delimiter } };
      }
      row += head.rows;
      breaks += head.breaks;
      at = head.end;
    }
    input.onBytes?.(at);
    input.onRows?.(row);
    const job = (seg: Segment, start: number): CsvScanJob => ({ ...base, start, stop: seg.stop, expectedFields: headerFields });
    // Back-pressure: at most two segments per worker are in flight ahead of the consumer.
    const ahead = (pool?.parallel ?? 1) * 2;
    const inFlight: Array<{ start: number; result: Promise<CsvScanResult> }> = [];
    let next = 0;
    const launch = () => {
      while (next < segments.length && inFlight.length < ahead) {
        // The first segment starts where the header ended; the others at their guess.
        const start = next === 0 ? at : segments[next].start;
        inFlight.push({ start, result: start >= segments[next].stop ? Promise.resolve(emptyResult(start)) : run(job(segments[next], start)) });
        next++;
      }
    };
    launch();
    for (let k = 0; k < segments.length; k++) {
      if (input.signal.aborted) return;
      const flight = inFlight.shift()!;
      let result = await flight.result;
      launch();
      if (result.fallback === undefined && flight.start !== at) {
        // The guess was inside a quoted field (or missed a lone CR): rescan from the true boundary.
        result = at >= segments[k].stop ? emptyResult(at) : await run(job(segments[k], at));
      }
      for (;;) {
        if (result.fallback !== undefined) {
          yield* readerRows(input, at, row, breaks);
          return;
        }
        yield* toRowsInSlices(result, row, breaks, decoder, input.delimiter);
        row += result.rows;
        breaks += result.breaks;
        at = result.end;
        input.onBytes?.(at);
        input.onRows?.(row);
        // A scan that stopped early (too many candidates held) resumes where it stopped.
        if (at >= segments[k].stop || at >= input.fileSize || input.signal.aborted) break;
        result = await run(job(segments[k], at));
      }
    }
  } finally {
    await pool?.close();
  }
}

/** Candidates parsed per slice: the consumer gives the event loop a turn between slices (see breather.ts). */
const SLICE_ROWS = 16;

/**
 * A segment can hold thousands of candidates. They are parsed a slice at a time, as the
 * consumer asks for them, so no one step holds the search thread for long.
 */
function* toRowsInSlices(result: CsvScanResult, rowBase: number, breakBase: number, decoder: { decode(bytes: Uint8Array): string }, delimiter: string): Generator<IndexedRow[]> {
  for (let i = 0; i < result.candidates.length; i += SLICE_ROWS) {
    yield toRows(result.candidates.slice(i, i + SLICE_ROWS), result.bytes, rowBase, breakBase, decoder, delimiter);
  }
}

function emptyResult(at: number): CsvScanResult {
  return { end: at, rows: 0, breaks: 0, firstRowFields: -1, candidates: [], bytes: new Uint8Array(0) };
}

/** The offset just after the first line feed at or after `from - 1`, or `stop` if there is none before it. */
function alignedStart(fd: number, buf: Buffer, from: number, stop: number): number {
  for (let pos = Math.max(0, from - 1); pos < stop; pos += buf.length) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, stop - pos), pos);
    if (n <= 0) break;
    const lf = buf.subarray(0, n).indexOf(10);
    if (lf >= 0) return Math.min(stop, pos + lf + 1);
  }
  return stop;
}

/** Parses each candidate record with the reader itself, started at the record's own line. */
function toRows(
  candidates: CsvScanResult['candidates'],
  bytes: Uint8Array,
  rowBase: number,
  breakBase: number,
  decoder: { decode(bytes: Uint8Array): string },
  delimiter: string,
): IndexedRow[] {
  const out: IndexedRow[] = [];
  for (const c of candidates) {
    const text = decoder.decode(bytes.subarray(c.offset, c.offset + c.length));
    const reader = new CsvReader(delimiter, 1 + breakBase + c.breaks);
    const rows = [...reader.push(text), ...reader.end()];
    if (rows.length !== 1) throw new Error(`internal: a candidate record parsed as ${rows.length} rows`);
    out.push({ ...rows[0], index: rowBase + c.row });
  }
  return out;
}

/** The simple path from a known record boundary on: every row, read by the reader. */
async function* readerRows(input: FastCsvInput, from: number, rowBase: number, breakBase: number): AsyncGenerator<IndexedRow[]> {
  const reader = new CsvReader(input.delimiter, 1 + breakBase);
  const decoder = textDecoder(input.encoding);
  let index = rowBase;
  const tag = (rows: CsvRow[]): IndexedRow[] => {
    const out = rows.map((r) => ({ ...r, index: index++ }));
    input.onRows?.(index);
    return out;
  };
  let bytes = from;
  for await (const chunk of createReadStream(input.file, { start: from, highWaterMark: 256 * 1024, signal: input.signal }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    input.onBytes?.(bytes);
    yield tag(reader.push(decoder.decode(chunk, { stream: true })));
  }
  yield tag([...reader.push(decoder.decode()), ...reader.end()]);
}
