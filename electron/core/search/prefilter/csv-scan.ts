import { closeSync, openSync } from 'node:fs';
import { readFully } from './file-ranges';
import { CandidateFilter, type CandidateMatch } from './candidate-match';
import { nativeScan, type NativeScan } from './native-scan';
import { digitCounts, digitTerm, markDigitTerms, markText, recordAt, textRegex, type DigitTerm } from './term-search';

/**
 * The raw pass of the CSV fast path over one byte range of a file (run in a worker). It
 * follows record boundaries with the same quote rules as csv/reader.ts, counts rows and
 * physical lines, and returns only the records that must be parsed in full:
 *   - the header (the first row, when the job starts at the file's first record),
 *   - records whose bytes hold a text pattern, or whose digits hold a digit term (and, when the
 *     job carries the subject, that the matcher accepts),
 *   - records the reader would report a problem for (field count differs from the header,
 *     text after a closing quote, an unclosed quote at the end), so problems are reported
 *     exactly as on the simple path.
 * Everything else is counted and skipped without being decoded.
 */
export interface CsvScanJob {
  file: string;
  /** A record boundary (true, or assumed by a speculative worker). */
  start: number;
  /** Scan the records that start before this offset; the last one may end after it. */
  stop: number;
  fileSize: number;
  delimiter: number;
  /** Text terms as one expression over the block's Latin-1 view (byte-patterns.ts); null for none. */
  text: string | null;
  digits: string[];
  /** Field count of the header; -1 when this job starts at the header. */
  expectedFields: number;
  /** A record longer than this could hold a field the reader cuts off: give up on the fast path. */
  maxRecordBytes: number;
  blockBytes?: number;
  /** Stop early (at a record boundary before `stop`) once this many candidate bytes are held. */
  maxCandidateBytes?: number;
  /** When given, a record that only holds a term is returned only if the matcher accepts it (candidate-match.ts). */
  match?: CandidateMatch;
}

export interface CsvScanCandidate {
  /** 0-based among the non-empty rows of this job. */
  row: number;
  /** Line breaks between the job's start and the row's start. */
  breaks: number;
  /** Where the record's bytes are in `bytes`. */
  offset: number;
  length: number;
}

export interface CsvScanResult {
  /** The record boundary where the job stopped (≥ stop unless the file ended). */
  end: number;
  rows: number;
  breaks: number;
  firstRowFields: number;
  candidates: CsvScanCandidate[];
  bytes: Uint8Array;
  /** Set when the fast path cannot be exact for this file; the caller reads it the simple way. */
  fallback?: string;
}

/**
 * Bytes read and searched at a time. Each block becomes a Latin-1 string; at 64 KB it stays
 * in V8's young generation and dies there cheaply. At 2 MB (three strings per block then)
 * they were large objects in the old generation, and the 48 MB worker heap spent about a
 * third of its time in full collections (1 M-row bench: 4.6 s → 3.0 s in one profile).
 */
const BLOCK_BYTES = 64 << 10;
const QUOTE = 34;
const CR = 13;
const LF = 10;
/** The control characters the CSV source reports as binary data in a row (csv/format.ts). */
const CONTROL_BYTES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // a quote inside quotes: closing, or the first of an escaped pair

export function scanCsvRange(job: CsvScanJob): CsvScanResult {
  const fd = openSync(job.file, 'r');
  try {
    return new RangeScanner(fd, job).run();
  } finally {
    closeSync(fd);
  }
}

class RangeScanner {
  private buf: Buffer;
  private starts = new Int32Array(4096);
  private ends = new Int32Array(4096);
  private flags = new Uint8Array(4096);
  private rowBreaks = new Float64Array(4096);
  /** Line breaks before each record within the block, as the C pass reports them. */
  private before = new Int32Array(4096);
  private readonly native: NativeScan | null = nativeScan();
  /** Digit terms as bytes for the C search, with the digit each is searched from. */
  private nativeDigits: Array<{ term: Uint8Array; anchor: number }> | null = null;
  private marks = new Int32Array(1024);
  private got = 0;
  private readonly text: RegExp | null;
  private readonly filter: CandidateFilter | null;
  /** Chosen from the first block's digits (term-search.ts). */
  private digitTerms: DigitTerm[] | null = null;
  private str = '';
  private simple: RegExp | undefined;
  /** 1 for the bytes the record structure depends on (delimiter, quote, CR, LF), else 0. */
  private readonly special = new Uint8Array(256);
  private readonly out: Buffer[] = [];
  private outBytes = 0;
  private readonly candidates: CsvScanCandidate[] = [];
  private expected: number;
  private firstRowFields = -1;
  private rows = 0;
  private breaks = 0;
  private pos: number;

