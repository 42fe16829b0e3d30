import { mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell, Confidence, Hit, Location } from '../../shared/hit';
import type { SourceConfig } from '../../shared/workspace';
import type { SourceGroup } from '../../electron/core/package/grouping';
import type { IncludedHit, PlannedHit } from '../../electron/core/package/included';
import { Staging } from '../../electron/core/package/staging';
import { loadTexts } from '../../electron/core/package/texts';
import { stageSpreadsheet } from '../../electron/core/package/xlsx-aside';
import type { XlsxInput } from '../../electron/core/package/xlsx-rows';
import type { WorkerStart } from '../../electron/core/search/workers/worker-url';
import { workerStart } from '../../electron/core/search/workers/worker-url';
import { python, resourcesDir } from '../integration/package-fixture';
import { tempDir } from '../helpers/temp';

const sheetWorker = (): WorkerStart => {
  const start = workerStart('xlsx-worker', new URL('../../electron/core/package/xlsx-worker.ts', import.meta.url));
  // Without a worker the tests below would pass on the in-process path alone.
  expect(start).not.toBeNull();
  return start!;
};

/** Values a spreadsheet gets wrong easily: formulas, control characters, surrogates, dates, types, long text. */
function record(i: number): Record<string, Cell> {
  const tricky: Cell[] = ['=SUM(A1)', '+47 913 45 678', 'a\u0000b\u001bc', 'x\ud800y', ' padded ', '<&"\'>', 'å'.repeat(40_000), '2024-03-05T09:15:00.000Z', 'Æøå 😀'];
  return {
    id: i,
    navn: `Person ${i}`,
    notat: tricky[i % tricky.length],
    aktiv: i % 2 === 0,
    saldo: i % 7 === 0 ? null : i * 1.5,
    ...(i % 5 === 0 ? { ekstra: `bare noen ${i}` } : {}),
  };
}

/** A hand-made spreadsheet input: a CSV table, an SQL table (typed dates) and a mailbox, 1,500 hits in batches. */
async function input(signal?: AbortSignal, onBatch?: (n: number) => void): Promise<XlsxInput> {
  const texts = await loadTexts(resourcesDir, 'nb');
  const full = new Map<string, IncludedHit>();
  const planned = (id: string, source: string, location: Location, rec: Record<string, Cell>, confidence: Confidence = 'high'): PlannedHit => {
    const hit: Hit = { id, source, location, confidence, score: 0.9, reasons: ['e-post stemmer', 'navn stemmer'], matches: [], record: rec };
    // Every tenth hit has a field redacted, as a reviewer's redaction leaves it.
    full.set(id, full.size % 10 === 3 ? { ...hit, redacted: [{ field: 'notat', action: 'remove' }] } : hit);
    return { id, position: full.size, source, location, confidence, columns: Object.keys(rec) };
  };
  const csv = Array.from({ length: 900 }, (_, i) => planned(`kunder-${i}`, 'kunder', { table: 'kunde', record: i, line: i + 2 }, record(i), i % 3 === 0 ? 'medium' : 'high'));
  const sql = Array.from({ length: 400 }, (_, i) => planned(`butikk-${i}`, 'butikk', { table: 'customer', key: { id: i } }, { ...record(i), created: '2024-03-05T09:15:00.000Z' }));
  const mail = Array.from({ length: 200 }, (_, i) =>
    planned(`post-${i}`, 'post', { file: 'post.mbox', index: i }, { from: `a${i}@example.no`, to: 'post@example.no', cc: null, date: i % 4 === 0 ? null : '2024-03-05T00:00:00.000Z', subject: `Sak ${i}` }),
  );
  const columns = (hits: PlannedHit[]) => [...new Set(hits.flatMap((h) => h.columns))];
  const groups: SourceGroup[] = [
    { id: 'kunder', tables: [{ name: 'kunde', hits: csv, columns: columns(csv) }], messages: [] },
    { id: 'butikk', tables: [{ name: 'customer', hits: sql, columns: columns(sql) }], messages: [] },
    { id: 'post', tables: [], messages: mail as SourceGroup['messages'] },
  ];
  const sources: SourceConfig[] = [
    { id: 'kunder', kind: 'csv', path: 'kunder.csv', label: 'Kunderegister' },
    { id: 'butikk', kind: 'sqlite', path: 'butikk.sqlite' },
    { id: 'post', kind: 'mailbox', path: 'post.mbox' },
  ];
  let batches = 0;
  return {
    texts,
    sources,
    results: sources.map((s) => ({ id: s.id, kind: s.kind, status: 'ok' as const, scanned: 5000, hits: 1500, ms: 1 })),
    includedBySource: new Map([
      ['kunder', 900],
      ['butikk', 400],
      ['post', 200],
    ]),
    groups,
    emlPaths: new Map(mail.map((m, i) => [m.id, `mail/post/${String(i + 1).padStart(4, '0')}-Sak.eml`])),
    withOriginals: true,
    async *read(hits: readonly PlannedHit[]) {
      for (let at = 0; at < hits.length; at += 128) {
        onBatch?.(++batches);
        yield hits.slice(at, at + 128).map((p) => full.get(p.id)!);
      }
    },
    signal,
  };
}

