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
