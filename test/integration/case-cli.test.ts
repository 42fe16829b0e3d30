import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, formatDate, parseDate, todayIn } from '../../electron/core/cases/calendar-date';
import { CaseRegister } from '../../electron/core/cases/case-register';
import { DB_FILE, openStore } from '../../electron/core/store/store';
import { runCli } from '../helpers/cli';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';

const demoWorkspace = path.join(projectRoot, 'resources', 'demo', 'workspace.json');
const today = todayIn(new Date());
const daysAgo = (n: number) => formatDate(addDays(parseDate(today), -n));

async function cli(dataDir: string, args: string[], expectCode = 0) {
  const run = await runCli(args, { dataDir });
  if (run.code !== expectCode) throw new Error(`innsyn ${args.join(' ')} exited ${run.code}, expected ${expectCode}\n${run.stdout}\n${run.stderr}`);
  return run;
}
async function json<T = Record<string, unknown>>(dataDir: string, args: string[]): Promise<T> {
  return JSON.parse((await cli(dataDir, [...args, '--json'])).stdout) as T;
}

/** Reads files out of the ZIP with Python's zipfile: an independent reader. */
function unzipText(zip: string, name: string): string {
  const py = spawnSync('/usr/bin/python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8"))', zip, name], { encoding: 'utf8' });
  if (py.status !== 0) throw new Error(py.stderr);
  return py.stdout;
}

/** Reads the audit trail straight from the data folder's database (no CLI start-up cost). */
function trailOf(dir: string, ref: string) {
  const db = openStore(dir);
  try {
    return new CaseRegister(db).auditEntries(ref);
  } finally {
    db.close();
  }
}

const SLOW = 900_000; // each CLI start compiles TypeScript; shared CI machines are slow

interface HitRow {
  hitId: string;
  hit: { confidence: string; record: Record<string, unknown> } | null;
  decision: { include: boolean } | null;
}

async function openCaseForIngrid(dir: string, withWorkspace = true): Promise<string> {
  if (withWorkspace) await cli(dir, ['workspace', 'import', demoWorkspace]);
  const created = await json<{ ref: string; deadline: string }>(dir, [
    'case', 'add', '--name', 'Ingrid Ødegård-Bakken', '--email', 'ingrid.odegard@example.no', '--phone', '+47 913 45 678',
    '--channel', 'email', '--received', daysAgo(3),
  ]);
  return created.ref;
}