  constructor(
    private readonly fd: number,
    private readonly job: CsvScanJob,
  ) {
    this.buf = Buffer.allocUnsafe(job.blockBytes ?? BLOCK_BYTES);
    this.text = textRegex(job.text);
    this.filter = job.match ? new CandidateFilter(job.match) : null;
    for (const b of [job.delimiter, QUOTE, CR, LF]) this.special[b] = 1;
    for (const b of CONTROL_BYTES) if (b !== job.delimiter) this.special[b] = 2;
    this.expected = job.expectedFields;
    this.pos = job.start;
  }

  run(): CsvScanResult {
    const { job } = this;
    while (this.pos < job.stop && this.pos < job.fileSize) {
      const got = readFully(this.fd, this.buf, Math.min(this.buf.length, job.fileSize - this.pos), this.pos);
      const atEof = this.pos + got >= job.fileSize;
      const { count, complete, breaks } = this.block(got, atEof);
      if (complete === 0) {
        // One record larger than the block: read a bigger block from the same place.
        if (this.buf.length >= job.maxRecordBytes) return this.giveUp('a record is too long to scan ahead');
        this.buf = Buffer.allocUnsafe(this.buf.length * 2);
        continue;
      }
      this.markTerms(count);
      this.collect(count);
      this.rows += count;
      this.breaks += breaks;
      this.pos += complete;
      // Memory stays bounded when most records are candidates: hand back what we have, the caller resumes here.
      if (this.outBytes >= (job.maxCandidateBytes ?? 4 << 20)) break;
    }
    const bytes = Buffer.concat(this.out, this.outBytes);
    return { end: Math.min(this.pos, job.fileSize), rows: this.rows, breaks: this.breaks, firstRowFields: this.firstRowFields, candidates: this.candidates, bytes };
  }

  /**
   * Finds the records of one block. Lines that are plainly one record (no quote, no lone CR,
   * exactly the header's number of fields) are taken by a sticky regular expression, one
   * native match per line; any other line (a quote, an empty line, the wrong field count,
   * the header itself) goes through the byte-by-byte state machine of the reader's rules.
   */
  private block(got: number, atEof: boolean): { count: number; complete: number; breaks: number } {
    this.got = got;
    // The C pass needs the header's field count, so the header itself is found here.
    if (this.native && this.expected >= 0) return this.nativeBlock(this.native, got, atEof);
    const str = this.buf.toString("latin1", 0, got);
    this.str = str;
    const stop = this.job.stop - this.pos;
    let i = 0;
    let count = 0;
    let breaks = 0;
    while (i < got && i < stop) {
      const simple = this.simpleLine();
      if (simple) {
        simple.lastIndex = i;
        while (i < stop && simple.test(str)) {
          const next = simple.lastIndex;
          this.endRecord(count++, i, str.charCodeAt(next - 2) === CR ? next - 2 : next - 1, this.expected, false, this.breaks + breaks);
          breaks++;
          i = next;
        }
        if (i >= got || i >= stop) break;
      }
      const r = this.oneRecord(i, got, atEof);
      if (r === null) break; // continues in the next block
      if (r.end > i) this.endRecord(count++, i, r.end, r.fields, r.odd, this.breaks + breaks);
      breaks += r.breaks;
      i = r.next;
    }
    return { count, complete: i, breaks };
  }

  /** block(), in C: the same records, flags and line counts (native/csv-scan/src/csv_scan.c). */
  private nativeBlock(native: NativeScan, got: number, atEof: boolean): { count: number; complete: number; breaks: number } {
    const [count, complete, breaks, firstFields] = native.scanRecords(
      this.buf,
      got,
      this.job.stop - this.pos,
      atEof,
      this.job.delimiter,
      this.expected,
      this.starts,
      this.ends,
      this.flags,
      this.before,
    );
    for (let r = 0; r < count; r++) this.rowBreaks[r] = this.breaks + this.before[r];
    if (this.rows === 0 && count > 0) this.firstRowFields = firstFields;
    // The text patterns are a regular expression over the block's Latin-1 view.
    this.str = this.text !== null ? this.buf.toString('latin1', 0, got) : '';
    return { count, complete, breaks };
  }

