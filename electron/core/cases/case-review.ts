import { HitSchema, type Hit } from '../../../shared/hit';
import type { CaseDetail, CaseHit, CaseReviewUpdate, ExclusionGround, HitReview, Redaction } from '../../../shared/case';
import { AppError } from '../../../shared/errors';
import type { SearchResult, SuggestionOut } from '../../../shared/search';
import type { SourceConfig } from '../../../shared/workspace';
import { storedFactsOf } from '../package/hit-feed';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { CaseRegister } from './case-register';
import { assertMove } from './case-status';
import { exclusionGround } from './exclusion-ground';
import type { CaseRow } from './case-rows';
import { keepSuggestions, SuggestionStore } from './case-suggestions';

/**
 * Keeps the hits of a search with the case, as found. A hit seen again unchanged keeps its
 * decision and redactions; a hit whose record changed since is stored anew and must be
 * reviewed again, because the decision was about the old content.
 */
export function recordSearch(
  reg: CaseRegister,
  ref: string,
  result: SearchResult,
  configs: readonly SourceConfig[],
  originals: ReadonlyMap<string, string> = new Map(),
): CaseDetail {
  keepSearch(reg, ref, result, configs, originals);
  return caseDetail(reg, ref);
}

/**
 * recordSearch without reading the case back: `innsyn search --case` prints the search, not
 * the case, and reading 200,000 stored hits back cost it about 4 s and 200 MB.
 */
export function keepSearch(
  reg: CaseRegister,
  ref: string,
  result: SearchResult,
  configs: readonly SourceConfig[],
  originals: ReadonlyMap<string, string> = new Map(),
): void {
  const row = reg.row(ref);
  assertMove(ref, row.status, 'reviewing');
  reg.record(row, 'search-run', () => {
    // Only the hashes: an unchanged hit keeps its stored copy, so the copies are not read.
    const before = reg.store.hitHashes(row.id);
    const decided = new Set(reg.store.decisions(row.id).map((d) => d.hitId));
    let kept = 0;
    let reset = 0;
    const found = new Set<string>();
    result.hits.forEach((hit, i) => {
      const original = originals.get(hit.id) ?? null;
      const snapshotHash = sha256Hex(canonicalJson({ hit, original }));
      const old = before.get(hit.id);
      found.add(hit.id);
      if (old && old.snapshotHash === snapshotHash && !old.purged) {
        if (decided.has(hit.id)) kept++;
        // A hit stored before facts were kept gets them now, taken from its own copy: the hash
        // is over sorted keys, so this search's hit may list the same fields in another order.
        const copy = old.hasFacts ? null : reg.store.snapshot(row.id, hit.id);
        reg.store.moveHit(row.id, hit.id, i, typeof copy === 'string' ? factsColumns(JSON.parse(copy) as Hit) : null);
        return;
      }
      if (old) {
        if (decided.has(hit.id)) reset++;
        reg.store.deleteHit(row.id, hit.id);
      }
      reg.store.putHit(row.id, i, {
        hitId: hit.id,
        source: hit.source,
        snapshotJson: JSON.stringify(hit),
        snapshotHash,
        originalSha256: original,
        ...factsColumns(hit),
      });
    });
    for (const hitId of before.keys()) {
      if (found.has(hitId)) continue;
      if (decided.has(hitId)) reset++;
      reg.store.deleteHit(row.id, hitId);
    }
    reg.store.putSearch(row.id, { at: reg.clock.now().toISOString(), subject: result.subject, sources: result.sources, configs: [...configs] });
    keepSuggestions(reg, row, result.subject, result.suggestions ?? []);
    reg.store.setStatus(row.id, 'reviewing');
    return {
      value: null,
      data: {
        // Art. 5(2): which sources, with which identifiers, and how many hits in each,
        // including the sources where nothing was found.
        identifiers: result.subject,
        sources: result.sources.map((s) => ({ id: s.id, kind: s.kind, status: s.status, scanned: s.scanned, hits: s.hits, ...(s.error ? { error: s.error } : {}) })),
        hits: result.hits.length,
        decisionsKept: kept,
        decisionsToRedo: reset,
      },
    };
  });
}

