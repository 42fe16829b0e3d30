import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers/index';
import { migrations } from '../../electron/core/store/migrations';
import { migrate } from '../../electron/core/store/store';
import { runCli } from '../helpers/cli';
import { corpus, missingCorpus, projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

const sakilaMissing = missingCorpus('sakila', 'csv', 'customer.csv');
const chinookMissing = missingCorpus('chinook', 'Chinook_Sqlite.sqlite');

interface PreviewOut {
  source: string;
  tables: Array<{
    name: string;
    columns: Array<{ name: string; type: string }>;
    primaryKey: string[];
    foreignKeys: Array<{ columns: string[]; references: { table: string; columns: string[] }; origin: string }>;
    rowCount?: number;
    rows: Array<Record<string, unknown>>;
    encoding?: string;
    delimiter?: string;
    header?: boolean;
  }>;
  proposedLinks: Array<{ from: string; to: string; reason: string }>;
  problems: string[];
}

async function previewJson(ws: string, source: string, dir: string, extra: string[] = []): Promise<PreviewOut> {
  const run = await runCli(['source', 'preview', '--workspace', ws, '--source', source, '--json', ...extra], { dataDir: dir });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as PreviewOut;
}

describe('innsyn source preview', () => {
  it.skipIf(sakilaMissing)('CSV folder: encoding, delimiter, header, types, first rows, and links proposed but not declared', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [
      { id: 'sakila', kind: 'csv', path: corpus('sakila', 'csv'), links: [{ from: 'rental.customer_id', to: 'customer.customer_id' }] },
    ]);
    const p = await previewJson(ws, 'sakila', dir, ['--rows', '3']);
    const customer = p.tables.find((t) => t.name === 'customer')!;
    expect(customer).toMatchObject({ encoding: 'utf8', delimiter: ',', header: true, primaryKey: ['customer_id'], rowCount: 599 });
    expect(customer.rows).toHaveLength(3);
    expect(customer.columns.find((c) => c.name === 'email')?.type).toBe('email');
    const rental = p.tables.find((t) => t.name === 'rental')!;
    expect(rental.foreignKeys).toEqual([{ columns: ['customer_id'], references: { table: 'customer', columns: ['customer_id'] }, origin: 'link' }]);
    const proposed = p.proposedLinks.map((l) => `${l.from} → ${l.to}`);
    expect(proposed).toContain('payment.customer_id → customer.customer_id');
    expect(proposed).toContain('payment.rental_id → rental.rental_id');
    expect(proposed).not.toContain('rental.customer_id → customer.customer_id'); // already declared
    expect(p.problems).toEqual([]);
  });

  it.skipIf(chinookMissing)('SQLite: column types, primary keys and declared foreign keys', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'chinook', kind: 'sqlite', path: corpus('chinook', 'Chinook_Sqlite.sqlite') }]);
    const p = await previewJson(ws, 'chinook', dir);
    const invoice = p.tables.find((t) => t.name === 'Invoice')!;
    expect(invoice).toMatchObject({ primaryKey: ['InvoiceId'], rowCount: 412 });
    expect(invoice.columns.find((c) => c.name === 'Total')?.type).toBe('NUMERIC(10,2)');
    expect(invoice.foreignKeys).toContainEqual({ columns: ['CustomerId'], references: { table: 'Customer', columns: ['CustomerId'] }, origin: 'schema' });
    expect(invoice.rows).toHaveLength(5);
    expect(p.proposedLinks).toEqual([]);
  });

  it.skipIf(sakilaMissing)('SQLite without foreign keys: links proposed from column names and values', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'sakila', kind: 'sqlite', path: corpus('sakila', 'sakila.sqlite') }]);
    const p = await previewJson(ws, 'sakila', dir, ['--rows', '0']);
    expect(p.tables.every((t) => t.foreignKeys.length === 0)).toBe(true);
    const proposed = p.proposedLinks.map((l) => `${l.from} → ${l.to}`);
    expect(proposed).toEqual(expect.arrayContaining(['rental.customer_id → customer.customer_id', 'payment.customer_id → customer.customer_id']));
  });

  it('prints a readable summary, and refuses a mailbox source with a sentence', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kunde.csv'), 'kunde_id;navn\r\n1;Kari Nordmann\r\n');
    const ws = writeWorkspace(dir, [
      { id: 'crm', kind: 'csv', path: dir },
      { id: 'mail', kind: 'mailbox', path: path.join(projectRoot, 'resources', 'demo', 'support.mbox') },
    ]);
    const text = await runCli(['source', 'preview', '--workspace', ws, '--source', 'crm'], { dataDir: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/kunde \(1 rows\) {2}encoding utf8, delimiter ";", header row/);
    expect(text.stdout).toMatch(/columns: kunde_id integer \[key\], navn text/);
    const mail = await runCli(['source', 'preview', '--workspace', ws, '--source', 'mail'], { dataDir: dir });
    expect(mail.code).toBe(2);
    expect(mail.stderr).toMatch(/the preview is for CSV files and databases/);
  });

  it('is available to the app through the contract method source:preview', async () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'kunde.csv'), Buffer.from('kunde_id;navn\r\n1;Bjørn Ødegård\r\n', 'latin1'));
    const wsFile = writeWorkspace(dir, [{ id: 'crm', kind: 'csv', path: dir }]);
    const dispatch = createDispatcher(
      createHandlers({
        db,
        dataDir: dir,
        resourcesDir: path.join(projectRoot, 'resources'),
        tool: { name: 'Innsyn', version: 'test' },
        dialogs: { openWorkspace: async () => wsFile, savePackage: async () => null },
        emit: () => {},
      }),
    );
    expect(await dispatch('workspace:import', {})).toMatchObject({ ok: true });
    const res = await dispatch('source:preview', { id: 'crm', rows: 1 });
    expect(res).toMatchObject({
      ok: true,
      value: { source: 'crm', tables: [{ name: 'kunde', encoding: 'windows-1252', rows: [{ kunde_id: '1', navn: 'Bjørn Ødegård' }] }] },
    });
    expect(await dispatch('source:preview', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    db.close();
  });
});
