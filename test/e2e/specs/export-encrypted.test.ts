import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eServer } from '../harness/app';
import { demoPerson, demoWorkspace } from '../harness/fixtures';
import { AppPage } from '../pages/app-page';
import { ExportPage } from '../pages/export-page';
import { searchForPerson } from '../pages/search-for-person';

let server: E2eServer;
beforeAll(async () => {
  server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());

/** The demo workspace, one source without its processing record, plus a database source that refuses connections (port 1), so the search is incomplete. */
function workspaceWithFailingSource(dir: string): string {
  cpSync(path.dirname(demoWorkspace), dir, { recursive: true });
  const file = path.join(dir, 'workspace.json');
  const ws = JSON.parse(readFileSync(file, 'utf8')) as { sources: Array<Record<string, unknown>> };
  // No processing record for the customer register: its letter paragraphs become placeholders.
  delete ws.sources[0].processing;
  ws.sources.push({ id: 'arkiv', kind: 'mysql', connection: 'mysql://innsyn@127.0.0.1:1/arkiv' });
  writeFileSync(file, JSON.stringify(ws));
  return file;
}

const letterPoints = (lang: 'nb' | 'en'): Record<string, string> =>
  (JSON.parse(readFileSync(path.join(path.dirname(demoWorkspace), '..', 'cover-letter', `${lang}.json`), 'utf8')) as { letter: { points: Record<string, string> } })
    .letter.points;

describe('an encrypted package from a case', () => {
  it('previews the cover letter, asks before exporting an incomplete case, shows the passphrase once, and 7-Zip needs it', { timeout: 240_000 }, async () => {
    const { page, session } = await server.open('en');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-e2e-enc-'));
    try {
      const app = new AppPage(page);
      await app.ready();
      const search = await searchForPerson(page, session, { workspace: workspaceWithFailingSource(path.join(dir, 'ws')), person: demoPerson, verified: ['BankID', 'Siri Personvern'] });
      await search.finished();
      expect(await search.progress('arkiv').getAttribute('data-state')).toBe('error');

      await app.go('export');
      // The letter preview follows the chosen language and marks what the DPO must complete.
      await page.getByTestId('export-lang-en').click();
      for (const heading of Object.values(letterPoints('en'))) {
        await page.getByTestId('letter-heading').filter({ hasText: heading }).first().waitFor();
      }
      expect(await page.getByTestId('letter-placeholder').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('letter-placeholder').first().evaluate((e) => e.tagName)).toBe('MARK');
      await page.getByTestId('export-lang-nb').click();
      await page.getByTestId('letter-heading').filter({ hasText: letterPoints('nb').a }).waitFor();

      // Formats: with neither JSON nor Excel the export is refused in place, with the reason.
      const exporter = new ExportPage(page, session);
      const preview = page.getByTestId('letter-preview');
      await preview.getByText('data/data.xlsx', { exact: false }).first().waitFor();
      await exporter.setFormat('json', false, 'keyboard');
      await exporter.setFormat('xlsx', false);
      await page.getByTestId('export-formats-problem').waitFor();
      expect(await page.getByTestId('export-run').isDisabled()).toBe(true);
      expect(await page.getByRole('group', { name: 'Formats' }).getAttribute('aria-describedby')).toBeTruthy();
      await exporter.setFormat('json', true, 'keyboard');
      await page.getByTestId('export-formats-problem').waitFor({ state: 'detached' });
      expect(await page.getByTestId('export-run').isEnabled()).toBe(true);
      // The letter preview follows the choice: no spreadsheet promised once Excel is unticked.
      await page.waitForFunction(() => !document.querySelector('[data-testid="letter-preview"]')?.textContent?.includes('data/data.xlsx'));
      expect(await preview.textContent()).toContain('data/data.json');

      const zip = path.join(dir, 'svar.zip');
      const passphrase = await exporter.exportEncryptedAnyway(zip, 'nb');
      expect(passphrase).toMatch(/^([346789A-HJKMNP-RT-Y]{4}-){5}[346789A-HJKMNP-RT-Y]{4}$/);
      await page.getByTestId('export-incomplete-done').waitFor();
      // The determinate bar ends full, on the last step.
      expect(await page.getByTestId('export-progress').getAttribute('aria-valuenow')).toBe('100');
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('export-passphrase-copy').click();
      await page.getByTestId('export-passphrase-copied').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(passphrase);

      expect(spawnSync('7z', ['t', `-p${passphrase}`, zip]).status).toBe(0);
      // Excel was unticked: no data.xlsx in the package, and the manifest says what is in it.
      const listed = spawnSync('7z', ['l', '-slt', `-p${passphrase}`, zip], { encoding: 'utf8' }).stdout;
      const names = [...listed.matchAll(/^Path = (.+)$/gm)].map((m) => m[1]).slice(1);
      expect(names).toContain('data/data.json');
      expect(names).not.toContain('data/data.xlsx');
      const manifest = JSON.parse(spawnSync('7z', ['x', '-so', `-p${passphrase}`, zip, 'manifest.json'], { encoding: 'utf8' }).stdout) as { formats: string[] };
      expect(manifest.formats).toEqual(['json', 'eml']);
      expect(spawnSync('7z', ['t', '-pfeil-passfrase', zip]).status).not.toBe(0);
      // The audit trail records the export, never the passphrase.
      const list = await session.dispatch('case:list', { filter: 'all' });
      if (!list.ok) throw new Error(list.error.message);
      const [{ ref }] = (list.value as { cases: Array<{ ref: string }> }).cases;
      const audit = await session.dispatch('case:audit', { ref });
      expect(JSON.stringify(audit)).toContain('"export"');
      expect(JSON.stringify(audit)).not.toContain(passphrase);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