/** A hit's facts for the package plan (package/hit-feed.ts), as the store keeps them. */
function factsColumns(hit: Hit): { factsJson: string; fieldsJson: string } {
  return { factsJson: JSON.stringify(storedFactsOf(hit)), fieldsJson: JSON.stringify(Object.keys(hit.record)) };
}

export function caseDetail(reg: CaseRegister, ref: string): CaseDetail {
  const row = reg.row(ref);
  const search = reg.store.search(row.id);
  const decisions = new Map(reg.store.decisions(row.id).map((d) => [d.hitId, d]));
  const redactions = redactionsByHit(reg.store.redactions(row.id));
  const hits: CaseHit[] = [];
  for (const h of reg.store.eachHit(row.id)) {
    hits.push({
      hitId: h.hitId,
      source: h.source,
      hit: h.snapshotJson === null ? null : HitSchema.parse(JSON.parse(h.snapshotJson)),
      decision: decisions.get(h.hitId) ?? null,
      redactions: redactions.get(h.hitId) ?? [],
    });
  }
  const suggestions = openSuggestions(reg, row);
  return {
    case: reg.get(ref),
    search: search ? { at: search.at, subject: search.subject, sources: search.sources } : null,
    hits,
    ...(suggestions.length > 0 ? { suggestions } : {}),
  };
}

/**
 * The case and the review state of `hitIds` after a decision or redaction: what the app needs
 * to update the case it holds. caseDetail() would read, validate and send every stored hit
 * again (about 4 s and 120 MB at 200,000 hits, for each click).
 */
export function reviewUpdate(reg: CaseRegister, ref: string, hitIds: readonly string[]): CaseReviewUpdate {
  const row = reg.row(ref);
  let hits: HitReview[];
  if (hitIds.length === 1) {
    const hitId = hitIds[0];
    hits = [{ hitId, decision: reg.store.decision(row.id, hitId), redactions: reg.store.redactionsOf(row.id, hitId) }];
  } else {
    // Many hits (a bulk decision): one read of all decisions and redactions beats one query per hit.
    const wanted = new Set(hitIds);
    const decisions = new Map(reg.store.decisions(row.id).flatMap((d) => (wanted.has(d.hitId) ? [[d.hitId, d] as const] : [])));
    const redactions = redactionsByHit(reg.store.redactions(row.id).filter((r) => wanted.has(r.hitId)));
    hits = [...wanted].map((hitId) => ({ hitId, decision: decisions.get(hitId) ?? null, redactions: redactions.get(hitId) ?? [] }));
  }
  return { case: reg.get(ref), hits };
}

/** After an identifier is confirmed or a suggestion dismissed: the case (its person) and the suggestions still open. */
export function suggestionsUpdate(reg: CaseRegister, ref: string): CaseReviewUpdate {
  const row = reg.row(ref);
  return { case: reg.get(ref), hits: [], suggestions: openSuggestions(reg, row) };
}

/** The suggestions of the latest search not yet confirmed or dismissed (none before a search). */
function openSuggestions(reg: CaseRegister, row: CaseRow): SuggestionOut[] {
  // searchAt: whether there is a search, without parsing the stored one again (caseDetail has).
  return reg.store.searchAt(row.id) !== null ? new SuggestionStore(reg.db).read(row.id).open : [];
}

/**
 * Redactions by hit, in the order given, so each hit finds its own in one lookup: filtering the
 * whole list for each hit took time in proportion to hits × redactions.
 */
function redactionsByHit(list: readonly Redaction[]): Map<string, Redaction[]> {
  const byHit = new Map<string, Redaction[]>();
  for (const r of list) {
    const own = byHit.get(r.hitId);
    if (own) own.push(r);
    else byHit.set(r.hitId, [r]);
  }
  return byHit;
}

export function assertReviewing(row: CaseRow): void {
  if (row.status !== 'reviewing') {
    throw new AppError('INVALID_INPUT', `Case ${row.ref} is ${row.status}; decisions and redactions are made while it is being reviewed (after a search with --case, before the export).`);
  }
}

