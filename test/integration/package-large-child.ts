/**
 * Child process for the large-export test: builds a package of N records and reports memory.
 * Run in its own process so its peak RSS is its own (vitest's workers would blur it).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Hit } from '../../shared/hit';
import { build, makeFixture } from './package-fixture';

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
mkdirSync(dir, { recursive: true });
const fx = makeFixture(dir);
const hits: Hit[] = [];
for (let i = 0; i < count; i++) {
  hits.push({
    id: `logg-${i}`,
    source: 'butikk',
    location: { table: 'innlogging', key: { id: i + 1 } },
    confidence: 'high',
    score: 0.95,
    reasons: ['email matched e-mail ailu@example.no (case-insensitive)'],
    matches: [{ field: 'email', kind: 'email', value: 'ailu@example.no' }],
    record: {
      id: i + 1,
      email: 'ailu@example.no',
      at: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
      ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Innsyn-test',
      ok: i % 7 !== 0,
    },
  });
}
for (const h of hits) fx.result.hits.push(h);
// With --expose-gc, measure what the records themselves hold before the export, and what is
// still held after it: the export must not keep anything proportional to the data.
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baselineKb = Math.round(process.memoryUsage().rss / 1024);
const heapBeforeKb = Math.round(process.memoryUsage().heapUsed / 1024);
const built = await build(fx, path.join(dir, 'large.zip'));
gc?.();
const heapAfterKb = Math.round(process.memoryUsage().heapUsed / 1024);
process.stdout.write(
  `${JSON.stringify({
    records: built.manifest.sources.reduce((n, s) => n + s.included, 0),
    size: built.size,
    verified: built.verified,
    baselineKb,
    heapBeforeKb,
    heapAfterKb,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