  /** The reader's rules, byte by byte, for one record starting at `i`; null if the block ends first. */
  private oneRecord(i: number, got: number, atEof: boolean): { end: number; next: number; fields: number; odd: boolean; breaks: number } | null {
    const { buf, special } = this;
    const delim = this.job.delimiter;
    let state = FIELD_START;
    let fields = 1;
    let odd = false;
    let breaks = 0;
    for (let k = i; k < got; k++) {
      const c = buf[k];
      const kind = special[c];
      if (kind !== 1) {
        if (kind === 2) odd = true; // a control character: the source reports the row
        if (state === FIELD_START) state = UNQUOTED;
        else if (state === QUOTE_IN_QUOTED) {
          state = UNQUOTED;
          odd = true; // the reader reports text after a closing quote
        }
        continue;
      }
      if (state === QUOTED) {
        if (c === QUOTE) state = QUOTE_IN_QUOTED;
        else if (c === CR || (c === LF && (k === 0 || buf[k - 1] !== CR))) breaks++; // CRLF is one line break
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        if (c === QUOTE) {
          state = QUOTED;
          continue;
        }
        state = UNQUOTED;
      }
      if (c === delim) {
        fields++;
        state = FIELD_START;
      } else if (c === CR || c === LF) {
        let next = k + 1;
        if (c === CR) {
          if (next >= got && !atEof) return null; // CRLF split by the block end
          if (next < got && buf[next] === LF) next++;
        }
        return { end: k, next, fields, odd, breaks: breaks + 1 };
      } else if (state === FIELD_START) {
        state = c === QUOTE ? QUOTED : UNQUOTED;
      }
    }
    if (!atEof) return null;
    return { end: got, next: got, fields, odd: odd || state === QUOTED, breaks };
  }

  /** A sticky expression for one plain line with the header's field count (once that is known). */
  private simpleLine(): RegExp | null {
    if (this.simple !== undefined || this.expected < 0) return this.simple ?? null;
    const d = String.fromCharCode(this.job.delimiter);
    const inClass = d.replace(/[\\\]^-]/g, '\\$&');
    const literal = d.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const field = `[^${inClass}\\r\\n"\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]`;
    const body = this.expected === 1 ? `${field}+` : `(?:${field}*${literal}){${this.expected - 1}}${field}*`;
    this.simple = new RegExp(`${body}\\r?\\n`, 'y');
    return this.simple;
  }

  private endRecord(r: number, start: number, end: number, fields: number, odd: boolean, breaksBefore: number): void {
    if (r + 1 >= this.starts.length) this.grow();
    const first = this.rows + r === 0;
    if (first) this.firstRowFields = fields;
    const header = first && this.expected < 0;
    if (this.expected < 0) this.expected = fields;
    this.starts[r] = start;
    this.ends[r] = end;
    this.flags[r] = header || odd || fields !== this.expected ? 1 : 0;
    this.rowBreaks[r] = breaksBefore;
  }

  /** Marks the records that hold a text pattern or a digit term (bit 2). */
  private markTerms(count: number): void {
    const { text, job } = this;
    if (count === 0 || (text === null && job.digits.length === 0)) return;
    const { starts, ends, flags } = this;
    const mark = (pos: number) => {
      const r = recordAt(starts, count, pos);
      if (r >= 0 && pos < ends[r]) flags[r] |= 2;
    };
    if (text !== null) markText(this.str, text, mark);
    if (job.digits.length > 0) {
      if (this.digitTerms === null) {
        const counts = digitCounts(this.buf.toString('latin1', 0, this.got));
        this.digitTerms = job.digits.map((d) => digitTerm(d, counts));
        this.nativeDigits = this.digitTerms.map((t) => ({ term: Buffer.from(t.digits, 'latin1'), anchor: t.anchor }));
      }
      if (this.native && this.nativeDigits) this.markDigitsNative(this.native, this.nativeDigits, mark);
      else markDigitTerms(this.str, this.digitTerms, mark);
    }
  }

  private markDigitsNative(native: NativeScan, terms: ReadonlyArray<{ term: Uint8Array; anchor: number }>, mark: (pos: number) => void): void {
    for (const { term, anchor } of terms) {
      let n = native.findDigits(this.buf, this.got, term, anchor, this.marks);
      while (n < 0) {
        this.marks = new Int32Array(this.marks.length * 2);
        n = native.findDigits(this.buf, this.got, term, anchor, this.marks);
      }
      for (let k = 0; k < n; k++) mark(this.marks[k]);
    }
  }

  private collect(count: number): void {
    for (let r = 0; r < count; r++) {
      const flag = this.flags[r];
      if (flag === 0) continue;
      const record = this.buf.subarray(this.starts[r], this.ends[r]);
      if (flag === 2 && this.filter && !this.filter.keeps(record)) continue;
      const len = record.length;
      this.out.push(Buffer.from(record));
      this.candidates.push({ row: this.rows + r, breaks: this.rowBreaks[r], offset: this.outBytes, length: len });
      this.outBytes += len;
    }
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
    this.starts = copy(this.starts, new Int32Array(n));
    this.ends = copy(this.ends, new Int32Array(n));
    this.flags = copy(this.flags, new Uint8Array(n));
    this.rowBreaks = copy(this.rowBreaks, new Float64Array(n));
    this.before = copy(this.before, new Int32Array(n));
  }

  private giveUp(reason: string): CsvScanResult {
    return { end: this.pos, rows: this.rows, breaks: this.breaks, firstRowFields: this.firstRowFields, candidates: [], bytes: new Uint8Array(0), fallback: reason };
  }
}
