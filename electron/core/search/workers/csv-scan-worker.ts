/**
 * Worker thread that runs raw CSV range scans (see search/prefilter/csv-scan.ts). The
 * candidates' bytes are transferred, not copied, back to the searching thread.
 */
import { parentPort } from 'node:worker_threads';
import { scanCsvRange, type CsvScanJob } from '../prefilter/csv-scan';

parentPort?.on('message', (msg: { id: number; job: CsvScanJob }) => {
  try {
    const result = scanCsvRange(msg.job);
    const bytes = result.bytes;
    const transfer = bytes.byteLength > 0 && bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? [bytes.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ id: msg.id, result }, transfer);
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, error: (err as Error).message });
  }
});
