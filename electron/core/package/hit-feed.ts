import type { Hit } from '../../../shared/hit';

/** Where a hit stands in its feed, so it can be asked for again. */
export interface FeedPlace {
  id: string;
  /** Where the feed finds it again; positions grow in the order `all()` gives the hits. */
  position: number;
}

/**
 * The hits a package is built from, read twice: once, one at a time, to plan the package
 * (included.ts keeps only a light `PlannedHit` of each), and again, table by table, by
 * the writers. A case with 200,000 hits is so never held in memory as objects: the case
 * register reads them from its store both times (cases/case-hit-feed.ts).
 */
export interface HitFeed {
  /** Every hit once, in search order, with its position. */
  all(): Iterable<{ hit: Hit; position: number }>;
  /** The same hits again, in the order asked for. Throws if they changed since `all()`. */
  again(places: readonly FeedPlace[]): Iterable<Hit>;
}

/** A feed over hits already in memory (a search just run, `innsyn export` without a case). */
export function feedOf(hits: readonly Hit[]): HitFeed {
  return {
    *all() {
      for (let position = 0; position < hits.length; position++) yield { hit: hits[position], position };
    },
    *again(places) {
      for (const p of places) yield hits[p.position];
    },
  };
}
