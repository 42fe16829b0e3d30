import type { Subject } from '../../../../shared/subject';
import { matchRecord } from '../../match/match-record';
import { prepareSubject, type PreparedSubject } from '../../match/prepare';
import { rowFields } from '../../sources/csv/header';
import { CsvReader } from '../../sources/csv/reader';
import { textDecoder } from '../../text/windows-1252';

/**
 * What a scan worker needs to run the matcher on a candidate record itself: the subject and
 * how a row becomes a record (column names from the header, excluded columns). The raw pass
 * only knows that a record holds a term somewhere; most such records are namesakes or share
 * a common surname and are rejected by the matcher. Deciding that in the worker, next to the
 * bytes, leaves the search thread only the hits to parse and score (1 M rows: about 10,000
 * candidates become 121 records).
 */
export interface CandidateMatch {
  subject: Subject;
  /** Column names, as read-table.ts names them. */
  columns: string[];
  exclude: string[];
  encoding: string;
  delimiter: string;
}

/**
 * Decides, as the search thread would, whether a candidate record can be left out: only
 * when it parses as one row without a problem and `matchRecord` rejects it. matchRecord
 * depends only on the record's fields and the subject, so a record it rejects here it would
 * reject on the search thread too; a row with a problem always goes back to be reported.
 */
export class CandidateFilter {
  private readonly subject: PreparedSubject;
  private readonly decoder: { decode(bytes: Uint8Array): string };
  private readonly exclude: ReadonlySet<string>;

  constructor(private readonly spec: CandidateMatch) {
    this.subject = preparedSubject(spec.subject);
    this.decoder = textDecoder(spec.encoding);
    this.exclude = new Set(spec.exclude);
  }

  /** True when the record must go back to the search thread. */
  keeps(bytes: Uint8Array): boolean {
    const reader = new CsvReader(this.spec.delimiter, 1);
    const rows = [...reader.push(this.decoder.decode(bytes)), ...reader.end()];
    if (rows.length !== 1 || rows[0].problem) return true;
    return matchRecord({ fields: rowFields(rows[0].fields, this.spec.columns, this.exclude) }, this.subject) !== null;
  }
}

let prepared: { key: string; subject: PreparedSubject } | null = null;

/** A worker scans many ranges for one search: prepare the subject once. */
function preparedSubject(subject: Subject): PreparedSubject {
  const key = JSON.stringify(subject);
  if (prepared?.key !== key) prepared = { key, subject: prepareSubject(subject) };
  return prepared.subject;
}