describe('a case from request to purge, through the CLI', () => {
  it('stores the hits, applies decisions and redactions to the package, audits every step, and purges after closure', async () => {
    const dir = tempDir();
    const out = tempDir();
    const ref = await openCaseForIngrid(dir);
    expect(ref).toMatch(/^\d{4}-0001$/);

    await cli(dir, ['case', 'verify', ref, '--method', 'BankID-signed e-mail', '--by', 'Siri DPO']);
    await cli(dir, ['search', '--case', ref, '--json']);
    const detail = await json<{ hits: HitRow[]; case: { status: string } }>(dir, ['case', 'show', ref]);
    expect(detail.case.status).toBe('reviewing');
    const customer = detail.hits.find((h) => h.hit?.record.kunde_id === '1001')!;
    const namesake = detail.hits.find((h) => h.hit?.record.kunde_id === '1003')!;
    const neighbour = detail.hits.find((h) => h.hit?.record.kunde_id === '1004')!;
    expect(customer.hit?.confidence).toBe('high');

    await cli(dir, ['case', 'review', ref, '--hit', customer.hitId, '--include', '--reason', 'e-mail and phone match']);
    await cli(dir, ['case', 'review', ref, '--hit', namesake.hitId, '--exclude', '--reason', 'namesake']);
    // The neighbour's note is about Ingrid, but the row is Kari's: include it with Kari's data taken out.
    await cli(dir, ['case', 'review', ref, '--hit', neighbour.hitId, '--include', '--reason', 'note is about the subject']);
    const fields = ['navn', 'epost', 'telefon', 'adresse'].flatMap((f) => ['--field', f]);
    await cli(dir, ['case', 'redact', ref, '--hit', neighbour.hitId, ...fields, '--remove', '--reason', 'third-party data']);
    const note = String(customer.hit?.record.notat); // "Foretrekker levering etter kl. 16"
    const span = `${note.indexOf('kl. 16')}:${note.indexOf('kl. 16') + 6}`;
    await cli(dir, ['case', 'redact', ref, '--hit', customer.hitId, '--field', 'notat', '--span', span, '--reason', 'internal routine']);

    const zip = path.join(out, 'svar.zip');
    const summary = await json<{ review: { decisions: { include: number; exclude: number } } }>(dir, ['export', '--case', ref, '--out', zip, '--lang', 'en']);
    expect(summary.review.decisions).toMatchObject({ include: 2, exclude: 1 });
    const data = unzipText(zip, 'data/data.json');
    expect(data).toContain('ingrid.odegard@example.no');
    expect(data).not.toContain('ingrid.bakken@example.org'); // the excluded namesake
    expect(data).not.toContain('kari.hansen@example.net'); // removed from the neighbour's row
    expect(data).toContain('Foretrekker levering etter');
    expect(data).not.toContain('kl. 16');
    const manifest = JSON.parse(unzipText(zip, 'manifest.json'));
    expect(manifest.caseRef).toBe(ref);
    expect(manifest.review.redactions.applied).toBeGreaterThan(0);

    const trail = await json<Array<{ event: string; data: Record<string, unknown> }>>(dir, ['case', 'audit', ref]);
    expect(trail).toEqual(trailOf(dir, ref));
    expect(trail.map((e) => e.event)).toEqual([
      'case-created', 'identity-verified', 'search-run', 'decision', 'decision', 'decision',
      'redaction', 'redaction', 'redaction', 'redaction', 'redaction', 'export',
    ]);
    const search = trail[2].data as { sources: Array<{ id: string; hits: number }>; identifiers: { emails: string[] } };
    expect(search.sources.map((s) => s.id).sort()).toEqual(['kunderegister', 'kundeservice', 'nettbutikk']);
    expect(search.identifiers.emails).toEqual(['ingrid.odegard@example.no']);
    const exported = trail[11].data as { file: string; sha256: string };
    expect(exported.file).toBe('svar.zip');
    expect(exported.sha256).toBe(createHash('sha256').update(readFileSync(zip)).digest('hex'));
    expect((await cli(dir, ['case', 'audit', ref, '--verify'])).stdout).toMatch(/intact \(12 entries\)/);

    const report = path.join(out, 'report.xlsx');
    await cli(dir, ['case', 'report', ref, '--out', report]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Case', 'Searches', 'Decisions', 'Redactions', 'Audit trail']);
    expect(wb.getWorksheet('Audit trail')!.rowCount).toBe(13); // header + 12 entries
    expect(wb.getWorksheet('Searches')!.rowCount).toBe(4); // header + 3 sources, including any with 0 hits
    expect(wb.getWorksheet('Decisions')!.getColumn(5).values).toContain('namesake');

    // Retention: with 0 days, the record copies go on the next command after closing.
    await cli(dir, ['case', 'close', ref]);
    await cli(dir, ['settings', 'set', 'retentionDays', '0']);
    const listed = await cli(dir, ['case', 'list']);
    expect(listed.stderr).toMatch(new RegExp(`Retention: deleted the record copies of 1 closed case\\(s\\) \\(${ref}\\)`));
    const after = await json<{ hits: HitRow[]; case: { purgedOn: string } }>(dir, ['case', 'show', ref]);
    expect(after.case.purgedOn).toBe(today);
    expect(after.hits.every((h) => h.hit === null)).toBe(true);
    const raw = new Database(path.join(dir, DB_FILE), { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM case_hit WHERE snapshot_json IS NOT NULL').get()).toEqual({ n: 0 });
    raw.close();
    const finalTrail = trailOf(dir, ref);
    expect(finalTrail.slice(-2).map((e) => e.event)).toEqual(['closed', 'purge']);
    expect(finalTrail[11].data.manifest).toBeTruthy(); // the manifest outlives the records
    expect((await cli(dir, ['case', 'audit', ref, '--verify'])).stdout).toMatch(/intact \(14 entries\)/);
  }, SLOW);
});

describe('case commands', () => {
  it('detects an audit entry edited or deleted directly in the SQLite file', async () => {
    const dir = tempDir();
    const ref = await openCaseForIngrid(dir, false);
    await cli(dir, ['case', 'verify', ref, '--method', 'BankID', '--by', 'Siri DPO']);
    await cli(dir, ['case', 'extend', ref, '--reason', 'many systems', '--notified', today]);

    const db = new Database(path.join(dir, DB_FILE));
    db.exec('DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;');
    db.prepare("UPDATE audit_entry SET data_json = replace(data_json, 'BankID', 'nothing') WHERE seq = 2").run();
    db.close();
    const edited = await cli(dir, ['case', 'audit', ref, '--verify'], 1);
    expect(edited.stdout).toMatch(/entry 2 \(identity-verified\) was changed/);

    const db2 = new Database(path.join(dir, DB_FILE));
    db2.prepare('DELETE FROM audit_entry WHERE seq = 3').run();
    db2.close();
    const deleted = await cli(dir, ['case', 'audit', ref, '--verify', '--json'], 1);
    expect(JSON.parse(deleted.stdout).problems.join('\n')).toMatch(/records 3 entries but 2 are present/);
  }, SLOW);

  it('prints the deadline, lists due-soon and overdue cases by deadline, and refuses bad input', async () => {
    const dir = tempDir();
    const add = await cli(dir, ['case', 'add', '--email', 'a@example.no', '--channel', 'letter', '--received', '2026-01-31']);
    expect(add.stdout).toContain('Deadline: 2026-03-02 (2026-02-28 is not a working day');
    await cli(dir, ['case', 'add', '--email', 'b@example.no', '--channel', 'web-form', '--received', '2025-12-01']);
    const soon = await json<{ ref: string; deadline: string }>(dir, ['case', 'add', '--email', 'c@example.no', '--channel', 'phone', '--received', daysAgo(28)]);
    await cli(dir, ['case', 'add', '--email', 'd@example.no', '--channel', 'email']); // today
    const overdue = await json<Array<{ ref: string; deadline: string; daysLeft: number }>>(dir, ['case', 'list', '--overdue']);
    expect(overdue.map((c) => c.deadline)).toEqual(['2026-01-02', '2026-03-02']);
    expect(overdue.every((c) => c.daysLeft < 0)).toBe(true);
    const dueSoon = await json<Array<{ ref: string }>>(dir, ['case', 'list', '--due-soon']);
    expect(dueSoon.map((c) => c.ref)).toEqual([soon.ref]);

    expect((await cli(dir, ['case', 'add', '--email', 'x@example.no', '--channel', 'fax'], 2)).stderr).toMatch(/fax/);
    expect((await cli(dir, ['case', 'add', '--email', 'x@example.no', '--channel', 'email', '--received', '2026-02-30'], 2)).stderr).toMatch(/not a valid date/);
    expect((await cli(dir, ['case', 'close', soon.ref], 2)).stderr).toMatch(/cannot move to closed/);
    const ext = await json<{ deadline: string; extension: { warning?: string } }>(dir, ['case', 'extend', '2026-0001', '--reason', 'complex']);
    expect(ext.deadline).toBe('2026-04-30');
    expect(ext.extension.warning).toMatch(/not been told/);
    const late = await json<{ extension: { warning?: string } }>(dir, ['case', 'extend', '2026-0001', '--reason', 'complex', '--notified', '2026-03-05']);
    expect(late.extension.warning).toMatch(/after the first month ended \(2026-03-02\)/);
  }, SLOW);
});
