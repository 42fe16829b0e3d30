import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseRegister } from '../../electron/core/cases/case-register';
import { decide, recordSearch, redact } from '../../electron/core/cases/case-review';
import type { Clock } from '../../electron/core/cases/clock';
import { exportCase, reviewedSearch } from '../../electron/core/cases/export-case';
import { buildPackage } from '../../electron/core/package/build-package';
import type { Manifest } from '../../electron/core/package/manifest';
import { planPackage } from '../../electron/core/package/package-plan';
import { loadTexts } from '../../electron/core/package/texts';
import { openStore } from '../../electron/core/store/store';
import type { Hit } from '../../shared/hit';
import type { SearchResult } from '../../shared/search';
import type { SourceConfig } from '../../shared/workspace';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { makeFixture, python } from './package-fixture';

type DataJson = { sources: Array<{ tables: Array<{ records: Array<{ hitId: string; record: Record<string, unknown> }> }> }> };

const subject = { names: ['Kari Nordmann'], emails: ['kari@example.no'], phones: [], nationalIds: [], others: [] };
const configs: SourceConfig[] = [
  { id: 'crm', kind: 'csv', path: 'crm.csv' },
  { id: 'shop', kind: 'sqlite', path: 'shop.db' },
  { id: 'logg', kind: 'csv', path: 'logg.csv' },
];
const controller = { name: 'Fjellstue AS', orgNumber: '999 999 999' };
const resourcesDir = path.join(projectRoot, 'resources');
const tool = { name: 'Innsyn', version: '0.1.0' };

/**
 * Hits in an order that is not grouped by source or table, with related rows and uneven fields.
 * Two tables lie close together in search order (read back by position range) and one lies
 * far apart among the others (read back hit by hit; see case-hit-feed.ts).
 */
