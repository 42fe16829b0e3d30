import type { Cell, Location } from '../../../shared/hit';
import type { SourceConfig } from '../../../shared/workspace';
import type { PreparedSubject } from '../match/prepare';

/** One record as a source adapter produced it: the unit the matcher scores. */
export interface SourceRecord {
  location: Location;
  /** Columns, or a message's from/to/cc/date/subject: what the package shows. */
  fields: Record<string, Cell>;
  /** Searched but not shown as columns (an e-mail body, attachment text). */
  text?: Array<{ field: string; value: string }>;
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
}

/**
 * Every kind of source sits behind this interface. `scan` yields the records that may concern
 * the subject; an adapter may pre-filter (a SQL WHERE clause), but must never drop a record
 * that the matcher would accept.
 */
export interface Source {
  readonly config: SourceConfig;
  scan(subject: PreparedSubject, ctx: ScanContext): AsyncIterable<SourceRecord>;
  close(): Promise<void>;
}

/** Thrown by adapters for a failure the DPO can act on; the message is shown as the source's error. */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}
