import type { SearchProgress } from '../../shared/search';

/**
 * Progress per source on stderr, only when stderr is a terminal: scripts that capture output
 * get clean streams. Shows counts, never record contents.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return undefined;
  const latest = new Map<string, Omit<SearchProgress, 'runId'>>();
  let lines = 0;
  let last = 0;
  const render = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    if (lines > 0) stream.write(`\x1b[${lines}A`);
    for (const p of latest.values()) {
      const pct = p.bytesTotal ? ` ${Math.floor((100 * (p.bytesDone ?? 0)) / p.bytesTotal)}%` : '';
      stream.write(`\x1b[2K  ${p.source.padEnd(20)} ${p.state.padEnd(9)} ${String(p.scanned).padStart(9)} records ${String(p.hits).padStart(6)} hits${pct}\n`);
    }
    lines = latest.size;
  };
  return (p: Omit<SearchProgress, 'runId'>) => {
    latest.set(p.source, p);
    render(p.state !== 'running');
  };
}