function reviewableHit(reg: CaseRegister, row: CaseRow, hitId: string): Hit {
  assertReviewing(row);
  const stored = reg.store.hit(row.id, hitId);
  if (!stored) throw new AppError('NOT_FOUND', `Case ${row.ref} has no hit ${hitId}. See the hits with "innsyn case show ${row.ref}".`);
  if (stored.snapshotJson === null) throw new AppError('INVALID_INPUT', `The record behind hit ${hitId} was deleted under the retention rule.`);
  return HitSchema.parse(JSON.parse(stored.snapshotJson));
}

/** Include or leave out one hit, with a reason (e.g. "namesake", "third-party data"). */
export function decide(
  reg: CaseRegister,
  ref: string,
  hitId: string,
  d: { include: boolean; reason: string; ground?: ExclusionGround | null },
): CaseReviewUpdate {
  const row = reg.row(ref);
  const hit = reviewableHit(reg, row, hitId);
  const ground = d.include ? null : exclusionGround(d.reason, d.ground);
  reg.record(row, 'decision', () => {
    reg.store.putDecision(row.id, { hitId, include: d.include, ground, reason: d.reason, at: reg.clock.now().toISOString() });
    return { value: null, data: { hitId, source: hit.source, include: d.include, ground, reason: d.reason } };
  });
  return reviewUpdate(reg, ref, [hitId]);
}

export interface RedactionRequest {
  hitId: string;
  field: string;
  span?: [number, number] | null;
  mode?: 'remove' | 'mask';
  reason: string;
}

/** Art. 15(4): remove or mask another person's data inside a hit that is otherwise included. */
export function redact(reg: CaseRegister, ref: string, req: RedactionRequest): { update: CaseReviewUpdate; redaction: Redaction } {
  const row = reg.row(ref);
  const hit = reviewableHit(reg, row, req.hitId);
  if (!Object.hasOwn(hit.record, req.field)) {
    throw new AppError('INVALID_INPUT', `Hit ${req.hitId} has no field "${req.field}". Its fields are: ${Object.keys(hit.record).join(', ')}.`);
  }
  const span = req.span ?? null;
  if (span) {
    const value = hit.record[req.field];
    const length = typeof value === 'string' ? value.length : String(value ?? '').length;
    if (span[0] >= span[1] || span[1] > length) {
      throw new AppError('INVALID_INPUT', `The span ${span[0]}:${span[1]} does not fit inside field "${req.field}" (${length} characters); give START:END with START < END ≤ ${length}.`);
    }
  }
  // A span is always masked: the marker shows the reader that something was taken out there.
  const mode = span ? 'mask' : (req.mode ?? 'mask');
  const at = reg.clock.now().toISOString();
  const id = reg.record(row, 'redaction', () => {
    const id = reg.store.putRedaction(row.id, { hitId: req.hitId, field: req.field, span, mode, reason: req.reason, at });
    // Where and why, never the text that was taken out.
    return { value: id, data: { redaction: id, hitId: req.hitId, source: hit.source, field: req.field, span, mode, reason: req.reason } };
  });
  const update = reviewUpdate(reg, ref, [req.hitId]);
  const redaction = update.hits[0].redactions.find((r) => r.id === id);
  if (!redaction) throw new AppError('INTERNAL', 'The redaction was not stored.');
  return { update, redaction };
}

export function removeRedaction(reg: CaseRegister, ref: string, redactionId: number): CaseReviewUpdate {
  const row = reg.row(ref);
  const existing = reg.store.redactions(row.id).find((r) => r.id === redactionId);
  if (!existing) throw new AppError('NOT_FOUND', `Case ${ref} has no redaction ${redactionId}.`);
  reviewableHit(reg, row, existing.hitId);
  reg.record(row, 'redaction-removed', () => {
    reg.store.deleteRedaction(row.id, redactionId);
    return { value: null, data: { redaction: redactionId, hitId: existing.hitId } };
  });
  return reviewUpdate(reg, ref, [existing.hitId]);
}
