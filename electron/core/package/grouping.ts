import type { Hit, MailLocation } from '../../../shared/hit';
import type { IncludedHit } from './included';

export function isMailHit(hit: Hit): hit is Hit & { location: MailLocation } {
  return 'file' in hit.location;
}

export interface TableGroup {
  name: string;
  hits: IncludedHit[];
}

export interface SourceGroup {
  id: string;
  tables: TableGroup[];
  messages: Array<IncludedHit & { location: MailLocation }>;
}

/** Groups included hits by source, then table (or mailbox messages), keeping source order. */
export function groupHits(sourceIds: readonly string[], hits: readonly IncludedHit[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>(sourceIds.map((id) => [id, { id, tables: [], messages: [] }]));
  const tables = new Map<string, TableGroup>();
  for (const hit of hits) {
    const group = groups.get(hit.source);
    if (!group) continue;
    if (!('table' in hit.location)) {
      group.messages.push(hit as IncludedHit & { location: MailLocation });
      continue;
    }
    const key = `${hit.source}\u0000${hit.location.table}`;
    let table = tables.get(key);
    if (!table) {
      table = { name: hit.location.table, hits: [] };
      tables.set(key, table);
      group.tables.push(table);
    }
    table.hits.push(hit);
  }
  return [...groups.values()];
}
