import type Database from 'better-sqlite3';
import type { Case, CaseStatus, Channel, Decision, ExclusionGround, IdentityVerification, Redaction, RequestType } from '../../../shared/case';
import type { Subject } from '../../../shared/subject';
import { storedHit, toCase, type CaseRow, type HitRow, type PlanCopyRow, type PlanRow, type PlanRowColumns, type RawCase, type SnapshotRow, type StoredHit, type StoredSearch } from './case-rows';

/**
 * The package plan's read of a case's hits, a window at a time: from the index case_hit_plan
 * alone, so no record copy is touched. The first window starts at a position, each next one
 * after the last row of the one before, by position and id (so a window border never skips a
 * row, even one that shared its position).
 */
export const PLAN_ROWS_SQL = 'SELECT hit_id, position, source, facts_json, fields_json FROM case_hit WHERE case_id = ? AND position >= ? ORDER BY position, hit_id LIMIT ?';
export const PLAN_ROWS_AFTER_SQL =
  'SELECT hit_id, position, source, facts_json, fields_json FROM case_hit WHERE case_id = ? AND (position, hit_id) > (?, ?) ORDER BY position, hit_id LIMIT ?';
/**
 * Rows per window of the plan's read. better-sqlite3 hands rows over one call per row when
 * iterated; a window of them in one call read the 205,000 rows of a large case in 0.26-0.47 s
 * instead of 0.5-0.66 s.
 */
const PLAN_WINDOW = 4096;

/**
 * The fingerprints of the originals in a case, which the export checks each staged original
 * against: from the index case_hit_original alone.
 */
export const ORIGINALS_SQL = 'SELECT hit_id, original_sha256 FROM case_hit WHERE case_id = ? AND original_sha256 IS NOT NULL ORDER BY position';

const caseColumns =
  'id, ref, subject_json, types_json, channel, received, status, deadline, verification_json, extension_json, rejection_reason, answered_on, closed_on, purged_on, notes_json';

/** Rows of the case register. Named statements only; no SQL text comes from outside. */
export class CaseStore {
  private readonly s;

