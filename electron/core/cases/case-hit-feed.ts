import { AppError } from '../../../shared/errors';
import { HitSchema, type Hit } from '../../../shared/hit';
import type { HitFeed } from '../package/hit-feed';
import type { CaseStore } from './case-store';

/** How many hits are read again between two checks that the case still holds the same search. */
const CHECK_EVERY = 1000;

/**
 * A case's stored hits as a package feed (package/hit-feed.ts): the plan reads them in search
 * order, checked against the hit schema, and the writers read each one again by id. Nothing
 * holds them all at once, so exporting a case of 200,000 hits does not hold 200,000 records.
 *
 * Between the two reads the app could store a new search with the case; a package must not
 * mix two searches. Every search stored changes `case_search.at`, so the feed checks it before,
 * while and after each read: a change throws, and the export writes nothing.
 */
export function caseHitFeed(store: CaseStore, caseId: number, ref: string, searchedAt: string): HitFeed {
  const assertSameSearch = () => {
    if (store.searchAt(caseId) !== searchedAt) {
      throw new AppError('INVALID_INPUT', `Case ${ref} was searched again while its package was being made. Nothing was written; export it again.`);
    }
  };
  return {
    *all() {
      assertSameSearch();
      // A purged hit has no record copy left; such a case is refused before its hits are read.
      for (const h of store.eachHit(caseId)) if (h.snapshotJson !== null) yield HitSchema.parse(JSON.parse(h.snapshotJson));
    },
    *again(places) {
      let n = 0;
      for (const p of places) {
        if (n++ % CHECK_EVERY === 0) assertSameSearch();
        const json = store.snapshot(caseId, p.id);
        if (typeof json !== 'string') throw new AppError('INVALID_INPUT', `Hit ${p.id} of case ${ref} is no longer stored. Nothing was written; export it again.`);
        // Checked against the schema in all(); the search is the same, so the copy is too.
        yield JSON.parse(json) as Hit;
      }
      assertSameSearch();
    },
  };
}
