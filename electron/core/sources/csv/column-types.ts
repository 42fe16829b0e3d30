/**
 * What a CSV cell looks like. CSV has no types, but the DPO's preview shows what each column
 * seems to hold, and header detection needs to tell a header ("Telefon") from data ("91345678").
 */
export type CellShape = 'empty' | 'integer' | 'decimal' | 'date' | 'email' | 'text';

export function cellShape(value: string): CellShape {
  const v = value.trim();
  if (v === '') return 'empty';
  if (/^[+-]?\d+$/.test(v)) return 'integer';
  if (/^[+-]?(\d+[.,]\d+|\d{1,3}([ .,\u00a0]\d{3})+([.,]\d+)?)$/.test(v)) return 'decimal';
  if (/^(\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})/.test(v)) return 'date';
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) return 'email';
  return 'text';
}

/** The shape most non-empty cells of a column have, or "text" when they disagree. */
export function columnType(values: readonly string[]): CellShape {
  const counts = new Map<CellShape, number>();
  for (const v of values) {
    const s = cellShape(v);
    if (s !== 'empty') counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  if (counts.size === 0) return 'empty';
  if (counts.size === 2 && counts.has('integer') && counts.has('decimal')) return 'decimal';
  const [[shape, n]] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return n / total >= 0.9 ? shape : 'text';
}

/**
 * Whether the first row is a header. A header cell is never a number, a date or an e-mail
 * address; and a column whose data rows are numbers, dates or addresses under a word is
 * a strong sign of a header. When nothing tells (every cell is text), most exports have a
 * header, so that is assumed; the preview shows the choice and `header` in the workspace
 * overrides it.
 */
export function looksLikeHeader(rows: readonly string[][]): boolean {
  if (rows.length === 0) return true;
  const [first, ...rest] = rows;
  if (first.some((cell) => ['integer', 'decimal', 'date', 'email'].includes(cellShape(cell)))) return false;
  if (rest.length === 0) return true;
  let votesFor = 0;
  let votesAgainst = 0;
  first.forEach((cell, i) => {
    const below = columnType(rest.map((r) => r[i] ?? ''));
    if (below === 'empty') return;
    if (below !== 'text') votesFor++;
    else if (cellShape(cell) === 'text' && rest.some((r) => r[i] === cell)) votesAgainst++; // repeats in the data
  });
  return votesFor >= votesAgainst;
}
