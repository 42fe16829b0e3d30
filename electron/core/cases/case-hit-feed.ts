import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { HitSchema, type Hit } from '../../../shared/hit';
import { factsOf, HitFactsSchema, type FeedPlace, type HitFeed } from '../package/hit-feed';
import type { CaseStore } from './case-store';

const FieldsSchema = z.array(z.string());

/** How many hits are read again at once, and between two checks that the search is the same. */
const WINDOW = 512;
/**
 * A window is read by position range when it holds at most this many rows per wanted hit;
 * a table whose hits lie far apart among others is read hit by hit instead.
 */
const SPARSE = 4;

/**
 * A case's stored hits as a package feed (package/hit-feed.ts): the plan reads their facts in
 * search order from the index that holds them, checked against the schema, and the writers
 * read the record copies through that index, a window of rows at a time (reading each one by
 * id took three times as long), each checked against its plan (package/as-planned.ts).
 * Nothing holds them all at once, so exporting a case of 200,000 hits does not hold 200,000
 * records.
 *
 * Between the two reads the app could store a new search with the case; a package must not
 * mix two searches. Every search stored changes `case_search.at`, so the feed checks it
 * before and after the plan's read and before, while and after the writers': a change
 * throws, and the export writes nothing.
 */
export function caseHitFeed(store: CaseStore, caseId: number, ref: string, searchedAt: string): HitFeed {
  const assertSameSearch = () => {
    if (store.searchAt(caseId) !== searchedAt) {
      throw new AppError('INVALID_INPUT', `Case ${ref} was searched again while its package was being made. Nothing was written; export it again.`);
    }
  };
  const gone = (p: FeedPlace) => new AppError('INVALID_INPUT', `Hit ${p.id} of case ${ref} is no longer stored as it was. Nothing was written; export it again.`);
  const purged = () =>
    new AppError('INVALID_INPUT', `The records of case ${ref} were deleted under the retention rule while its package was being made. Nothing was written, and the case cannot be exported again.`);
  return {
    *facts() {
      assertSameSearch();
      const fieldSets = new Map<string, readonly string[]>();
      const fieldsOf = (json: string) => {
        let fields = fieldSets.get(json);
        if (!fields) fieldSets.set(json, (fields = FieldsSchema.parse(JSON.parse(json))));
        return fields;
      };
      let from = -1;
      for (const r of store.planRows(caseId)) {
        if (r.facts_json === null || r.fields_json === null) {
          from = r.position;
          break;
        }
        yield { facts: { id: r.hit_id, source: r.source, fields: fieldsOf(r.fields_json), ...HitFactsSchema.parse(JSON.parse(r.facts_json)) }, position: r.position };
      }
      if (from >= 0) {
        // A hit without facts: stored before they were kept, or purged. From there on the plan
        // reads the record copies, as it did before facts were kept.
        for (const r of store.planCopies(caseId, from)) {
          // A purged case is refused before its hits are read; a purge can only come in between.
          if (r.snapshot_json === null) throw purged();
          yield { facts: factsOf(HitSchema.parse(JSON.parse(r.snapshot_json))), position: r.position };
        }
      }
      // The two reads above are two statements: a search stored in between is caught here.
      assertSameSearch();
    },
    *again(places) {
      for (let at = 0; at < places.length; at += WINDOW) {
        assertSameSearch();
        const batch = places.slice(at, at + WINDOW);
        const from = batch[0].position;
        const to = batch[batch.length - 1].position;
        const dense = to - from < SPARSE * batch.length && batch.every((p, i) => i === 0 || p.position > batch[i - 1].position);
        let i = 0;
        for (const json of dense ? inRange(batch, from, to) : oneByOne(batch)) yield copyOf(json, batch[i++]);
      }
      assertSameSearch();
    },
  };

  /**
   * A stored record copy as a hit. The copies were hits when stored, in the same transaction
   * as their facts; checking all of each against the schema again cost half a second per
   * 200,000 hits. Here only that it is the hit asked for and has a record; the package then
   * checks it against its plan (package/as-planned.ts), which is what a damaged store would
   * get wrong.
   */
  function copyOf(json: string, p: FeedPlace): Hit {
    const hit = JSON.parse(json) as Hit | null;
    if (typeof hit !== 'object' || hit === null || hit.id !== p.id || typeof hit.record !== 'object' || hit.record === null) throw gone(p);
    return hit;
  }

  function* inRange(batch: readonly FeedPlace[], from: number, to: number): Generator<string> {
    const rows = store.snapshots(caseId, from, to);
    let r = 0;
    for (const p of batch) {
      while (r < rows.length && rows[r][1] < p.position) r++;
      const [hitId, position, json] = rows[r] ?? [];
      if (position === p.position && hitId === p.id && json === null) throw purged();
      if (position !== p.position || hitId !== p.id || typeof json !== 'string') throw gone(p);
      yield json;
    }
  }

  function* oneByOne(batch: readonly FeedPlace[]): Generator<string> {
    for (const p of batch) {
      const json = store.snapshot(caseId, p.id);
      if (json === null) throw purged();
      if (typeof json !== 'string') throw gone(p);
      yield json;
    }
  }
}
