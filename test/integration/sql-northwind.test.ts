import { beforeAll, describe, expect, it } from 'vitest';
import { searchJson } from '../helpers/cli';
import { corpus, missingCorpus } from '../helpers/corpora';
import { loadNorthwindMysql, loadNorthwindPostgres, missingServer, myUrl, pgUrl } from '../helpers/databases';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

interface HitOut {
  id: string;
  location: { table: string; key: Record<string, unknown> };
  relatedTo?: string;
  confidence: string;
}

const corpusMissing = missingCorpus('northwind', 'northwind.sqlite') ?? missingCorpus('northwind', 'Northwind.create.sql');
const pgMissing = corpusMissing ?? (await missingServer('postgres'));
const myMissing = corpusMissing ?? (await missingServer('mysql'));

/** Maria Anders is the contact of customer ALFKI: 6 orders with 12 order lines in Northwind. */
function expectAlfki(json: { sources: Array<{ status: string; error?: string }>; hits: HitOut[] }) {
  expect(json.sources[0].error).toBeUndefined();
  expect(json.sources[0].status).toBe('ok');
  const customer = json.hits.filter((h) => h.location.table === 'Customers');
  expect(customer).toHaveLength(1);
  expect(customer[0].location.key).toEqual({ CustomerID: 'ALFKI' });
  const orders = json.hits.filter((h) => h.location.table === 'Orders');
  expect(orders).toHaveLength(6);
  for (const o of orders) expect(o.relatedTo).toBe(customer[0].id);
  const lines = json.hits.filter((h) => h.location.table === 'Order Details');
  expect(lines).toHaveLength(12);
  const orderIds = new Set(orders.map((o) => o.id));
  for (const l of lines) expect(orderIds.has(l.relatedTo!)).toBe(true);
  // Orders point at an Employee and a Shipper: parents, someone else's records, never pulled in.
  expect(json.hits.some((h) => ['Employees', 'Shippers', 'Products'].includes(h.location.table))).toBe(false);
}

describe('Northwind contact through the CLI, in every SQL engine', () => {
  it.skipIf(corpusMissing)('SQLite: customer, orders and order details', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'nw', kind: 'sqlite', path: corpus('northwind', 'northwind.sqlite') }]);
    const { code, json } = await searchJson(['--workspace', ws, '--name', 'Maria Anders'], dir);
    expect(code).toBe(0);
    expectAlfki(json);
  });

  describe.skipIf(pgMissing)('PostgreSQL', () => {
    beforeAll(loadNorthwindPostgres, 120_000);

    it('finds the same rows, searching inside the server', async () => {
      const dir = tempDir();
      const ws = writeWorkspace(dir, [{ id: 'nw', kind: 'postgres', connection: pgUrl() }]);
      const { code, json } = await searchJson(['--workspace', ws, '--name', 'Maria Anders'], dir);
      expect(code).toBe(0);
      expectAlfki(json);
      expect(json.sources[0].scanned).toBeGreaterThan(3000); // every row was searched, in the server
    });
  });

  describe.skipIf(myMissing)('MariaDB / MySQL', () => {
    beforeAll(loadNorthwindMysql, 120_000);

    it('finds the same rows, searching inside the server', async () => {
      const dir = tempDir();
      const ws = writeWorkspace(dir, [{ id: 'nw', kind: 'mysql', connection: myUrl() }]);
      const { code, json } = await searchJson(['--workspace', ws, '--name', 'Maria Anders'], dir);
      expect(code).toBe(0);
      expectAlfki(json);
      expect(json.sources[0].scanned).toBeGreaterThan(3000);
    });
  });
});
