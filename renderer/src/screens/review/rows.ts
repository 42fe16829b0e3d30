import type { Confidence, Hit } from '../../../../shared/hit';

export type Row =
  | { type: 'group'; key: string; source: string; place: string; count: number; high: number }
  | { type: 'hit'; key: string; hit: Hit };

const rank: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** Where inside the source a hit lives: the table, or the mail file and folder. */
export function placeOf(hit: Hit): string {
  const loc = hit.location;
  if ('table' in loc) return loc.table;
  return loc.folder ? `${loc.file} / ${loc.folder}` : loc.file;
}

/** A short, stable description of the record for the list ("kunde.csv #4", "mail 12"). */
export function recordLabel(hit: Hit): string {
  const loc = hit.location;
  if ('record' in loc) return `#${loc.record}`;
  if ('key' in loc) return Object.entries(loc.key).map(([k, v]) => `${k}=${String(v)}`).join(', ');
  const subject = hit.record.subject;
  return typeof subject === 'string' && subject ? subject : `#${(loc.index ?? 0) + 1}`;
}

/**
 * Hits grouped by source and table, most certain first inside each group, flattened into
 * one list of rows so the virtualiser can render any window of it.
 */
export function buildRows(hits: readonly Hit[], filter: (h: Hit) => boolean): Row[] {
  const groups = new Map<string, Hit[]>();
  for (const h of hits) {
    if (!filter(h)) continue;
    const key = `${h.source}\u0000${placeOf(h)}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(h);
  }
  const rows: Row[] = [];
  for (const [key, list] of groups) {
    list.sort((a, b) => rank[a.confidence] - rank[b.confidence] || b.score - a.score);
    const [source] = key.split('\u0000');
    rows.push({ type: 'group', key, source, place: placeOf(list[0]), count: list.length, high: list.filter((h) => h.confidence === 'high').length });
    for (const hit of list) rows.push({ type: 'hit', key: hit.id, hit });
  }
  return rows;
}
