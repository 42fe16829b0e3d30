import type { Cell, Location } from '../../../shared/hit';
import type { SourceConfig } from '../../../shared/workspace';
import type { PrefilterTerms } from '../match/prefilter';
import type { PreparedSubject } from '../match/prepare';

/**
 * What a field holds, when the source knows better than the column name: a mail adapter
 * knows "to" is an address header, a SQL adapter may know a column is the primary key.
 * The matcher infers kinds from names and values where no hint is given.
 */
export type FieldKind = 'name' | 'email' | 'phone' | 'nationalId' | 'id' | 'addressHeader' | 'text' | 'other';

/** One record as a source adapter produced it: the unit the matcher scores. */
export interface SourceRecord {
  location: Location;
  /** Columns, or a message's from/to/cc/date/subject: what the package shows. */
  fields: Record<string, Cell>;
  /** Searched but not shown as columns (an e-mail body, attachment text). */
  text?: Array<{ field: string; value: string }>;
  /** Optional hints about what fields hold, by field name (also for `text` fields). */
  kinds?: Record<string, FieldKind>;
}

/** A record reached from a matched record through a key or a declared link. */
export interface RelatedRecord extends SourceRecord {
  /** The location of the record it was reached from (a matched or another related record). */
  from: Location;
  /** How it was reached, in words: "Invoice.CustomerId → Customer.CustomerId". */
  via: string;
}

/** An identifier seen with the subject's name, offered to the DPO to confirm; never used unconfirmed. */
export interface Suggestion {
  kind: 'email' | 'phone' | 'name';
  value: string;
  /** Why it is suggested: "display name Kenneth Lay on 12 messages". */
  reason: string;
  count: number;
}

export interface ScanProgress {
  scanned: number;
  bytesDone?: number;
  bytesTotal?: number;
}

export interface ScanContext {
  signal: AbortSignal;
  onProgress(progress: ScanProgress): void;
  /** A problem that did not stop the scan (a malformed line, an unreadable message). */
  problem(message: string): void;
  /** Offers an alias seen while scanning (see Suggestion). */
  suggest?(suggestion: Suggestion): void;
  /**
   * Set by the search: the source may skip records that hold none of these terms (the promise
   * of match/prefilter.ts). Left out, a scan yields every record (previews, direct reads).
   */
  prefilter?: PrefilterTerms;
}

/**
 * Every kind of source sits behind this interface. `scan` yields the records that may concern
 * the subject; an adapter may pre-filter (a SQL WHERE clause), but must never drop a record
 * that the matcher would accept.
 */
export interface Source {
  readonly config: SourceConfig;
  scan(subject: PreparedSubject, ctx: ScanContext): AsyncIterable<SourceRecord>;
  /**
   * Records that refer to the given matched records (children through foreign keys or
   * declared links, transitively). Parents are never returned: the Employee a Customer
   * points at is someone else.
   */
  related?(matched: readonly SourceRecord[], ctx: ScanContext): AsyncIterable<RelatedRecord>;
  close(): Promise<void>;
}

/** Thrown by adapters for a failure the DPO can act on; the message is shown as the source's error. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}
