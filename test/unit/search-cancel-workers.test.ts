import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSearch } from '../../electron/core/search/run-search';
import { mboxWorkerTuning } from '../../electron/core/search/workers/parallel-mbox';
import { tempDir } from '../helpers/temp';

const savedMin = mboxWorkerTuning.minBytes;
afterEach(() => {
  mboxWorkerTuning.minBytes = savedMin;
});

/** Enough small messages for several batches to be with the workers when the search is cancelled. */
function bigMailbox(): string {
  const file = path.join(tempDir('innsyn-cancel-'), 'arkiv.mbox');
  const messages = Array.from(
    { length: 2000 },
    (_, i) => `From kunde${i}@example.no Thu Jan  1 00:00:00 2015\nFrom: Kunde ${i} <kunde${i}@example.no>\nSubject: Sak ${i}\n\nHei, dette gjelder sak ${i}.\n\n`,
  );
  writeFileSync(file, messages.join(''));
  return file;
}

describe('cancelling a mailbox search decoded in worker threads', () => {
  it('reports the source as cancelled and leaves no rejected request behind to end the process', async () => {
    mboxWorkerTuning.minBytes = 0;
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const cancel = new AbortController();
      const result = await runSearch({
        sources: [{ id: 'arkiv', kind: 'mailbox', path: bigMailbox() }],
        subject: { names: [], emails: ['ola@example.no'], phones: [], nationalIds: [], others: [] },
        signal: cancel.signal,
        // Cancel as soon as the first batch is back, while later batches are still being decoded.
        onProgress: (p) => {
          if (p.scanned > 0) cancel.abort();
        },
      });
      expect(result.sources[0]).toMatchObject({ status: 'error', error: expect.stringMatching(/cancelled/) });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
