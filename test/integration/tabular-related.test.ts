import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchJson } from '../helpers/cli';
import { corpus, missingCorpus } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

interface HitOut {
  id: string;
  location: { table: string; key?: Record<string, unknown>; record?: number; line?: number };
  relatedTo?: string;
  thirdParty?: boolean;
  confidence: string;
  record: Record<string, unknown>;
}

const chinookMissing = missingCorpus('chinook', 'Chinook_Sqlite.sqlite');
const sakilaMissing = missingCorpus('sakila', 'csv', 'customer.csv');

const inTable = (hits: HitOut[], table: string) => hits.filter((h) => h.location.table === table);

describe('related rows through keys, end to end with innsyn search --json', () => {
  it.skipIf(chinookMissing)('Chinook: Bjørn Hansen’s Customer row, his 7 invoices and their 38 lines, and not the Employee', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'chinook', kind: 'sqlite', path: corpus('chinook', 'Chinook_Sqlite.sqlite') }]);
    const { code, json } = await searchJson(['--workspace', ws, '--email', 'bjorn.hansen@yahoo.no'], dir);
    expect(code).toBe(0);
    expect(json.sources[0]).toMatchObject({ status: 'ok', hits: 46 });
    const hits = json.hits as HitOut[];
    const [customer] = inTable(hits, 'Customer');
    expect(customer).toMatchObject({ confidence: 'high', location: { key: { CustomerId: 4 } } });
    expect(customer.relatedTo).toBeUndefined();
    const invoices = inTable(hits, 'Invoice');
    expect(invoices).toHaveLength(7);
    for (const inv of invoices) expect(inv).toMatchObject({ relatedTo: customer.id, confidence: 'high', record: { CustomerId: 4 } });
    const lines = inTable(hits, 'InvoiceLine');
    expect(lines).toHaveLength(38);
    const invoiceIds = new Map(invoices.map((i) => [i.id, i.record.InvoiceId]));
    for (const line of lines) expect(line.record.InvoiceId).toBe(invoiceIds.get(line.relatedTo!));
    // Customer.SupportRepId points at an Employee: a parent, and someone else.
    expect(inTable(hits, 'Employee')).toEqual([]);
    // Tracks, albums and artists are parents of InvoiceLine: not Bjørn's data either.
    expect(hits.every((h) => ['Customer', 'Invoice', 'InvoiceLine'].includes(h.location.table))).toBe(true);
  });

  it.skipIf(sakilaMissing)('Sakila CSV folder with declared links: the customer row and all their rentals and payments', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [
      {
        id: 'sakila',
        kind: 'csv',
        path: corpus('sakila', 'csv'),
        links: [
          { from: 'rental.customer_id', to: 'customer.customer_id' },
          { from: 'payment.customer_id', to: 'customer.customer_id' },
          { from: 'payment.rental_id', to: 'rental.rental_id' },
        ],
      },
    ]);
    const { code, json } = await searchJson(['--workspace', ws, '--email', 'mary.smith@sakilacustomer.org'], dir);
    expect(code).toBe(0);
    expect(json.sources[0].status).toBe('ok');
    const hits = json.hits as HitOut[];
    const [customer] = inTable(hits, 'customer');
    expect(customer.record).toMatchObject({ customer_id: '1', first_name: 'MARY', last_name: 'SMITH' });
    // Count Mary's rows independently of Innsyn, straight from the files.
    const count = (file: string, column: string) => {
      const [head, ...rows] = readFileSync(corpus('sakila', 'csv', file), 'utf8').trim().split('\n');
      const i = head.split(',').indexOf(column);
      return rows.filter((r) => r.split(',')[i] === '1').length;
    };
    const rentals = inTable(hits, 'rental');
    const payments = inTable(hits, 'payment');
    expect(rentals).toHaveLength(count('rental.csv', 'customer_id'));
    expect(payments).toHaveLength(count('payment.csv', 'customer_id'));
    expect(rentals.length).toBeGreaterThan(20);
    for (const h of [...rentals, ...payments]) {
      expect(h.record.customer_id).toBe('1');
      expect(h.relatedTo).toBeDefined();
      expect(h.location.line).toBeGreaterThan(1);
    }
    // Staff (who handled the rentals) and stores are parents: never pulled in.
    expect(hits.some((h) => ['staff', 'store', 'inventory', 'film'].includes(h.location.table))).toBe(false);
  });

  it.skipIf(sakilaMissing)('declared links work for a database without foreign keys (sakila.sqlite)', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [
      {
        id: 'sakila',
        kind: 'sqlite',
        path: corpus('sakila', 'sakila.sqlite'),
        links: [
          { from: 'rental.customer_id', to: 'customer.customer_id' },
          { from: 'payment.customer_id', to: 'customer.customer_id' },
        ],
      },
    ]);
    const { code, json } = await searchJson(['--workspace', ws, '--email', 'mary.smith@sakilacustomer.org'], dir);
    expect(code).toBe(0);
    const hits = json.hits as HitOut[];
    expect(inTable(hits, 'customer')).toHaveLength(1);
    expect(inTable(hits, 'rental')).toHaveLength(32);
    expect(inTable(hits, 'payment')).toHaveLength(32);
  });

  it.skipIf(sakilaMissing)('without declared links, no related rows are added (proposals are never used)', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'sakila', kind: 'csv', path: corpus('sakila', 'csv') }]);
    const { json } = await searchJson(['--workspace', ws, '--email', 'mary.smith@sakilacustomer.org'], dir);
    expect((json.hits as HitOut[]).map((h) => h.location.table)).toEqual(['customer']);
  });
});
