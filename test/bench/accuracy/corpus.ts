import { mkdirSync } from 'node:fs';
import type { AccuracyCase } from './labels';
import { chinookCase, northwindCase } from './reference-sql';
import { enronCase, enronPeople, sakilaCase } from './reference-files';
import { buildAppCase } from './synthetic-app';
import { buildCrmCase } from './synthetic-crm';
import { buildMailCase } from './synthetic-mail';
import { buildShopCase } from './synthetic-shop';

export interface CorpusSize {
  /** Generated people per synthetic source. */
  people: number;
  /** Enron inboxes to search (kean-s is small, lay-k large). */
  enron: readonly string[];
}

export const smallSize: CorpusSize = { people: 300, enron: ['kean-s'] };
export const fullSize: CorpusSize = { people: 20_000, enron: ['kean-s', 'lay-k'] };

/** Every case; reference corpora that are absent come back as the reason they were skipped. */
export function allCases(dir: string, size: CorpusSize): { cases: AccuracyCase[]; skipped: string[] } {
  mkdirSync(dir, { recursive: true });
  const built: Array<AccuracyCase | string> = [
    buildCrmCase(dir, size.people),
    buildShopCase(dir, size.people),
    buildAppCase(dir, size.people),
    buildMailCase(dir, size.people),
    chinookCase(),
    northwindCase(),
    sakilaCase(),
    ...enronPeople.filter((p) => size.enron.includes(p.user)).map(enronCase),
  ];
  return {
    cases: built.filter((c): c is AccuracyCase => typeof c !== 'string'),
    skipped: built.filter((c): c is string => typeof c === 'string'),
  };
}