  constructor(readonly db: Database.Database) {
    this.s = {
      nextSeq: db.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM case_file WHERE year = ?'),
      insert: db.prepare(
        `INSERT INTO case_file (ref, year, seq, subject_json, types_json, channel, received, status, deadline, notes_json)
         VALUES (@ref, @year, @seq, @subject, @types, @channel, @received, 'received', @deadline, @notes)`,
      ),
      byRef: db.prepare(`SELECT ${caseColumns} FROM case_file WHERE ref = ?`),
      all: db.prepare(`SELECT ${caseColumns} FROM case_file ORDER BY deadline, ref`),
      setStatus: db.prepare('UPDATE case_file SET status = ? WHERE id = ?'),
      setVerification: db.prepare('UPDATE case_file SET verification_json = ? WHERE id = ?'),
      setExtension: db.prepare('UPDATE case_file SET extension_json = ?, deadline = ? WHERE id = ?'),
      setRejected: db.prepare("UPDATE case_file SET status = 'rejected', rejection_reason = ?, closed_on = ? WHERE id = ?"),
      setAnswered: db.prepare("UPDATE case_file SET status = 'answered', answered_on = ? WHERE id = ?"),
      setClosed: db.prepare("UPDATE case_file SET status = 'closed', closed_on = ? WHERE id = ?"),
      setPurged: db.prepare('UPDATE case_file SET purged_on = ? WHERE id = ?'),
      setNotes: db.prepare('UPDATE case_file SET notes_json = ? WHERE id = ?'),
      putSearch: db.prepare(
        `INSERT INTO case_search (case_id, at, subject_json, sources_json, configs_json) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(case_id) DO UPDATE SET at = excluded.at, subject_json = excluded.subject_json,
           sources_json = excluded.sources_json, configs_json = excluded.configs_json`,
      ),
      search: db.prepare('SELECT at, subject_json, sources_json, configs_json FROM case_search WHERE case_id = ?'),
      searchAt: db.prepare('SELECT at FROM case_search WHERE case_id = ?').pluck(),
      hits: db.prepare('SELECT hit_id, position, source, snapshot_json, snapshot_hash, original_sha256, facts_json, fields_json FROM case_hit WHERE case_id = ? ORDER BY position'),
      hit: db.prepare('SELECT hit_id, position, source, snapshot_json, snapshot_hash, original_sha256, facts_json, fields_json FROM case_hit WHERE case_id = ? AND hit_id = ?'),
      // The export's reads of every hit (plan, record copies) take rows as arrays: see planRows().
      snapshots: db.prepare('SELECT hit_id, position, snapshot_json FROM case_hit WHERE case_id = ? AND position BETWEEN ? AND ? ORDER BY position').raw(true),
      snapshot: db.prepare('SELECT snapshot_json FROM case_hit WHERE case_id = ? AND hit_id = ?').pluck(),
      undecided: db
        .prepare('SELECT count(*) FROM case_hit h WHERE h.case_id = ? AND NOT EXISTS (SELECT 1 FROM case_decision d WHERE d.case_id = h.case_id AND d.hit_id = h.hit_id)')
        .pluck(),
      originals: db.prepare(ORIGINALS_SQL),
      hitHashes: db.prepare(
        'SELECT hit_id, source, snapshot_hash, snapshot_json IS NULL AS purged, facts_json IS NOT NULL AND fields_json IS NOT NULL AS has_facts FROM case_hit WHERE case_id = ?',
      ),
      // A hit stored before facts were kept gets them now, so the next export plans it from them.
      moveHit: db.prepare(
        'UPDATE case_hit SET position = ?, facts_json = coalesce(facts_json, ?), fields_json = coalesce(fields_json, ?) WHERE case_id = ? AND hit_id = ?',
      ),
      deleteHit: db.prepare('DELETE FROM case_hit WHERE case_id = ? AND hit_id = ?'),
      putHit: db.prepare(
        `INSERT INTO case_hit (case_id, hit_id, position, source, snapshot_json, snapshot_hash, original_sha256, facts_json, fields_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(case_id, hit_id) DO UPDATE SET position = excluded.position, source = excluded.source,
           snapshot_json = excluded.snapshot_json, snapshot_hash = excluded.snapshot_hash, original_sha256 = excluded.original_sha256,
           facts_json = excluded.facts_json, fields_json = excluded.fields_json`,
      ),
      planRows: db.prepare(PLAN_ROWS_SQL).raw(true),
      planRowsAfter: db.prepare(PLAN_ROWS_AFTER_SQL).raw(true),
      // For hits without facts (stored before they were kept, or purged): the record copy instead.
      planCopies: db.prepare('SELECT hit_id, position, source, snapshot_json FROM case_hit WHERE case_id = ? AND position >= ? ORDER BY position'),
      purgeSnapshots: db.prepare('UPDATE case_hit SET snapshot_json = NULL, facts_json = NULL, fields_json = NULL WHERE case_id = ? AND snapshot_json IS NOT NULL'),
      // Suggested aliases are identifiers found in the records: they go with the record copies.
      purgeSuggestions: db.prepare('UPDATE case_search SET suggestions_json = NULL WHERE case_id = ?'),
      decisions: db.prepare('SELECT hit_id, include, ground, reason, at FROM case_decision WHERE case_id = ?'),
      decision: db.prepare('SELECT hit_id, include, ground, reason, at FROM case_decision WHERE case_id = ? AND hit_id = ?'),
      deleteDecision: db.prepare('DELETE FROM case_decision WHERE case_id = ? AND hit_id = ?'),
      putDecision: db.prepare(
        `INSERT INTO case_decision (case_id, hit_id, include, ground, reason, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(case_id, hit_id) DO UPDATE SET include = excluded.include, ground = excluded.ground,
           reason = excluded.reason, at = excluded.at`,
      ),
      redactions: db.prepare(
        'SELECT id, hit_id, field, span_start, span_end, mode, reason, at FROM case_redaction WHERE case_id = ? ORDER BY id',
      ),
      redactionsOf: db.prepare(
        'SELECT id, hit_id, field, span_start, span_end, mode, reason, at FROM case_redaction WHERE case_id = ? AND hit_id = ? ORDER BY id',
      ),
      putRedaction: db.prepare(
        'INSERT INTO case_redaction (case_id, hit_id, field, span_start, span_end, mode, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteRedaction: db.prepare('DELETE FROM case_redaction WHERE case_id = ? AND id = ?'),
      deleteRedactionsOf: db.prepare('DELETE FROM case_redaction WHERE case_id = ? AND hit_id = ?'),
    };
  }

  nextRef(year: number): { ref: string; seq: number } {
    const { seq } = this.s.nextSeq.get(year) as { seq: number };
    return { ref: `${year}-${String(seq).padStart(4, '0')}`, seq };
  }

  insert(c: { ref: string; year: number; seq: number; subject: Subject; types: RequestType[]; channel: Channel; received: string; deadline: string; notes: Case['notes'] }): number {
    const info = this.s.insert.run({
      ref: c.ref,
      year: c.year,
      seq: c.seq,
      subject: JSON.stringify(c.subject),
      types: JSON.stringify(c.types),
      channel: c.channel,
      received: c.received,
      deadline: c.deadline,
      notes: JSON.stringify(c.notes),
    });
    return Number(info.lastInsertRowid);
  }

  get(ref: string): CaseRow | null {
    const raw = this.s.byRef.get(ref) as RawCase | undefined;
    return raw ? toCase(raw) : null;
  }

  all(): CaseRow[] {
    return (this.s.all.all() as RawCase[]).map(toCase);
  }

  setStatus(id: number, status: CaseStatus): void {
    this.s.setStatus.run(status, id);
  }
  setVerification(id: number, v: IdentityVerification): void {
    this.s.setVerification.run(JSON.stringify(v), id);
  }
  setExtension(id: number, ext: { reason: string; notified: string | null }, deadline: string): void {
    this.s.setExtension.run(JSON.stringify(ext), deadline, id);
  }
  setRejected(id: number, reason: string, on: string): void {
    this.s.setRejected.run(reason, on, id);
  }
  setAnswered(id: number, on: string): void {
    this.s.setAnswered.run(on, id);
  }
  setClosed(id: number, on: string): void {
    this.s.setClosed.run(on, id);
  }
  setPurged(id: number, on: string): number {
    const changed = this.s.purgeSnapshots.run(id).changes;
    this.s.purgeSuggestions.run(id);
    this.s.setPurged.run(on, id);
    return changed;
  }
  setNotes(id: number, notes: Case['notes']): void {
    this.s.setNotes.run(JSON.stringify(notes), id);
  }

  putSearch(id: number, search: StoredSearch): void {
    this.s.putSearch.run(id, search.at, JSON.stringify(search.subject), JSON.stringify(search.sources), JSON.stringify(search.configs));
  }
  search(id: number): StoredSearch | null {
    const r = this.s.search.get(id) as { at: string; subject_json: string; sources_json: string; configs_json: string } | undefined;
    if (!r) return null;
    return { at: r.at, subject: JSON.parse(r.subject_json), sources: JSON.parse(r.sources_json), configs: JSON.parse(r.configs_json) };
  }

  /** When the case's search was stored; a new search changes it (a cheap check that the hits are the same). */
  searchAt(id: number): string | null {
    return (this.s.searchAt.get(id) as string | undefined) ?? null;
  }

  hits(id: number): StoredHit[] {
    return [...this.eachHit(id)];
  }
  /**
   * The hits one at a time, in search order, so a large case is turned into objects row by
   * row instead of holding every record copy as text and as objects at once. The connection
   * is busy until the iteration ends: the caller must not run other statements meanwhile.
   */
  *eachHit(id: number): Generator<StoredHit> {
    for (const r of this.s.hits.iterate(id) as IterableIterator<HitRow>) yield storedHit(r);
  }
  /**
   * What a package plan reads of each hit from position `from` on, in search order: its facts,
   * without the record copy. Read a window at a time, so other statements may run between two
   * windows; the feed checks that no search was stored around the whole read (case-hit-feed.ts).
   */
  *planRows(id: number, from = 0): Generator<PlanRow> {
    // Rows come as arrays in the SELECT's column order and become objects here: better-sqlite3
    // builds each row object in C++ one property at a time, which took a third longer for the
    // 205,000 rows of a large case (0.3 s against 0.2 s) than an object literal of one shape.
    let rows = this.s.planRows.all(id, from, PLAN_WINDOW) as PlanRowColumns[];
    while (rows.length > 0) {
      for (const [hit_id, position, source, facts_json, fields_json] of rows) yield { hit_id, position, source, facts_json, fields_json };
      if (rows.length < PLAN_WINDOW) return;
      const last = rows[rows.length - 1];
      rows = this.s.planRowsAfter.all(id, last[1], last[0], PLAN_WINDOW) as PlanRowColumns[];
    }
  }
  /** As planRows, with the record copies instead of the facts (null once purged). */
  *planCopies(id: number, from: number): Generator<PlanCopyRow> {
    yield* this.s.planCopies.iterate(id, from) as IterableIterator<PlanCopyRow>;
  }
  /** One hit, without reading the others (a reviewer's decision on a large case). */
  hit(id: number, hitId: string): StoredHit | null {
    const r = this.s.hit.get(id, hitId) as HitRow | undefined;
    return r ? storedHit(r) : null;
  }
  /** The record copies of the hits from position `from` to `to`, in order, through the index case_hit_plan. */
  snapshots(id: number, from: number, to: number): SnapshotRow[] {
    // As arrays, for the same reason as in planRows(); the feed reads three fields of each, so
    // they are handed on as they come instead of being made into objects first.
    return this.s.snapshots.all(id, from, to) as SnapshotRow[];
  }
  /** One hit's record copy as stored (null once purged, undefined if there is no such hit). */
  snapshot(id: number, hitId: string): string | null | undefined {
    return this.s.snapshot.get(id, hitId) as string | null | undefined;
  }
  /** How many stored hits have no decision yet. */
  undecided(id: number): number {
    return this.s.undecided.get(id) as number;
  }
  /** The fingerprints of the originals stored with the hits, by hit id, without the record copies. */
  originals(id: number): Map<string, string> {
    const rows = this.s.originals.all(id) as Array<{ hit_id: string; original_sha256: string }>;
    return new Map(rows.map((r) => [r.hit_id, r.original_sha256]));
  }
  /** Each stored hit's source, snapshot hash and whether its record copy was purged, without the copies. */
  hitHashes(id: number): Map<string, { source: string; snapshotHash: string; purged: boolean; hasFacts: boolean }> {
    const rows = this.s.hitHashes.all(id) as Array<{ hit_id: string; source: string; snapshot_hash: string; purged: number; has_facts: number }>;
    return new Map(rows.map((r) => [r.hit_id, { source: r.source, snapshotHash: r.snapshot_hash, purged: r.purged === 1, hasFacts: r.has_facts === 1 }]));
  }
  /**
   * Gives a stored hit its place in a new search, keeping its record copy as it is, and its
   * facts if it has them; `facts` are stored only where there are none yet.
   */
  moveHit(id: number, hitId: string, position: number, facts: Pick<StoredHit, 'factsJson' | 'fieldsJson'> | null): void {
    this.s.moveHit.run(position, facts?.factsJson ?? null, facts?.fieldsJson ?? null, id, hitId);
  }
  putHit(id: number, position: number, h: Omit<StoredHit, 'position'>): void {
    this.s.putHit.run(id, h.hitId, position, h.source, h.snapshotJson, h.snapshotHash, h.originalSha256, h.factsJson, h.fieldsJson);
  }
  /** Removes a hit and, through the foreign keys, its decision and redactions. */
  deleteHit(id: number, hitId: string): void {
    this.s.deleteDecision.run(id, hitId);
    this.s.deleteRedactionsOf.run(id, hitId);
    this.s.deleteHit.run(id, hitId);
  }

  decisions(id: number): Decision[] {
    return (this.s.decisions.all(id) as DecisionRow[]).map(decisionOf);
  }
  /** One hit's decision, without reading the others (a reviewer's click on a large case). */
  decision(id: number, hitId: string): Decision | null {
    const r = this.s.decision.get(id, hitId) as DecisionRow | undefined;
    return r ? decisionOf(r) : null;
  }
  putDecision(id: number, d: Decision): void {
    this.s.putDecision.run(id, d.hitId, d.include ? 1 : 0, d.ground, d.reason, d.at);
  }
  deleteDecision(id: number, hitId: string): void {
    this.s.deleteDecision.run(id, hitId);
  }

  redactions(id: number): Redaction[] {
    return (this.s.redactions.all(id) as RedactionRow[]).map(redactionOf);
  }
  /** One hit's redactions, oldest first. */
  redactionsOf(id: number, hitId: string): Redaction[] {
    return (this.s.redactionsOf.all(id, hitId) as RedactionRow[]).map(redactionOf);
  }
  putRedaction(id: number, r: Omit<Redaction, 'id'>): number {
    const info = this.s.putRedaction.run(id, r.hitId, r.field, r.span?.[0] ?? null, r.span?.[1] ?? null, r.mode, r.reason, r.at);
    return Number(info.lastInsertRowid);
  }
  deleteRedaction(id: number, redactionId: number): boolean {
    return this.s.deleteRedaction.run(id, redactionId).changes > 0;
  }
}

type DecisionRow = { hit_id: string; include: number; ground: ExclusionGround | null; reason: string; at: string };
type RedactionRow = { id: number; hit_id: string; field: string; span_start: number | null; span_end: number | null; mode: 'remove' | 'mask'; reason: string; at: string };

function decisionOf(r: DecisionRow): Decision {
  return { hitId: r.hit_id, include: r.include === 1, ground: r.ground, reason: r.reason, at: r.at };
}

function redactionOf(r: RedactionRow): Redaction {
  return {
    id: r.id,
    hitId: r.hit_id,
    field: r.field,
    span: r.span_start === null || r.span_end === null ? null : [r.span_start, r.span_end],
    mode: r.mode,
    reason: r.reason,
    at: r.at,
  };
}
