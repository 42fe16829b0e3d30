/**
 * Sizes at scale 1 are the ones the issue names. `--scale 0.01` shrinks every data set by the
 * same factor (with floors, so even the CI smoke size has planted hits and some attachments).
 */
export interface BenchSizes {
  csvRows: number;
  mails: number;
  pgRows: number;
  exportRecords: number;
  exportMails: number;
}

export function sizesFor(scale: number): BenchSizes {
  const s = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    csvRows: s(5_000_000, 2_000),
    mails: s(50_000, 200),
    pgRows: s(5_000_000, 2_000),
    exportRecords: s(200_000, 200),
    exportMails: s(5_000, 40),
  };
}

export interface BenchOptions {
  scale: number;
  /** Run only the comparisons whose names are listed (csv, mbox, sql, export, four, ui). */
  only: string[] | null;
  outDir: string;
  /**
   * How many times the CSV and mbox comparisons run each side, alternating ours and the baselines;
   * the fastest run of each side counts. On a shared machine one slow moment then does not
   * decide a ratio.
   */
  repeat: number;
}
