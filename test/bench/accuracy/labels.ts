import type { Location } from '../../../shared/hit';
import type { Subject } from '../../../shared/subject';
import type { SourceConfig } from '../../../shared/workspace';

/**
 * What a record is, decided when the corpus is built (synthetic) or from the data itself
 * (reference corpora), never from the matcher's output:
 *  - subject: holds the subject's identifiers or is about them (a note in someone else's row counts);
 *  - subject-linked: the subject's only through a key (an invoice line of their invoice);
 *  - namesake: another person with the same name;
 *  - near-miss: looks close (one digit off, a longer number) and must not be found at all.
 */
export type Label = 'subject' | 'subject-linked' | 'namesake' | 'near-miss';

export interface AccuracyCase {
  id: string;
  title: string;
  source: SourceConfig;
  subject: Subject;
  labels: Map<string, Label>;
  /** What the figures depend on besides the matcher, said in the report. */
  note?: string;
}

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${stable(obj[k])}`).join(',')}}`;
}

/** One key per record, for labels and hits alike. */
export function recordKey(location: Location): string {
  if ('record' in location) return `${location.table}#${location.record}`;
  if ('key' in location) return `${location.table}:${stable(location.key)}`;
  return `${location.file}#${location.index ?? ''}`;
}

export const rowKey = (table: string, key: Record<string, string | number>) => recordKey({ table, key });
