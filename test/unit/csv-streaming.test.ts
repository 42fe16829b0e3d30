import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareSubject } from '../../electron/core/match/prepare';
import { CsvSource } from '../../electron/core/sources/csv/csv-source';
import type { ScanContext } from '../../electron/core/sources/source';
import { tempDir } from '../helpers/temp';

/** Writes a CSV of about `megabytes` MB without holding it in memory. */
function bigCsv(megabytes: number): string {
  const file = path.join(tempDir(), 'stor-eksport.csv');
  const fd = openSync(file, 'w');
  writeSync(fd, 'kunde_id;navn;e-post;adresse;notat\r\n');
  const block: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    block.push(`${i};Kunde Nummer ${i};kunde${i}@example.no;Storgata ${i % 200}, 0155 Oslo;"Ringte om ordre ${i}; ""hastesak""\r\nfulgt opp"`);
  }
  const chunk = Buffer.from(`${block.join('\r\n')}\r\n`, 'utf8');
  for (let written = 0; written < megabytes * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
  return file;
}

describe('CSV streaming', () => {
  it('reads a file far larger than the memory it uses, reporting progress in bytes', async () => {
    const file = bigCsv(120);
    const size = statSync(file).size;
    const source = new CsvSource({ id: 'stor', kind: 'csv', path: file });
    let peakHeap = 0;
    let lastBytes = 0;
    const ctx: ScanContext = {
      signal: new AbortController().signal,
      onProgress: (p) => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
        lastBytes = p.bytesDone ?? lastBytes;
      },
      problem: () => {},
    };
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    let rows = 0;
    const subject = prepareSubject({ names: [], emails: [], phones: [], nationalIds: [], others: ['x'] });
    for await (const rec of source.scan(subject, ctx)) {
      rows++;
      if (rows === 1) expect(rec.fields.notat).toBe('Ringte om ordre 0; "hastesak"\r\nfulgt opp');
    }
    const seconds = (performance.now() - started) / 1000;
    expect(lastBytes).toBe(size);
    expect(rows).toBeGreaterThan(800_000);
    // A reader that held the file would need more than its 126 MB (bytes plus text); a
    // streaming one needs its chunks and the garbage not yet collected.
    expect(peakHeap - before).toBeLessThan(100 * 1024 * 1024);
    console.log(`csv-streaming: ${rows} rows, ${(size / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s, ${(size / 1e6 / seconds).toFixed(1)} MB/s, peak heap growth ${((peakHeap - before) / 1e6).toFixed(1)} MB`);
  }, 180_000);
});
