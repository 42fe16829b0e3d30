import { z } from 'zod';
import { ConfidenceSchema, LocationSchema, type Hit } from '../../../shared/hit';

/** Where a hit stands in its feed, so it can be asked for again. */
export interface FeedPlace {
  id: string;
  /** Where the feed finds it again; positions grow in the order `facts()` gives the hits. */
  position: number;
}

/**
 * What a package plan needs to know of a hit without its record's values: where it is, how
 * sure, how it is related, and a message's subject line (for its file name). A case stores
 * these beside each record copy, with the record's field names (cases/case-store.ts), so
 * planning a case of 200,000 hits reads a few megabytes instead of parsing every copy.
 */
export const HitFactsSchema = z.object({
  location: LocationSchema,
  confidence: ConfidenceSchema,
  relatedTo: z.string().optional(),
  thirdParty: z.boolean().optional(),
  /** A message's subject line; mail hits only. */
  subject: z.string().optional(),
});
export type StoredHitFacts = z.infer<typeof HitFactsSchema>;
export interface HitFacts extends StoredHitFacts {
  id: string;
  source: string;
  /** The record's field names, in the record's order; hits with the same fields may share one array. */
  fields: readonly string[];
}

/** The facts of a hit as a case stores them: without id, source and fields, which it keeps in columns. */
export function storedFactsOf(hit: Hit): StoredHitFacts {
  const facts: StoredHitFacts = { location: hit.location, confidence: hit.confidence };
  if (hit.relatedTo !== undefined) facts.relatedTo = hit.relatedTo;
  if (hit.thirdParty !== undefined) facts.thirdParty = hit.thirdParty;
  if ('file' in hit.location) facts.subject = subjectOf(hit.record);
  return facts;
}

/** The facts of a hit, as a feed gives them. */
export function factsOf(hit: Hit): HitFacts {
  return { id: hit.id, source: hit.source, fields: Object.keys(hit.record), ...storedFactsOf(hit) };
}

/** A message's subject line as its file name takes it: the record's `subject`, or nothing. */
export function subjectOf(record: Hit['record']): string {
  return typeof record.subject === 'string' ? record.subject : '';
}

/**
 * The hits a package is built from, read twice: once, as facts, to plan the package
 * (included.ts keeps a light `PlannedHit` of each), and again, in full, table by table, by
 * the writers. A case with 200,000 hits is so never held in memory as objects: the case
 * register reads them from its store both times (cases/case-hit-feed.ts).
 */
export interface HitFeed {
  /** Every hit's facts once, in search order, with its position. */
  facts(): Iterable<{ facts: HitFacts; position: number }>;
  /** The hits at these places in full, in the order asked for. Throws if they changed since `facts()`. */
  again(places: readonly FeedPlace[]): Iterable<Hit>;
}

/** A feed over hits already in memory (a search just run, `innsyn export` without a case). */
export function feedOf(hits: readonly Hit[]): HitFeed {
  return {
    *facts() {
      for (let position = 0; position < hits.length; position++) yield { facts: factsOf(hits[position]), position };
    },
    *again(places) {
      for (const p of places) yield hits[p.position];
    },
  };
}
