/**
 * Column names from a header row. Exports often have empty or repeated headers ("", "Navn",
 * "Navn"); each column still needs a distinct name, or values would overwrite each other.
 */
export function headerNames(raw: readonly string[]): string[] {
  const used = new Set<string>();
  return raw.map((name, i) => {
    const base = name.trim() || `column_${i + 1}`;
    let candidate = base;
    for (let k = 2; used.has(candidate); k++) candidate = `${base}_${k}`;
    used.add(candidate);
    return candidate;
  });
}

/**
 * One row as a record's fields: each value under its column's name (a value beyond the
 * header gets column_N), leaving out excluded columns. The search and the raw pass's
 * candidate check (search/prefilter/candidate-match.ts) both build records this way.
 */
export function rowFields(values: readonly string[], names: readonly string[], exclude: ReadonlySet<string>): Record<string, string> {
  const fields: Record<string, string> = {};
  values.forEach((value, i) => {
    const name = names[i] ?? `column_${i + 1}`;
    if (!exclude.has(name)) fields[name] = value;
  });
  return fields;
}

/** The table's column names from its first row: the header's names, or column_1, column_2, ... */
export function columnNames(firstRow: readonly string[], hasHeader: boolean): string[] {
  return hasHeader ? headerNames(firstRow) : firstRow.map((_, i) => `column_${i + 1}`);
}
