import type { CoverLetter } from './cover-letter';
import { renderCoverLetterPdf } from './cover-letter-pdf';
import { startInBackground } from '../search/workers/background-priority';
import { workerStart } from '../search/workers/worker-url';

/**
 * Lays out the cover letter in a worker thread while the export writes data.json and the
 * spreadsheet on its own thread. The letter is mostly font shaping (fontkit decoding Noto
 * Sans's layout tables for three faces, 0.4-0.5 s of CPU), independent of the data, and the
 * export's own thread is the one everything else waits for; the worker runs at background
 * priority beside the compression. Where no worker can be started, or the worker fails before
 * answering, the letter is laid out here instead, so the export never depends on the worker.
 */
export function renderLetterAside(letter: CoverLetter, signal?: AbortSignal): Promise<Buffer> {
  const start = workerStart('letter-worker', new URL('./letter-worker.ts', import.meta.url));
  if (!start) return renderCoverLetterPdf(letter);
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const worker = startInBackground(start, { workerData: { letter } });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      outcome();
    };
    const inProcess = () => finish(() => renderCoverLetterPdf(letter).then(resolve, reject));
    const onAbort = () => finish(() => reject(signal!.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (m: { pdf?: Uint8Array; error?: string }) => {
      if (m.pdf) finish(() => resolve(Buffer.from(m.pdf!.buffer, m.pdf!.byteOffset, m.pdf!.byteLength)));
      else inProcess();
    });
    worker.once('error', inProcess);
    worker.once('exit', inProcess);
  });
}
