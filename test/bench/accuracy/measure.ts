import type { Confidence } from '../../../shared/hit';
import { runSearch } from '../../../electron/core/search/run-search';
import { recordKey, type AccuracyCase, type Label } from './labels';

export interface CaseFigures {
  id: string;
  title: string;
  /** Records labelled the subject's (direct) and found at any confidence. */
  direct: { expected: number; found: number };
  /** Records that are the subject's only through a key. */
  linked: { expected: number; found: number };
  /** High hits, and how many of them are labelled the subject's. */
  high: { total: number; subject: number };
  namesakesAtHigh: number;
  /** Namesake records found, by their best confidence (they may be found, never at high). */
  namesakes: Record<Confidence | 'not found', number>;
  nearMissesFound: number;
  /** Hits on records with no label (for the Enron inbox: messages not naming him). */
  unlabelledFound: Record<Confidence, number>;
  missed: string[];
  falseHigh: string[];
  sourceStatus: string;
  ms: number;
  note?: string;
}

const isSubject = (l: Label | undefined) => l === 'subject' || l === 'subject-linked';

/** Runs the real search pipeline (runSearch: adapters, matcher, related rows) over one case. */
export async function measureCase(c: AccuracyCase): Promise<CaseFigures> {
  const started = performance.now();
  const result = await runSearch({ sources: [c.source], subject: c.subject });
  const best = new Map<string, Confidence>();
  const rank = { low: 0, medium: 1, high: 2 } as const;
  for (const h of result.hits) {
    const k = recordKey(h.location);
    const was = best.get(k);
    if (was === undefined || rank[h.confidence] > rank[was]) best.set(k, h.confidence);
  }
  const count = (label: Label) => [...c.labels.values()].filter((l) => l === label).length;
  const foundWith = (label: Label) => [...c.labels].filter(([k, l]) => l === label && best.has(k)).length;
  const highs = [...best].filter(([, conf]) => conf === 'high').map(([k]) => k);
  const unlabelledFound = { high: 0, medium: 0, low: 0 };
  for (const [k, conf] of best) if (!c.labels.has(k)) unlabelledFound[conf]++;
  return {
    id: c.id,
    title: c.title,
    direct: { expected: count('subject'), found: foundWith('subject') },
    linked: { expected: count('subject-linked'), found: foundWith('subject-linked') },
    high: { total: highs.length, subject: highs.filter((k) => isSubject(c.labels.get(k))).length },
    namesakesAtHigh: highs.filter((k) => c.labels.get(k) === 'namesake').length,
    namesakes: [...c.labels].reduce(
      (acc, [k, l]) => {
        if (l === 'namesake') acc[best.get(k) ?? 'not found']++;
        return acc;
      },
      { high: 0, medium: 0, low: 0, 'not found': 0 },
    ),
    nearMissesFound: [...c.labels].filter(([k, l]) => l === 'near-miss' && best.has(k)).length,
    unlabelledFound,
    missed: [...c.labels].filter(([k, l]) => isSubject(l) && !best.has(k)).map(([k]) => k),
    falseHigh: highs.filter((k) => !isSubject(c.labels.get(k))),
    sourceStatus: result.sources.map((s) => s.status + (s.error ? `: ${s.error}` : '')).join(', '),
    ms: Math.round(performance.now() - started),
    ...(c.note ? { note: c.note } : {}),
  };
}

const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** Recall counts direct and linked records; the split shows what depends on related-row following. */
export function recall(f: CaseFigures): number {
  const d = f.direct.expected + f.linked.expected;
  return d === 0 ? 1 : (f.direct.found + f.linked.found) / d;
}

export function highPrecision(f: CaseFigures): number {
  return f.high.total === 0 ? 1 : f.high.subject / f.high.total;
}

export function formatTable(figures: readonly CaseFigures[]): string {
  const lines = [
    'corpus                         recall   direct        linked        high-precision  namesakes@high  near-misses found',
  ];
  for (const f of figures) {
    lines.push(
      `${f.id.padEnd(30)} ${pct(f.direct.found + f.linked.found, f.direct.expected + f.linked.expected)}  ` +
        `${`${f.direct.found}/${f.direct.expected}`.padEnd(13)} ${`${f.linked.found}/${f.linked.expected}`.padEnd(13)} ` +
        `${pct(f.high.subject, f.high.total)} (${f.high.subject}/${f.high.total})`.padEnd(16) +
        `${String(f.namesakesAtHigh).padStart(15)} ${String(f.nearMissesFound).padStart(18)}`,
    );
  }
  return lines.join('\n');
}
