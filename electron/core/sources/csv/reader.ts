/**
 * A streaming RFC 4180 reader. We keep our own instead of csv-parse because every hit must
 * cite the physical line its record starts on, and csv-parse counts a CRLF inside a quoted
 * field as two lines. Lenient where real exports are sloppy (a stray quote inside an unquoted
 * field is kept as text), and it reports, rather than hides, what it had to guess.
 */
export interface CsvRow {
  fields: string[];
  /** 1-based physical line where the row starts. */
  line: number;
  /** What was odd about this row, e.g. an unclosed quote. */
  problem?: string;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** A quoted field larger than this is treated as an unclosed quote, so memory stays bounded. */
export const MAX_FIELD_CHARS = 8 * 1024 * 1024;

export class CsvReader {
  private readonly delim: number;
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  private afterQuote = false;
  private fieldStarted = false;
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  private pendingCR = false;
  /** The previous character inside quotes was CR, so a following LF is the same line break. */
  private quotedCR = false;
  private problem: string | undefined;
  /** The unquoted field passed MAX_FIELD_CHARS: drop what follows until its delimiter or line end. */
  private skipping = false;

  /** `firstLine`: the physical line the text starts on, when it does not start the file (the search fast path parses single records). */
  constructor(delimiter: string, firstLine = 1) {
    if (delimiter.length !== 1) throw new Error('delimiter must be one character');
    this.delim = delimiter.charCodeAt(0);
    this.line = this.rowLine = this.quoteLine = firstLine;
  }

  /** The physical line the reader has reached (1-based). */
  get currentLine(): number {
    return this.line;
  }

  /** Feeds decoded text; returns the rows completed by it. */
  push(text: string): CsvRow[] {
    const out: CsvRow[] = [];
    let start = 0; // start of a run of plain characters not yet copied into `field`
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        const wasCR = this.quotedCR;
        this.quotedCR = c === CR;
        if (c === LF && wasCR) continue;
        if (c === QUOTE) {
          this.field += text.slice(start, i);
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              this.field += '"';
              i++;
            } else {
              this.inQuotes = false;
              this.afterQuote = true;
            }
          } else {
            // Could be an escaped quote split across chunks: decide on the next push.
            this.inQuotes = false;
            this.afterQuote = true;
          }
          start = i + 1;
        } else if (c === CR || c === LF) {
          this.line++;
        } else if (i - start + this.field.length > MAX_FIELD_CHARS) {
          this.field += text.slice(start, i);
          this.failUnclosed(out);
          start = i;
          i--;
        }
        continue;
      }
      if (this.skipping) {
        if (c !== this.delim && c !== LF && c !== CR) {
          start = i + 1;
          continue;
        }
        this.skipping = false;
      }
      if (c === this.delim) {
        this.field += text.slice(start, i);
        this.endField();
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.field += text.slice(start, i);
        this.endRow(out);
        this.line++;
        if (c === CR) this.pendingCR = true;
        start = i + 1;
      } else if (c === QUOTE) {
        if (this.afterQuote) {
          // `""` split across two chunks: it was an escaped quote after all.
          this.field += '"';
          this.inQuotes = true;
          this.afterQuote = false;
          start = i + 1;
        } else if (!this.fieldStarted && i === start && this.field.length === 0) {
          this.inQuotes = true;
          this.quotedCR = false;
          this.fieldStarted = true;
          this.quoteLine = this.line;
          start = i + 1;
        }
        // else: a stray quote in an unquoted field is kept as text.
      } else {
        if (this.afterQuote) {
          this.afterQuote = false;
          this.problem ??= `text after a closing quote on line ${this.line}`;
        }
        this.fieldStarted = true;
        // A line with no delimiter or newline for a gigabyte would otherwise become one
        // string larger than V8 allows: keep the start, say so, and skip to the field's end.
        if (i + 1 - start + this.field.length >= MAX_FIELD_CHARS) {
          this.field += text.slice(start, i + 1);
          this.skipping = true;
          this.problem ??= `a field on line ${this.line} is longer than ${MAX_FIELD_CHARS} characters; only its beginning was read`;
          start = i + 1;
        }
      }
    }
    this.field += text.slice(start);
    return out;
  }

  /** Ends the input; returns the last row if there is one. */
  end(): CsvRow[] {
    const out: CsvRow[] = [];
    if (this.inQuotes) {
      this.problem ??= `unclosed quote starting on line ${this.quoteLine}; the rest of the file was read as one field`;
      this.inQuotes = false;
    }
    if (this.row.length > 0 || this.field.length > 0 || this.fieldStarted) this.endRow(out);
    return out;
  }

  private failUnclosed(out: CsvRow[]): void {
    this.problem ??= `quoted field starting on line ${this.quoteLine} is longer than ${MAX_FIELD_CHARS} characters (unclosed quote?); it was cut off`;
    this.inQuotes = false;
    this.endRow(out);
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.afterQuote = false;
    this.fieldStarted = false;
  }

  private endRow(out: CsvRow[]): void {
    const empty = this.row.length === 0 && this.field.length === 0 && !this.fieldStarted && !this.afterQuote;
    if (!empty) {
      this.endField();
      out.push(this.problem ? { fields: this.row, line: this.rowLine, problem: this.problem } : { fields: this.row, line: this.rowLine });
    }
    this.row = [];
    this.field = '';
    this.afterQuote = false;
    this.fieldStarted = false;
    this.problem = undefined;
    this.rowLine = this.line + 1;
  }
}
