import { parentPort, workerData } from 'node:worker_threads';
import { openEntryStream } from './entry-stream';
import type { FromSheetWorker, SheetWorkerData, ToSheetWorker } from './xlsx-aside';
import { SheetBuilder } from './xlsx-build';

/**
 * Worker entry: builds data.xlsx from the steps the export sends (xlsx-aside.ts) into the
 * staged file, hashing it as it is written (entry-stream.ts). Steps are built one after
 * another, each acknowledged once built, so the export never sends far ahead.
 */
const { file, mode } = workerData as SheetWorkerData;
const entry = openEntryStream(file, mode);
const builder = new SheetBuilder(entry.sink);
const post = (m: FromSheetWorker) => parentPort?.postMessage(m);
let work = Promise.resolve();
let stopped = false;

function stop(): void {
  stopped = true;
  builder.abort();
  entry.destroy();
}

parentPort?.on('message', (m: ToSheetWorker) => {
  if (m.t === 'abort') {
    stop();
    void entry.closed.then(() => post({ t: 'closed' }));
    return;
  }
  work = work
    .then(async () => {
      if (stopped) return;
      if (m.t === 'step') {
        await builder.apply(m.step);
        post({ t: 'ack' });
        return;
      }
      await builder.finish();
      const ended = await entry.end();
      const packed = ended.packed ? await ended.packed : undefined;
      post(packed ? { t: 'done', digest: ended.digest, packed } : { t: 'done', digest: ended.digest });
    })
    .catch((err: unknown) => {
      if (stopped) return;
      stop();
      const code = (err as { code?: unknown } | null)?.code;
      post({ t: 'failed', message: err instanceof Error ? err.message : String(err), ...(typeof code === 'string' ? { code } : {}) });
    });
});
