// @ts-check
/**
 * Test-only preload: when the process exits, writes its peak resident set size (bytes, from
 * getrusage) to INNSYN_PEAK_RSS_FILE. The robustness tests use it to prove memory stays
 * bounded on hostile input by measuring the real CLI process, not by timing. Plain JavaScript
 * for the same reason as network-guard.mjs: it loads before tsx.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.INNSYN_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes on every platform Node supports.
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
