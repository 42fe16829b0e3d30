import { AppError } from '../../../shared/errors';
import type { Location } from '../../../shared/hit';
import { subjectOf } from './hit-feed';
import type { IncludedHit, PlannedHit } from './included';

/**
 * A hit read again for the writers must be the hit the plan selected, grouped and counted. A
 * case's feed plans from facts stored beside each record copy and gives the writers the copy;
 * were the two to disagree (a damaged or hand-edited register), the letter, the manifest's
 * counts and the sheet's columns would say one thing and data.json another. So each hit is
 * checked against its plan as it is written: the facts the plan used, the redacted record's
 * fields in the planned order, and cells that are plain values, as data.json's schema says.
 * A few comparisons a hit; a mismatch stops the export before anything is written.
 */
export function assertAsPlanned(hit: IncludedHit, p: PlannedHit): void {
  const same =
    hit.id === p.id &&
    hit.source === p.source &&
    hit.confidence === p.confidence &&
    hit.relatedTo === p.relatedTo &&
    hit.thirdParty === p.thirdParty &&
    sameLocation(hit.location, p.location) &&
    (p.subject === undefined || subjectOf(hit.record) === p.subject) &&
    fieldsAre(hit.record, p.columns);
  if (!same) {
    throw new AppError(
      'INVALID_INPUT',
      `The stored copy of hit ${p.id} differs from what its package was planned from, so the package would contradict itself. Nothing was written. Search again to store the hits afresh, then export.`,
    );
  }
}

function sameLocation(a: Location, b: Location): boolean {
  if ('line' in a || 'line' in b) return 'line' in a && 'line' in b && a.table === b.table && a.record === b.record && a.line === b.line;
  if ('key' in a || 'key' in b) return 'key' in a && 'key' in b && a.table === b.table && JSON.stringify(a.key) === JSON.stringify(b.key);
  return a.file === b.file && a.index === b.index && a.messageId === b.messageId && a.folder === b.folder && a.bytes?.[0] === b.bytes?.[0] && a.bytes?.[1] === b.bytes?.[1];
}

/** The record has exactly these fields, in this order, and each holds a plain value. */
function fieldsAre(record: IncludedHit['record'], columns: readonly string[]): boolean {
  let i = 0;
  for (const key in record) {
    if (key !== columns[i++]) return false;
    const v = record[key];
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return false;
  }
  return i === columns.length;
}
