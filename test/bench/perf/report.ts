import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One line of the results table: our side against one baseline, measured in the same run. */
export interface ResultRow {
  comparison: string;
  ours: { label: string; ms: number; peakRssMB?: number };
  baseline?: { label: string; ms: number; peakRssMB?: number };
  /** ours / baseline. */
  ratio?: number;
  /** The issue's target, in words, and whether this run met it (undefined: reported only). */
  target?: string;
  met?: boolean;
  note?: string;
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memGiB: number; node: string };
  scale: number;
  /** Runs per side in the CSV and mbox comparisons (fastest counts). */
  repeat: number;
  sizes: Record<string, number>;
  rows: ResultRow[];
  skipped: string[];
}

export function machine(): BenchReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMB = (mb?: number) => (mb === undefined ? '' : `${Math.round(mb)} MB`);

export function markdownTable(report: BenchReport): string {
  const head = '| comparison | ours | peak RSS | baseline | baseline time | baseline RSS | ratio | target | met |';
  const sep = '|---|---|---|---|---|---|---|---|---|';
  const lines = report.rows.map((r) =>
    [
      r.comparison,
      fmtMs(r.ours.ms),
      fmtMB(r.ours.peakRssMB),
      r.baseline?.label ?? '',
      r.baseline ? fmtMs(r.baseline.ms) : '',
      fmtMB(r.baseline?.peakRssMB),
      r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
      r.target ?? '',
      r.met === undefined ? '' : r.met ? 'yes' : '**no**',
    ].join(' | '),
  );
  const m = report.machine;
  const foot = `\nMachine: ${m.cpus} cores (${m.cpuModel}), ${m.memGiB} GiB RAM, Node ${m.node}; scale ${report.scale}${report.repeat > 1 ? `, CSV and mbox best of ${report.repeat} alternating runs` : ''}; ${report.date}.`;
  const notes = report.rows.filter((r) => r.note).map((r) => `- ${r.comparison}: ${r.note}`);
  const skipped = report.skipped.map((s) => `- skipped: ${s}`);
  return [head, sep, ...lines.map((l) => `| ${l} |`)].join('\n') + foot + (notes.length + skipped.length > 0 ? `\n\n${[...notes, ...skipped].join('\n')}` : '') + '\n';
}

export function writeReport(report: BenchReport, outDir: string): { json: string; md: string } {
  mkdirSync(outDir, { recursive: true });
  const json = path.join(outDir, 'latest.json');
  const md = path.join(outDir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, markdownTable(report));
  return { json, md };
}
