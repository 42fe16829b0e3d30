import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/contract';
import { E2eServer } from '../harness/app';
import { AppPage } from '../pages/app-page';
import { ReviewPage } from '../pages/review-page';
import { searchForPerson } from '../pages/search-for-person';

const HITS = 10_000;
let server: E2eServer;
beforeAll(async () => {
  server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());

async function logWorkspace(dir: string): Promise<string> {
  const file = path.join(dir, 'logg.csv');
  const out = createWriteStream(file);
  out.write('hendelse_id;epost;hendelse\n');
  for (let i = 1; i <= HITS; i++) {
    if (!out.write(`${i};kari.nordmann@example.no;Innlogging ${i % 7}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const ws = path.join(dir, 'workspace.json');
  writeFileSync(ws, JSON.stringify({ controller: { name: 'Testfirma AS' }, sources: [{ id: 'logg', kind: 'csv', path: file }] }));
  return ws;
}

describe('bulk review', () => {
  it(`"Include all high" decides ${HITS.toLocaleString('en')} hits with one case:reviewMany call, and a double click decides once`, { timeout: 300_000 }, async () => {
    const { page, session } = await server.open('en');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-e2e-bulk-'));
    const calls: string[] = [];
    page.on('request', (r) => {
      const m = /\/invoke\/(case:review\w*)/.exec(decodeURIComponent(r.url()));
      if (m) calls.push(m[1]);
    });
    try {
      const app = new AppPage(page);
      await app.ready();
      await searchForPerson(page, session, { workspace: await logWorkspace(dir), person: { email: 'kari.nordmann@example.no' }, verified: ['BankID', 'Siri'] });
      await page.getByTestId('search-done').waitFor({ timeout: 120_000 });
      await page.getByTestId('to-review').click();

      const review = new ReviewPage(page);
      await review.includeAllHigh();
      expect(calls).toEqual(['case:reviewMany']);

      // A double click on "Exclude" records one decision, not two: every decision is audited.
      const hitId = await review.open(review.rows().first());
      await page.getByTestId('exclude-one').dblclick();
      await page.locator('[data-testid="review"][aria-busy="false"] [data-testid="exclude-one"][aria-pressed="true"]').waitFor();
      expect(calls).toEqual(['case:reviewMany', 'case:review']);

      const list = await session.dispatch('case:list', { filter: 'all' });
      if (!list.ok) throw new Error(list.error.message);
      const [{ ref }] = (list.value as MethodOutput<'case:list'>).cases;
      const audit = await session.dispatch('case:audit', { ref });
      if (!audit.ok) throw new Error(audit.error.message);
      const decisions = (audit.value as MethodOutput<'case:audit'>).entries.filter((e) => e.event === 'decision');
      expect(decisions).toHaveLength(HITS + 1);
      expect(decisions.filter((e) => e.data.hitId === hitId).map((e) => e.data.include)).toEqual([true, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
