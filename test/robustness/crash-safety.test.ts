import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import { runGuarded } from './support/run-innsyn';

const email = 'ingrid.odegard@example.no';

/** A CSV of `rows` customers where every `every`-th row is the subject's. */
function writeCustomers(file: string, rows: number, every: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, 'kunde_id;navn;epost;notat\n');
    let chunk = '';
    for (let i = 1; i <= rows; i++) {
      chunk += i % every === 0 ? `${i};Ingrid Ødegård-Bakken;${email};ordre ${i}\n` : `${i};Kunde ${i};kunde${i}@example.no;ordre ${i}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the process has `file` open, from /proc: "mid-search" whatever the machine's speed.
 * (A CPU-time threshold was tried first; on a fast machine the whole search fit under it.)
 */
function hasOpen(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false; // closed between listing and reading
      }
    });
  } catch {
    return false;
  }
}

/** Kills the child with SIGKILL as soon as `ready()` holds, polling every 20 ms. */
function killWhen(ready: (child: ChildProcess) => boolean, seen: { killed: boolean }) {
  return (child: ChildProcess) => {
    const timer = setInterval(() => {
      if (child.exitCode !== null || child.signalCode !== null) return clearInterval(timer);
      if (ready(child)) {
        seen.killed = true;
        child.kill('SIGKILL');
        clearInterval(timer);
      }
    }, 20);
    child.on('exit', () => clearInterval(timer));
  };
}

function integrity(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'innsyn.db'));
  try {
    return (db.pragma('integrity_check', { simple: true }) as string) ?? '';
  } finally {
    db.close();
  }
}

/**
 * A laptop loses power, the user kills the app: SIGKILL at the worst moment must leave no
 * half-written package where the DPO expects one, an intact local database, and a case that
 * can simply be searched and exported again.
 */
describe('crash safety and concurrency', () => {
  it('SIGKILL during a search and during an export: no partial ZIP, intact database, both can be re-run', async () => {
    const dir = tempDir('innsyn-crash-');
    const dataDir = path.join(dir, 'data');
    const csv = path.join(dir, 'kunder.csv');
    writeCustomers(csv, 3_000_000, 1500); // 2,000 of the subject's rows among 3,000,000 (about 200 MB)
    const ws = writeWorkspace(dir, [{ id: 'kunder', kind: 'csv', path: csv }]);
    const cli = (args: string[], onSpawn?: (c: ChildProcess) => void) =>
      runGuarded(args, { dataDir, timeoutMs: 180_000, ...(onSpawn ? { onSpawn } : {}) });

    expect((await cli(['workspace', 'import', ws])).code).toBe(0);
    const added = await cli(['case', 'add', '--channel', 'email', '--email', email, '--json']);
    const ref = (JSON.parse(added.stdout) as { ref: string }).ref;
    expect((await cli(['case', 'verify', ref, '--method', 'BankID', '--by', 'Siri'])).code).toBe(0);

    // Killed mid-search: while it reads the source.
    const searchKill = { killed: false };
    const killedSearch = await cli(['search', '--case', ref, '--json'], killWhen((c) => hasOpen(c.pid!, csv), searchKill));
    expect(searchKill.killed, `the search ended before it could be killed: ${killedSearch.stderr}`).toBe(true);
    expect(killedSearch.signal).toBe('SIGKILL');
    expect(integrity(dataDir)).toBe('ok');
    const shown = await cli(['case', 'show', ref, '--json']);
    expect(shown.code, shown.stderr).toBe(0);

    const search = await cli(['search', '--case', ref, '--json']);
    expect(search.code, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout) as { hits: unknown[] }).hits).toHaveLength(2000);

    // Killed mid-export: the moment the staging folder or the partial ZIP appears.
    const outDir = path.join(dir, 'out');
    const out = path.join(outDir, 'svar.zip');
    const exportKill = { killed: false };
    const staging = () => existsSync(outDir) && readdirSync(outDir).some((n) => n.startsWith('.'));
    const killedExport = await cli(['export', '--case', ref, '--out', out, '--min-confidence', 'low'], killWhen(staging, exportKill));
    expect(exportKill.killed, `the export ended before it could be killed: ${killedExport.stderr}`).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(integrity(dataDir)).toBe('ok');

    // Two exports of the same case to the same file at once: both finish or one fails
    // cleanly, and the file left is a complete, valid ZIP.
    const [a, b] = await Promise.all([
      cli(['export', '--case', ref, '--out', out, '--min-confidence', 'low']),
      cli(['export', '--case', ref, '--out', out, '--min-confidence', 'low']),
    ]);
    expect([a.code, b.code], a.stderr + b.stderr).toContain(0);
    for (const r of [a, b]) expect(r.signal).toBeNull();
    expect(() => execFileSync('unzip', ['-tq', out])).not.toThrow();
    expect(execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' })).toMatch(/manifest\.json/);
    expect(integrity(dataDir)).toBe('ok');
  }, 600_000);
  it('a database held by another process: the CLI waits its busy timeout, then says so clearly', async () => {
    const dir = tempDir('innsyn-locked-');
    const dataDir = path.join(dir, 'data');
    expect((await runGuarded(['case', 'list'], { dataDir, timeoutMs: 120_000 })).code).toBe(0);
    // The app (here: this test process) holds the write lock for longer than the busy timeout.
    const app = new Database(path.join(dataDir, 'innsyn.db'));
    app.pragma('journal_mode = WAL');
    app.exec('BEGIN IMMEDIATE');
    try {
      // Reading works alongside the writer: that is what WAL is for.
      const list = await runGuarded(['case', 'list', '--json'], { dataDir, timeoutMs: 120_000 });
      expect(list.code, list.stderr).toBe(0);
      const add = await runGuarded(['case', 'add', '--channel', 'email', '--email', email], { dataDir, timeoutMs: 120_000 });
      expect(add.code).toBe(1);
      expect(add.timedOut).toBe(false);
      expect(add.stderr).toMatch(/^innsyn: .*(busy|locked|in use)/i);
      expect(add.stderr).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      app.exec('ROLLBACK');
      app.close();
    }
    expect(integrity(dataDir)).toBe('ok');
  }, 300_000);
});