/** Open file descriptors of this process (its worker threads included) that point at `file`. */
function openHandlesOn(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

describe('data.xlsx built in a worker', () => {
  it('is byte for byte the file the export thread builds, with the same digest and checksum', async () => {
    const dir = tempDir();
    const here = new Staging(path.join(dir, 'a'), undefined, true);
    const there = new Staging(path.join(dir, 'b'), undefined, true);
    const own = await stageSpreadsheet(here, 'data/data.xlsx', await input(), 1500, { start: null });
    const worker = await stageSpreadsheet(there, 'data/data.xlsx', await input(), 1500, { workerFrom: 0, start: sheetWorker() });

    const a = readFileSync(own.file!);
    const b = readFileSync(worker.file!);
    expect(b.length).toBeGreaterThan(10_000);
    expect(b.equals(a)).toBe(true);
    expect(worker.sha256).toBe(own.sha256);
    expect(worker.size).toBe(a.length);
    expect(await worker.packed).toEqual({ ...(await own.packed), data: { file: worker.file } });

    // And it is a workbook a spreadsheet program reads: every row, typed where the source typed it.
    const read = python(
      'import openpyxl,sys,json\nwb=openpyxl.load_workbook(sys.argv[1])\n' +
        'print(json.dumps({"rows": {ws.title: ws.max_row for ws in wb.worksheets}, "created": wb["butikk-customer"].cell(2,7).data_type, "formula": wb["kunder-kunde"].cell(2,3).value}))',
      worker.file!,
    );
    expect(JSON.parse(read)).toEqual({
      rows: { Oversikt: 4, 'kunder-kunde': 901, 'butikk-customer': 401, 'post-e-post': 201 },
      created: 'd',
      formula: '=SUM(A1)',
    });
  });

  it('reports a worker that cannot run as a failed spreadsheet, and does not hang', async () => {
    const dir = tempDir();
    const staging = new Staging(dir, undefined, true);
    const broken: WorkerStart = { code: 'throw new Error("the worker broke on start")', eval: true };
    await expect(stageSpreadsheet(staging, 'data/data.xlsx', await input(), 1500, { workerFrom: 0, start: broken })).rejects.toThrow(/worker broke on start|stopped before the file was written/);
  });

  it('passes on why the worker could not write the file, with its error code', async () => {
    const dir = tempDir();
    const staging = new Staging(dir, undefined, true);
    // A folder where the file should be: the worker cannot open it for writing.
    mkdirSync(path.join(dir, 'data', 'data.xlsx'), { recursive: true });
    const err = await stageSpreadsheet(staging, 'data/data.xlsx', await input(), 1500, { workerFrom: 0, start: sheetWorker() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^The spreadsheet could not be written: .*EISDIR/);
    expect((err as { code?: string }).code).toBe('EISDIR');
  });

  it('stops when the export is cancelled part-way, and leaves no open handle on the file', async () => {
    const dir = tempDir();
    const cancel = new AbortController();
    const staging = new Staging(dir, cancel.signal, true);
    const xlsx = await input(cancel.signal, (n) => {
      if (n === 4) cancel.abort();
    });
    await expect(stageSpreadsheet(staging, 'data/data.xlsx', xlsx, 1500, { workerFrom: 0, start: sheetWorker() })).rejects.toThrow(/abort/i);
    expect(openHandlesOn(path.join(dir, 'data', 'data.xlsx'))).toBe(0);
    // The staged file is incomplete, and nothing was recorded as staged.
    expect(() => staging.entries).toThrow(/read before it was staged/);
    writeFileSync(path.join(dir, 'probe'), 'the folder is still usable');
  });

  it('builds a small spreadsheet on the export thread without starting a worker', async () => {
    const dir = tempDir();
    const staging = new Staging(dir, undefined, true);
    // A start that would fail: the file is only written because no worker is started below the threshold.
    const broken: WorkerStart = { code: 'throw new Error("must not start")', eval: true };
    const entry = await stageSpreadsheet(staging, 'data/data.xlsx', await input(), 1500, { workerFrom: 1501, start: broken });
    expect(readFileSync(entry.file!).subarray(0, 2).toString()).toBe('PK');
  });
});
