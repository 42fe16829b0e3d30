import type { Cell, Location } from '../../../../shared/hit';
import type { RelatedRecord, SourceRecord } from '../source';
import { describeForeignKey, type ForeignKey } from './table-schema';

/** How deep to follow keys by default: Customer → Invoice → InvoiceLine is two steps. */
export const DEFAULT_MAX_DEPTH = 3;

/** What an adapter provides so relations can be followed without knowing its storage. */
export interface ChildRowFinder {
  /** Rows of `table` whose `columns` equal one of the `keys` tuples (same order as `columns`). */
  rowsWhere(table: string, columns: readonly string[], keys: readonly Cell[][]): AsyncIterable<SourceRecord>;
}

export interface FollowOptions {
  maxDepth?: number;
  signal?: AbortSignal;
  /** Told when the depth limit stopped the walk while there were still rows to follow. */
  depthLimitReached?: (depth: number) => void;
}

/**
 * Finds the rows that refer to the matched rows, and the rows that refer to those, breadth
 * first. Only child direction: a foreign key is followed from the referenced row to the rows
 * pointing at it, never the other way, so the Employee a Customer points at (someone else)
 * is never pulled in. Each row is returned once (a cycle of keys cannot loop), and the walk
 * stops at `maxDepth` steps from a matched row.
 */
export async function* followRelations(
  matched: readonly SourceRecord[],
  foreignKeys: readonly ForeignKey[],
  finder: ChildRowFinder,
  options: FollowOptions = {},
): AsyncIterable<RelatedRecord> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const seen = new Set(matched.map((r) => locationKey(r.location)));
  let frontier: readonly SourceRecord[] = matched;
  for (let depth = 1; frontier.length > 0; depth++) {
    if (depth > maxDepth) {
      if (await anyChildren(frontier, foreignKeys, finder, seen)) options.depthLimitReached?.(maxDepth);
      return;
    }
    const next: SourceRecord[] = [];
    for (const fk of foreignKeys) {
      const parents = indexParents(frontier, fk);
      if (parents.size === 0) continue;
      const keys = [...parents.values()].map((p) => p.values);
      for await (const child of finder.rowsWhere(fk.table, fk.columns, keys)) {
        if (options.signal?.aborted) return;
        const id = locationKey(child.location);
        if (seen.has(id)) continue;
        const parent = parents.get(tupleKey(fk.columns.map((c) => keyValue(child, c))));
        if (!parent) continue; // the engine compared more loosely than we do; stay exact
        seen.add(id);
        next.push(child);
        yield { ...child, from: parent.location, via: describeForeignKey(fk) };
      }
    }
    frontier = next;
  }
}

/** Parent rows in the frontier that the foreign key points at, by their key values. */
function indexParents(
  frontier: readonly SourceRecord[],
  fk: ForeignKey,
): Map<string, { values: Cell[]; location: Location }> {
  const out = new Map<string, { values: Cell[]; location: Location }>();
  for (const rec of frontier) {
    if (!('table' in rec.location) || rec.location.table !== fk.refTable) continue;
    const values = fk.refColumns.map((c) => keyValue(rec, c));
    if (values.some((v) => v === null || v === undefined || v === '')) continue;
    const key = tupleKey(values);
    if (!out.has(key)) out.set(key, { values: values as Cell[], location: rec.location });
  }
  return out;
}

/** A key column's value: from the fields, or from the location when the column is not shown. */
function keyValue(rec: SourceRecord, column: string): Cell | undefined {
  if (column in rec.fields) return rec.fields[column];
  const loc = rec.location;
  return 'key' in loc ? loc.key[column] : undefined;
}

async function anyChildren(
  frontier: readonly SourceRecord[],
  foreignKeys: readonly ForeignKey[],
  finder: ChildRowFinder,
  seen: ReadonlySet<string>,
): Promise<boolean> {
  for (const fk of foreignKeys) {
    const parents = indexParents(frontier, fk);
    if (parents.size === 0) continue;
    for await (const child of finder.rowsWhere(fk.table, fk.columns, [...parents.values()].map((p) => p.values))) {
      if (!seen.has(locationKey(child.location))) return true;
    }
  }
  return false;
}

/** Values compare as trimmed text: a CSV "5" and a database 5 are the same key. */
export function tupleKey(values: ReadonlyArray<Cell | undefined>): string {
  return JSON.stringify(values.map((v) => (v === null || v === undefined ? null : String(v).trim())));
}

/** Identifies a row within one source, whatever kind of location it has. */
export function locationKey(location: Location): string {
  if ('key' in location) {
    const key = Object.entries(location.key).sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify([location.table, key]);
  }
  if ('record' in location) return JSON.stringify([location.table, location.record]);
  return JSON.stringify(location);
}
