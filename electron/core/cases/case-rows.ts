import type { Case, CaseStatus, Channel } from '../../../shared/case';
import type { SourceResult } from '../../../shared/hit';
import type { Subject } from '../../../shared/subject';
import type { SourceConfig } from '../../../shared/workspace';

/**
 * The case register's rows as SQLite holds them, and the objects the rest of the app gets from
 * them (case-store.ts runs the queries).
 */

/** The stored fields of a case; the deadline warning is derived, not stored. */
export interface CaseRow extends Omit<Case, 'extension' | 'firstDeadline'> {
  id: number;
  extension: { reason: string; notified: string | null } | null;
}

/** A case as SQLite returns it (case-store.ts selects these columns). */
export interface RawCase {
  id: number;
  ref: string;
  subject_json: string;
  types_json: string;
  channel: Channel;
  received: string;
  status: CaseStatus;
  deadline: string;
  verification_json: string | null;
  extension_json: string | null;
  rejection_reason: string | null;
  answered_on: string | null;
  closed_on: string | null;
  purged_on: string | null;
  notes_json: string;
}

export interface StoredSearch {
  at: string;
  subject: Subject;
  sources: SourceResult[];
  configs: SourceConfig[];
}

export interface StoredHit {
  hitId: string;
  /** Its place in the case's search order. */
  position: number;
  source: string;
  snapshotJson: string | null;
  snapshotHash: string;
  /**
   * The hit's facts for a package plan (package/hit-feed.ts) as JSON, its record's field names
   * apart (as a JSON array, the same text for every hit with the same fields); both null for
   * hits stored before they were kept, and once purged.
   */
  factsJson: string | null;
  fieldsJson: string | null;
  /** SHA-256 of the original message bytes, for mail hits whose original goes in the package. */
  originalSha256: string | null;
}

export function toCase(r: RawCase): CaseRow {
  return {
    id: r.id,
    ref: r.ref,
    subject: JSON.parse(r.subject_json),
    types: JSON.parse(r.types_json),
    channel: r.channel,
    received: r.received,
    status: r.status,
    deadline: r.deadline,
    verification: r.verification_json ? JSON.parse(r.verification_json) : null,
    extension: r.extension_json ? JSON.parse(r.extension_json) : null,
    rejectionReason: r.rejection_reason,
    answeredOn: r.answered_on,
    closedOn: r.closed_on,
    purgedOn: r.purged_on,
    notes: JSON.parse(r.notes_json),
  };
}

export type HitRow = {
  hit_id: string;
  position: number;
  source: string;
  snapshot_json: string | null;
  snapshot_hash: string;
  original_sha256: string | null;
  facts_json: string | null;
  fields_json: string | null;
};

/** A hit without facts as the package plan reads it (CaseStore.planCopies). */
export type PlanCopyRow = { hit_id: string; position: number; source: string; snapshot_json: string | null };

/** PLAN_ROWS_SQL's columns, in its order. */
export type PlanRowColumns = [hit_id: string, position: number, source: string, facts_json: string | null, fields_json: string | null];

/** A record copy as the package's writers read it (CaseStore.snapshots), in the SELECT's column order. */
export type SnapshotRow = [hit_id: string, position: number, snapshot_json: string | null];

/** A row as the package plan reads it (CaseStore.planRows). */
export interface PlanRow {
  hit_id: string;
  position: number;
  source: string;
  facts_json: string | null;
  fields_json: string | null;
}

export function storedHit(r: HitRow): StoredHit {
  return {
    hitId: r.hit_id,
    position: r.position,
    source: r.source,
    snapshotJson: r.snapshot_json,
    snapshotHash: r.snapshot_hash,
    originalSha256: r.original_sha256,
    factsJson: r.facts_json,
    fieldsJson: r.fields_json,
  };
}
