import { describe, expect, it } from 'vitest';
import type { IncludedHit, PlannedHit } from '../../electron/core/package/included';
import { sharedReads } from '../../electron/core/package/shared-read';

const planned = (n: number): PlannedHit[] =>
  Array.from({ length: n }, (_, i) => ({ id: `h${i}`, position: i, source: 's', location: { table: 't', record: i, line: i + 2 }, confidence: 'high', columns: ['n'] }));

/** A read that counts how many hits it produced, as the case feed would read them from SQLite. */
function countingRead() {
  const counter = { made: 0 };
  const read = function* (hits: readonly PlannedHit[]): Generator<IncludedHit> {
    for (const h of hits) {
      counter.made++;
      yield { id: h.id, source: h.source, location: h.location, confidence: h.confidence, score: 1, reasons: [], matches: [], record: { n: h.position } };
    }
  };
  return { read, counter };
}

async function drain(batches: AsyncIterable<readonly IncludedHit[]>, onBatch?: () => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of batches) {
    ids.push(...batch.map((h) => h.id));
    await onBatch?.();
  }
  return ids;
}

/** Two readers of `n` hits, the first started and given time to run ahead while the second has not begun. */
async function oneReaderAhead(n: number) {
  const { read, counter } = countingRead();
  const shared = sharedReads(read, 2);
  const hits = planned(n);
  const front = drain(shared.read(hits));
  await new Promise((r) => setTimeout(r, 20));
  return { shared, counter, hits, front };
}

describe('sharedReads: two writers, one read of each hit', () => {
  it('gives both readers every hit in order while reading each hit once', async () => {
    const { read, counter } = countingRead();
    const shared = sharedReads(read, 2);
    const hits = planned(2000);
    const [a, b] = await Promise.all([drain(shared.read(hits)), drain(shared.read(hits), () => new Promise((r) => setTimeout(r, 1)))]);
    expect(a).toEqual(hits.map((h) => h.id));
    expect(b).toEqual(a);
    expect(counter.made).toBe(2000);
  });

  it('makes the reader in front wait, so only a few batches are ever held', async () => {
    const { shared, counter, hits, front } = await oneReaderAhead(10_000);
    // The other reader has not started: the one in front must stop after a couple of batches.
    expect(counter.made).toBeGreaterThan(0);
    expect(counter.made).toBeLessThanOrEqual(3 * 512);
    const behind = await drain(shared.read(hits));
    expect(await front).toEqual(behind);
    expect(counter.made).toBe(10_000);
  });

  it('wakes a waiting reader with the error when the other reader fails', async () => {
    const { shared, front } = await oneReaderAhead(10_000);
    shared.fail(new Error('the spreadsheet could not be written'));
    await expect(front).rejects.toThrow('the spreadsheet could not be written');
  });

  it('with one reader, reads straight through', async () => {
    const { read, counter } = countingRead();
    const shared = sharedReads(read, 1);
    expect(await drain(shared.read(planned(1300)))).toHaveLength(1300);
    expect(counter.made).toBe(1300);
  });
});

describe('sharedReads when something goes wrong', () => {
  it('gives a failed read to every reader of the table, not only to the one that read', async () => {
    const shared = sharedReads(function* () {
      yield { id: 'a', source: 's', location: { table: 't', record: 1, line: 2 }, confidence: 'high', score: 1, reasons: [], matches: [], record: {} };
      throw new Error('the store was closed');
    }, 2);
    const hits = planned(3);
    const results = await Promise.allSettled([drain(shared.read(hits)), drain(shared.read(hits))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason).toMatchObject({ message: 'the store was closed' });
  });

  it('lets the other reader go on when one stops inside a table', async () => {
    const { shared, counter, hits, front } = await oneReaderAhead(5000);
    // The reader behind takes one batch and stops (a writer that failed on its own).
    for await (const batch of shared.read(hits)) {
      expect(batch).toHaveLength(512);
      break;
    }
    expect(await front).toHaveLength(5000);
    expect(counter.made).toBe(5000);
  });
});
