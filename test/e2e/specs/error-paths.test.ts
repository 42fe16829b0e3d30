import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { E2eServer } from '../harness/app';
import { demoPerson, screenshotPath } from '../harness/fixtures';
import { projectRoot } from '../harness/build';
import { AppPage } from '../pages/app-page';
import { CasesPage } from '../pages/cases-page';
import { searchForPerson } from '../pages/search-for-person';

let server: E2eServer;
const temps: string[] = [];
beforeAll(async () => {
  server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'innsyn-e2e-data-'));
  temps.push(d);
  return d;
}

function workspace(dir: string, sources: unknown[]): string {
  const file = path.join(dir, 'workspace.json');
  writeFileSync(file, JSON.stringify({ controller: { name: 'Testfirma AS' }, sources }));
  return file;
}

/** A CSV large enough that a search is still running when the test presses cancel. */
async function bigCsv(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, 'stor.csv');
  const out = createWriteStream(file);
  out.write('kunde_id;navn;epost;notat\r\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(`${i};Kunde ${i};kunde${i}@example.no;Ringte om levering av bestilling nummer ${i} og ba om kvittering\r\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

describe('error paths', () => {
  it('rejects a national ID with a wrong check digit while typing, and says why', { timeout: 120_000 }, async () => {
    const { page } = await server.open('en');
    const app = new AppPage(page);
    await app.ready();
    const cases = new CasesPage(page);
    await cases.openForm();
    await cases.fill({ name: 'Kari Nordmann', nationalId: '15038541216' });
    expect(await cases.errorFor('nationalIds')).toMatch(/check digits do not match/);
    expect(await cases.saveButton().isDisabled()).toBe(true);
    await cases.fill({ phone: '12' });
    expect(await cases.errorFor('phones')).toMatch(/not a phone number/);
    await app.screenshot(screenshotPath('case-form-error', 'en'));
    await cases.field('nationalIds').fill('150385-41215');
    await cases.field('phones').fill('913 45 678');
    await page.locator('[data-testid="case-save"]:not([disabled])').waitFor();
    await page.context().close();
  });

  it('reports an unreadable source clearly while the other sources finish', { timeout: 120_000 }, async () => {
    const { page, session } = await server.open('nb');
    const dir = tempDir();
    const file = workspace(dir, [
      { id: 'borte', kind: 'csv', path: path.join(dir, 'finnes-ikke.csv'), label: 'Slettet eksport' },
      { id: 'skadet', kind: 'sqlite', path: path.join(projectRoot, 'resources/demo/kunder/kunde.csv'), label: 'Ikke en database' },
      { id: 'kunderegister', kind: 'csv', path: path.join(projectRoot, 'resources/demo/kunder'), label: 'Kunderegister' },
    ]);
    const app = new AppPage(page);
    await app.ready();
    const search = await searchForPerson(page, session, { workspace: file, person: { email: demoPerson.email }, verified: ['BankID', 'Siri'] });
    await search.finished();
    await search.sourceError('borte').waitFor();
    await search.sourceError('skadet').waitFor();
    expect(await search.progress('kunderegister').getAttribute('data-state')).toBe('done');
    expect(await search.sourceError('kunderegister').count()).toBe(0);
    const message = await search.sourceError('borte').innerText();
    expect(message.length).toBeGreaterThan(30);
    expect(message).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
    expect(await page.getByTestId('search-done').innerText()).toMatch(/2 kilder feilet/);
    await app.screenshot(screenshotPath('search-errors', 'nb'));
    await page.context().close();
  });

  it('cancels a running search, and asks before exporting the incomplete result (the core refuses without consent)', { timeout: 180_000 }, async () => {
    const { page, session } = await server.open('en');
    const dir = tempDir();
    const file = workspace(dir, [{ id: 'stor', kind: 'csv', path: await bigCsv(dir, 1_500_000), label: 'Large export' }]);
    const app = new AppPage(page);
    await app.ready();
    const search = await searchForPerson(page, session, { workspace: file, person: { email: 'kunde7@example.no' }, verified: ['ID document', 'Siri'] });
    await search.running('stor');
    await search.cancel();
    await page.locator('[data-testid="search-run"]:not([disabled])').waitFor();
    expect(await page.getByTestId('search-done').count()).toBe(0);
    await app.go('export');
    session.dialogs.nextPackage = path.join(dir, 'svar.zip');
    await page.getByTestId('export-run').click();
    // The app asks before an incomplete export; declining writes nothing.
    await page.getByTestId('export-confirm-incomplete').waitFor();
    await page.getByTestId('export-confirm-incomplete').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('export-confirm-incomplete').waitFor({ state: 'detached' });
    expect(existsSync(path.join(dir, 'svar.zip'))).toBe(false);
    // And the core refuses by itself without the explicit "export anyway".
    const list = await session.dispatch('case:list', { filter: 'all' });
    if (!list.ok) throw new Error(list.error.message);
    const [{ ref }] = (list.value as { cases: Array<{ ref: string }> }).cases;
    const refusal = await session.dispatch('case:export', { ref, lang: 'en', minConfidence: 'high' });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'INCOMPLETE', message: expect.stringMatching(/could not be searched/) } });
    expect(existsSync(path.join(dir, 'svar.zip'))).toBe(false);
    await page.context().close();
  });
});
