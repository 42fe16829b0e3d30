/** The delimiters Norwegian and international exports use, in order of preference on a tie. */
const CANDIDATES = [';', ',', '\t', '|'] as const;

/**
 * Picks the delimiter that splits the first lines into the same, largest number of fields.
 * Quoted sections are skipped so a comma inside "Hansen, Bjørn" does not vote.
 */
export function sniffDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).filter((l) => l.length > 0).slice(0, 20);
  let best: string = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    if (counts.length === 0 || counts[0] === 0) continue;
    const consistent = counts.filter((c) => c === counts[0]).length;
    const score = consistent * 1000 + counts[0];
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}
