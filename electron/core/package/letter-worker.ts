import { parentPort, workerData } from 'node:worker_threads';
import type { CoverLetter } from './cover-letter';
import { renderCoverLetterPdf } from './cover-letter-pdf';

/** Worker entry: lays out one cover letter (see letter-aside.ts) and sends back its PDF bytes. */
renderCoverLetterPdf((workerData as { letter: CoverLetter }).letter).then(
  (pdf) => parentPort?.postMessage({ pdf }),
  (err: unknown) => parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) }),
);
