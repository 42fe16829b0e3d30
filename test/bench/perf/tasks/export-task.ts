import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildPackage } from '../../../../electron/core/package/build-package';
import { CsvReader } from '../../../../electron/core/sources/csv/reader';
import { readMbox } from '../../../../electron/core/sources/mail/mbox-reader';
import { parseMessage } from '../../../../electron/core/sources/mail/parse-message';
import type { Hit } from '../../../../shared/hit';
import type { SearchResult } from '../../../../shared/search';
import type { SourceConfig } from '../../../../shared/workspace';
import { projectRoot } from '../../../helpers/corpora';
import type { TaskReport } from '../measure';
import { benchSubject } from '../data/subject';

interface ExportArgs {
  csv: string;
  mbox: string;
  records: number;
  mails: number;
  out: string;
}

/** The first `limit` data rows of the CSV as hits (the reading is not timed). */
async function csvHits(file: string, limit: number): Promise<Hit[]> {
  const reader = new CsvReader(';');
  const hits: Hit[] = [];
  let header: string[] | null = null;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    for (const row of reader.push(chunk)) {
      if (!header) {
        header = row.fields;
        continue;
      }
      const record = Object.fromEntries(header.map((h, i) => [h, row.fields[i] ?? null]));
      const n = hits.length + 1;
      hits.push({
        id: `kunder:${n}`,
        source: 'kunder',
        location: { table: path.basename(file).replace(/\.csv$/, ''), record: n, line: row.line },
        confidence: 'high',
        score: 0.95,
        reasons: ['epost matched e-mail (benchmark)'],
        matches: [{ field: 'epost', kind: 'email', value: String(record.epost) }],
        record,
      });
      if (hits.length >= limit) return hits;
    }
  }
  return hits;
}

async function mailHits(file: string, limit: number): Promise<Hit[]> {
  const hits: Hit[] = [];
  for await (const msg of readMbox(file, new AbortController().signal)) {
    const parsed = await parseMessage(msg.raw);
    hits.push({
      id: `epost:${msg.index}`,
      source: 'epost',
      location: { file: path.basename(file), index: msg.index, bytes: [msg.start, msg.end] },
      confidence: 'high',
      score: 0.95,
      reasons: ['from matched e-mail (benchmark)'],
      matches: [],
      record: parsed.fields,
    });
    if (hits.length >= limit) break;
  }
  return hits;
}

/**
 * CPU time (ms) of each thread of this process so far, by thread id (Linux only; empty
 * elsewhere). Comparing two readings shows how much of the export ran on the main thread and
 * how much beside it (zlib and file I/O in libuv's pool, worker threads).
 */
function threadCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    const ticks = 1000 / 100; // USER_HZ is 100 on Linux
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * ticks);
    }
  } catch {
    // Not Linux: the report goes without the split.
  }
  return out;
}

/** The export's input (not timed): the CSV and mailbox as sources, and their first rows and messages as a search result. */
export async function exportInput(args: Omit<ExportArgs, 'out'>): Promise<{ sources: SourceConfig[]; result: SearchResult; records: Hit[]; mails: Hit[] }> {
  const sources: SourceConfig[] = [
    { id: 'kunder', kind: 'csv', path: args.csv },
    { id: 'epost', kind: 'mailbox', path: args.mbox },
  ];
  const [records, mails] = await Promise.all([csvHits(args.csv, args.records), mailHits(args.mbox, args.mails)]);
  const result: SearchResult = {
    subject: benchSubject,
    sources: [
      { id: 'kunder', kind: 'csv', status: 'ok', scanned: records.length, hits: records.length, ms: 0 },
      { id: 'epost', kind: 'mailbox', status: 'ok', scanned: mails.length, hits: mails.length, ms: 0 },
    ],
    hits: [...records, ...mails],
  };
  return { sources, result, records, mails };
}

/** Our side of the export comparison: the real package builder over 200k records + 5k e-mails. */
export async function exportTask(args: ExportArgs): Promise<TaskReport> {
  const { sources, result, records, mails } = await exportInput(args);
  // What the process holds before the export starts (the hits themselves), to read peak RSS against.
  const rssBeforeMB = Math.round(process.memoryUsage().rss / 1048576);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const threadsBefore = threadCpuMs();
  // Time of each step (ms, from the end of the previous one), so the report shows where it goes.
  const steps: Record<string, number> = {};
  let last = started;
  const built = await buildPackage({
    outFile: args.out,
    result,
    sources,
    controller: { name: 'Benchmark AS', orgNumber: '999 999 999' },
    lang: 'nb',
    minConfidence: 'low',
    resourcesDir: path.join(projectRoot, 'resources'),
    tool: { name: 'innsyn-bench', version: '0' },
    now: new Date(Date.UTC(2026, 0, 1)),
    onProgress: ({ step }) => {
      const t = performance.now();
      steps[`${step}Ms`] = Math.round(t - last);
      last = t;
    },
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const threadsAfter = threadCpuMs();
  const main = String(process.pid);
  const mainCpuMs = (threadsAfter.get(main) ?? 0) - (threadsBefore.get(main) ?? 0);
  return {
    ms,
    hits: built.manifest.files.length,
    // CPU time of this process (all threads: zlib and file I/O run in libuv's pool), which a busy machine distorts less than wall time.
    detail: {
      records: records.length,
      mails: mails.length,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      // The main thread's share (10 ms resolution); the rest ran in the thread pool and worker threads.
      ...(threadsAfter.size > 0 ? { mainCpuMs: Math.round(mainCpuMs) } : {}),
      rssBeforeMB,
      ...steps,
    },
  };
}
