import type { Hit, MailLocation } from '../../../shared/hit';
import type { PlannedHit } from './included';

export function isMailHit(hit: Hit): hit is Hit & { location: MailLocation } {
  return 'file' in hit.location;
}

export interface TableGroup {
  name: string;
  hits: PlannedHit[];
  /** Every field name any of its records has, in the order first seen: the spreadsheet's columns. */
  columns: string[];
}

export type PlannedMessage = PlannedHit & { location: MailLocation };

export interface SourceGroup {
  id: string;
  tables: TableGroup[];
  messages: PlannedMessage[];
}

/** Groups included hits by source, then table (or mailbox messages), keeping source order. */
export function groupHits(sourceIds: readonly string[], hits: readonly PlannedHit[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup>(sourceIds.map((id) => [id, { id, tables: [], messages: [] }]));
  const tables = new Map<string, { group: TableGroup; columns: Set<string>; seen: Set<readonly string[]> }>();
  for (const hit of hits) {
    const group = groups.get(hit.source);
    if (!group) continue;
    if (!('table' in hit.location)) {
      group.messages.push(hit as PlannedMessage);
      continue;
    }
    const key = `${hit.source}\u0000${hit.location.table}`;
    let table = tables.get(key);
    if (!table) {
      table = { group: { name: hit.location.table, hits: [], columns: [] }, columns: new Set(), seen: new Set() };
      tables.set(key, table);
      group.tables.push(table.group);
    }
    table.group.hits.push(hit);
    // Hits with the same fields share one array (included.ts): each set is merged in once.
    if (!table.seen.has(hit.columns)) {
      table.seen.add(hit.columns);
      for (const c of hit.columns) table.columns.add(c);
    }
  }
  for (const t of tables.values()) t.group.columns = [...t.columns];
  return [...groups.values()];
}