function hits(n: number, note = 'Ringte om faktura'): Hit[] {
  const out: Hit[] = [];
  for (let i = 1; i <= n; i++) {
    const crm: Hit = {
      id: `crm:${i}`,
      source: 'crm',
      location: { table: 'kunder', record: i, line: i + 1 },
      confidence: i % 5 === 0 ? 'low' : 'high',
      score: i % 5 === 0 ? 0.4 : 0.95,
      reasons: ['epost matched e-mail kari@example.no'],
      why: [{ code: 'identifier', field: 'epost', kind: 'email', given: 'kari@example.no', how: 'exact', inText: false }],
      matches: [{ field: 'epost', kind: 'email', value: 'kari@example.no' }],
      record: { id: i, navn: 'Kari Nordmann', epost: 'kari@example.no', notat: `${note} ${i}, sammen med Ola Hansen`, ...(i % 3 === 0 ? { telefon: '913 45 678' } : {}) },
    };
    const order: Hit = {
      id: `shop:${i}`,
      source: 'shop',
      location: { table: 'ordre', key: { id: i } },
      confidence: 'medium',
      score: 0.7,
      reasons: ['reached from crm'],
      matches: [],
      relatedTo: crm.id,
      thirdParty: i % 4 === 0,
      record: { id: i, kunde: i, sum: i * 10.5, levert: i % 2 === 0 },
    };
    out.push(i % 2 === 0 ? order : crm, i % 2 === 0 ? crm : order);
    if (i % 7 === 0) {
      out.push({ id: `logg:${i}`, source: 'logg', location: { table: 'innlogging', record: i, line: i + 1 }, confidence: 'high', score: 0.9, reasons: ['e-mail'], matches: [], record: { epost: 'kari@example.no', tid: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` } });
    }
  }
  return out;
}

function result(list: Hit[]): SearchResult {
  const count = (s: string) => list.filter((h) => h.source === s).length;
  return {
    subject,
    sources: configs.map((c) => ({ id: c.id, kind: c.kind, status: 'ok' as const, scanned: count(c.id), hits: count(c.id), ms: 1 })),
    hits: list,
  };
}

/** A clock that moves a millisecond on every reading, as the system clock does between two searches. */
function tickingClock(): Clock {
  let t = Date.parse('2026-11-20T09:00:00Z');
  return { now: () => new Date(t++) };
}

function reviewedCase(list: Hit[], dir = tempDir()) {
  const reg = new CaseRegister(openStore(dir), tickingClock());
  const { ref } = reg.create({ subject, channel: 'email', received: '2026-11-19' });
  reg.verify(ref, { method: 'BankID', by: 'dpo' });
  recordSearch(reg, ref, result(list), configs);
  decide(reg, ref, 'crm:3', { include: false, reason: 'namesake', ground: 'not-subject' });
  decide(reg, ref, 'shop:4', { include: true, reason: 'her own order' });
  redact(reg, ref, { hitId: 'crm:2', field: 'notat', span: [24, 35], reason: 'another customer' });
  redact(reg, ref, { hitId: 'crm:6', field: 'telefon', mode: 'remove', reason: 'a colleague’s number' });
  return { reg, ref };
}

const choices = { controller, lang: 'nb' as const, minConfidence: 'medium' as const };

/** Exports the case, doing `meanwhile` after the plan has read the hits and before the writers read them again. */
function exportMeanwhile(reg: CaseRegister, ref: string, outFile: string, meanwhile: () => void) {
  return exportCase(reg, ref, {
    ...choices,
    outFile,
    resourcesDir,
    tool,
    onProgress: ({ step }) => {
      if (step === 'mail') meanwhile();
    },
  });
}

/** The export stops with an input error that says `message`, and no package appears at `outFile`. */
async function expectNothingWritten(exported: Promise<unknown>, outFile: string, message: RegExp, label?: string) {
  await expect(exported, label).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
  expect(existsSync(outFile), label).toBe(false);
}

/** Every file of a package but the letter's PDF, which carries the moment it was made. */
const files = (m: Manifest) => m.files.filter((f) => !f.path.endsWith('.pdf')).map((f) => [f.path, f.sha256]);

/**
 * The in-memory twin of a case export: the same plan and time, with the hits handed over as a
 * list. Its files and letter must equal the case's.
 */
async function expectSameAsInMemory(reg: CaseRegister, ref: string, list: Hit[], fromStore: Manifest, dir: string) {
  const { plan } = reviewedSearch(reg, ref, choices);
  const now = new Date(fromStore.generatedAt);
  const inMemory = await buildPackage({ ...plan, now, feed: undefined, result: { ...plan.result, hits: list }, outFile: path.join(dir, 'memory.zip'), resourcesDir, tool });
  expect(files(fromStore)).toEqual(files(inMemory.manifest));
  expect(fromStore.sources).toEqual(inMemory.manifest.sources);
  const texts = await loadTexts(resourcesDir, 'nb');
  const letterFromStore = planPackage({ ...plan, now, texts }).letter;
  expect(letterFromStore).toEqual(planPackage({ ...plan, now, texts, feed: undefined, result: { ...plan.result, hits: list } }).letter);
  expect(JSON.stringify(letterFromStore)).toContain('Fjellstue AS');
  return inMemory;
}

describe('exporting a case from its store', () => {
  it('writes the same data, spreadsheet, readme and letter as the same review over the hits in memory', async () => {
    const list = hits(1500);
    const { reg, ref } = reviewedCase(list);
    const dir = tempDir();
    const fromStore = await exportCase(reg, ref, { ...choices, outFile: path.join(dir, 'case.zip'), resourcesDir, tool });
    const inMemory = await expectSameAsInMemory(reg, ref, list, fromStore.manifest, dir);
    expect(files(fromStore.manifest).map(([p]) => p)).toEqual(expect.arrayContaining(['data/data.json', 'data/schema.json', 'data/data.xlsx']));
    expect(fromStore.manifest.review).toEqual(inMemory.manifest.review);
    // The review reached the package: one exclusion, one include of a third-party row, two redactions applied.
    expect(fromStore.manifest.review).toMatchObject({ decisions: { include: 1, exclude: 1 }, redactions: { applied: 2 } });
    expect(reg.get(ref).status).toBe('answered');

    // And what went in is what the rules say, counted in the files themselves.
    const expected = list
      .filter((h) => {
        if (h.id === 'crm:3' || h.id === 'shop:3') return false; // excluded, and reached from it
        if (h.id === 'shop:4') return true; // a reviewer let in this third-party row
        return h.confidence !== 'low' && !(h.relatedTo && h.thirdParty);
      })
      .map((h) => h.id);
    const data = JSON.parse(execFileSync('unzip', ['-p', fromStore.file, 'data/data.json'], { encoding: 'utf8', maxBuffer: 64 << 20 })) as DataJson;
    const records = data.sources.flatMap((s) => s.tables.flatMap((t) => t.records));
    expect(records.map((r) => r.hitId).sort()).toEqual([...expected].sort());
    const byId = new Map(records.map((r) => [r.hitId, r]));
    expect(byId.get('crm:6')!.record).not.toHaveProperty('telefon');
    expect(String(byId.get('crm:2')!.record.notat)).toContain('[fjernet]');
    expect(String(byId.get('crm:2')!.record.notat)).not.toContain(String(list.find((h) => h.id === 'crm:2')!.record.notat).slice(24, 35));
    const unpacked = path.join(dir, 'unpacked');
    execFileSync('unzip', ['-q', fromStore.file, 'data/data.xlsx', '-d', unpacked]);
    const rows = JSON.parse(python('import openpyxl,sys,json\nwb=openpyxl.load_workbook(sys.argv[1],read_only=True)\nprint(json.dumps({ws.title: sum(1 for _ in ws.iter_rows()) for ws in wb.worksheets}))', path.join(unpacked, 'data', 'data.xlsx'))) as Record<string, number>;
    for (const [sheet, source] of [['crm-kunder', 'crm'], ['shop-ordre', 'shop'], ['logg-innlogging', 'logg']]) {
      expect(rows[sheet] - 1, sheet).toBe(expected.filter((id) => id.startsWith(`${source}:`)).length);
    }
  }, 120_000);

  it('plans hits stored before their facts were kept from their record copies, to the same package', async () => {
    const list = hits(400);
    const { reg, ref } = reviewedCase(list);
    // As a register from before migration 7 left them: copies, but no facts. Here for the
    // second half of the search order, so the plan reads facts first, then copies.
    const half = Math.floor(list.length / 2);
    const withoutFacts = reg.store.db.prepare('UPDATE case_hit SET facts_json = NULL, fields_json = NULL WHERE position >= ?').run(half).changes;
    expect(withoutFacts).toBe(list.length - half);
    const dir = tempDir();
    const fromStore = await exportCase(reg, ref, { ...choices, outFile: path.join(dir, 'case.zip'), resourcesDir, tool });
    await expectSameAsInMemory(reg, ref, list, fromStore.manifest, dir);
    expect(fromStore.manifest.review).toMatchObject({ decisions: { include: 1, exclude: 1 }, redactions: { applied: 2 } });
  }, 120_000);

  it('upgrades a register stored before migration 7 and exports its cases to the same package', async () => {
    const list = hits(300);
    const dir = tempDir();
    const { reg, ref } = reviewedCase(list, dir);
    // Undo migration 7 on the stored register, as the previous version left it.
    reg.store.db.exec(`
      DROP INDEX case_hit_plan;
      DROP INDEX case_hit_original;
      ALTER TABLE case_hit DROP COLUMN facts_json;
      ALTER TABLE case_hit DROP COLUMN fields_json;
      CREATE INDEX case_hit_position ON case_hit (case_id, position);
      DELETE FROM schema_migration WHERE version = 7;
    `);
    reg.store.db.close();
    const upgraded = new CaseRegister(openStore(dir), tickingClock());
    expect(upgraded.store.db.prepare('SELECT max(version) FROM schema_migration').pluck().get()).toBe(7);
    expect(upgraded.store.db.prepare('SELECT count(*) FROM case_hit WHERE facts_json IS NULL').pluck().get()).toBe(list.length);
    const fromStore = await exportCase(upgraded, ref, { ...choices, outFile: path.join(dir, 'case.zip'), resourcesDir, tool });
    await expectSameAsInMemory(upgraded, ref, list, fromStore.manifest, dir);
    expect(fromStore.manifest.review).toMatchObject({ decisions: { include: 1, exclude: 1 }, redactions: { applied: 2 } });
  }, 120_000);

  it('gives hits stored before facts were kept their facts from their own copies when the same search is stored again', () => {
    const list = hits(50);
    const { reg, ref } = reviewedCase(list);
    const facts = reg.store.db.prepare('SELECT hit_id, facts_json, fields_json FROM case_hit ORDER BY position');
    const stored = facts.all() as Array<{ hit_id: string; facts_json: string; fields_json: string }>;
    reg.store.db.prepare("UPDATE case_hit SET facts_json = NULL, fields_json = NULL WHERE hit_id <> 'crm:5'").run();
    // A row that has facts keeps them, even when they are not what this search would store.
    reg.store.db.prepare(`UPDATE case_hit SET fields_json = '["navn","id","epost","notat"]' WHERE hit_id = 'crm:5'`).run();
    // The same search, its records' fields in another order: the same hash (over sorted keys), so
    // the copies stay, and the facts must follow the copies' order, not this search's.
    const reordered = list.map((h) => ({ ...h, record: Object.fromEntries(Object.entries(h.record).reverse()) }));
    recordSearch(reg, ref, result(reordered), configs);
    const after = facts.all() as typeof stored;
    expect(after.filter((r) => r.hit_id !== 'crm:5')).toEqual(stored.filter((r) => r.hit_id !== 'crm:5'));
    expect(after.find((r) => r.hit_id === 'crm:5')!.fields_json).toBe('["navn","id","epost","notat"]');
    // Unchanged hits keep their decisions: only the facts were added.
    expect(reg.store.decisions(reg.row(ref).id)).toHaveLength(2);
  });

  it('names the e-mail files from the stored subject lines, as the same export in memory does', async () => {
    const dir = tempDir();
    const fx = makeFixture(dir);
    const reg = new CaseRegister(openStore(path.join(dir, 'register')), tickingClock());
    const { ref } = reg.create({ subject: fx.result.subject, channel: 'email', received: '2026-11-19' });
    reg.verify(ref, { method: 'BankID', by: 'dpo' });
    recordSearch(reg, ref, fx.result, fx.sources);
    const fromStore = await exportCase(reg, ref, { ...choices, outFile: path.join(dir, 'case.zip'), resourcesDir, tool });
    await expectSameAsInMemory(reg, ref, fx.result.hits, fromStore.manifest, dir);
    const mail = fromStore.manifest.files.map((f) => f.path).filter((p) => p.startsWith('mail/'));
    expect(mail).toHaveLength(2);
    expect(mail[0]).toBe('mail/post/0001-Reklamasjon.eml');
    expect(mail[1]).toMatch(/^mail\/post\/0002-.*ø\.eml$/);
  }, 120_000);

  it('refuses a package whose stored copies contradict the facts it was planned from, and writes nothing', async () => {
    for (const damage of [
      // The fields in another order than planned: the sheet's columns would not fit data.json.
      `UPDATE case_hit SET fields_json = '["navn","id","epost","notat"]' WHERE hit_id = 'crm:11'`,
      // Another line than planned: the package would cite a place its plan did not count.
      `UPDATE case_hit SET facts_json = json_set(facts_json, '$.location.line', 9999) WHERE hit_id = 'crm:11'`,
      // A cell that is not a plain value, which data.json's schema does not allow.
      `UPDATE case_hit SET snapshot_json = json_set(snapshot_json, '$.record.notat', json('{"a":1}')) WHERE hit_id = 'crm:11'`,
    ]) {
      const { reg, ref } = reviewedCase(hits(300));
      expect(reg.store.db.prepare(damage).run().changes).toBe(1);
      const outFile = path.join(tempDir(), 'case.zip');
      const exported = exportCase(reg, ref, { ...choices, outFile, resourcesDir, tool });
      await expectNothingWritten(exported, outFile, /stored copy of hit crm:11 differs from what its package was planned from/, damage);
      expect(reg.get(ref).status).toBe('reviewing');
    }
  }, 120_000);

  it('stops with a clear error when a stored record copy is not the hit it should be, and writes nothing', async () => {
    const { reg, ref } = reviewedCase(hits(300));
    // A damaged register: one hit's copy holds another hit.
    reg.store.db.prepare("UPDATE case_hit SET snapshot_json = (SELECT snapshot_json FROM case_hit WHERE hit_id = 'crm:1') WHERE hit_id = 'crm:11'").run();
    const outFile = path.join(tempDir(), 'case.zip');
    await expectNothingWritten(exportCase(reg, ref, { ...choices, outFile, resourcesDir, tool }), outFile, /Hit crm:11 of case .* is no longer stored as it was/);
    expect(reg.get(ref).status).toBe('reviewing');
  }, 120_000);

  it('refuses to mix two searches: a search stored while the package is made stops the export, and nothing is written', async () => {
    const { reg, ref } = reviewedCase(hits(300));
    const outFile = path.join(tempDir(), 'case.zip');
    let searchedAgain = false;
    const exported = exportMeanwhile(reg, ref, outFile, () => {
      recordSearch(reg, ref, result(hits(300, 'Endret etter søket')), configs);
      searchedAgain = true;
    });
    await expectNothingWritten(exported, outFile, /searched again while its package was being made/);
    expect(searchedAgain).toBe(true);
    expect(reg.get(ref).status).toBe('reviewing');
  }, 120_000);

  it('says so when the records are deleted under the retention rule while the package is made', async () => {
    const { reg, ref } = reviewedCase(hits(300));
    const outFile = path.join(tempDir(), 'case.zip');
    const exported = exportMeanwhile(reg, ref, outFile, () => reg.store.setPurged(reg.row(ref).id, '2026-11-21'));
    await expectNothingWritten(exported, outFile, /deleted under the retention rule while its package was being made/);
  }, 120_000);
});
