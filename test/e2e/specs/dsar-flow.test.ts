import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/contract';
import { E2eServer } from '../harness/app';
import { demoPerson, demoWorkspace, screenshotPath } from '../harness/fixtures';
import { manifestMismatches, readZip } from '../harness/package-reader';
import { AppPage } from '../pages/app-page';
import { CasesPage } from '../pages/cases-page';
import { ExportPage } from '../pages/export-page';
import { ReviewPage } from '../pages/review-page';
import { SearchPage } from '../pages/search-page';
import { SourcesPage } from '../pages/sources-page';

let server: E2eServer;
beforeAll(async () => {
  server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());

/**
 * The whole request, as a DPO works it, once per UI language: register, add the demo
 * sources, search with progress, review (exclude one, redact one), export, and then open
 * the package with another ZIP library and check it against its manifest.
 */
describe.each<Language>(['en', 'nb'])('a full access request in %s', (lang) => {
  it('goes from request to a verified package', { timeout: 240_000 }, async () => {
    const { page, session } = await server.open(lang);
    const out = mkdtempSync(path.join(os.tmpdir(), 'innsyn-e2e-out-'));
    try {
      const app = new AppPage(page);
      await app.ready();

      await app.go('sources');
      const sources = new SourcesPage(page, session);
      await sources.importWorkspace(demoWorkspace);
      expect(await sources.sourceCount()).toBe(3);
      await app.screenshot(screenshotPath('sources', lang));

      await app.go('cases');
      const cases = new CasesPage(page);
      await cases.openForm();
      await cases.fill(demoPerson);
      await app.screenshot(screenshotPath('case-form', lang));
      await cases.save();

      const search = new SearchPage(page);
      await search.start();
      await search.finished();
      for (const id of ['kunderegister', 'nettbutikk', 'kundeservice']) {
        expect(await search.progress(id).getAttribute('data-state')).toBe('done');
      }
      await app.screenshot(screenshotPath('search', lang));

      await page.getByTestId('to-review').click();
      const review = new ReviewPage(page);
      await review.includeAllHigh();
      const excluded = await review.open(0);
      await review.excludeOpen();
      expect(await review.decisionOf(excluded).getAttribute('class')).toContain('exc');
      const redacted = await review.open(1);
      expect(redacted).not.toBe(excluded);
      await review.redactField(await firstField(page));
      await app.screenshot(screenshotPath('review', lang));

      await app.go('export');
      const exporter = new ExportPage(page, session);
      const zipFile = path.join(out, 'svar.zip');
      const verdict = await exporter.exportTo(zipFile, lang);
      expect(await verdict.getAttribute('data-testid')).toBe('export-done');
      await app.screenshot(screenshotPath('export', lang));

      const entries = await readZip(zipFile);
      expect(manifestMismatches(entries)).toEqual([]);
      expect([...entries.keys()]).toContain(lang === 'nb' ? 'følgebrev.pdf' : 'cover-letter.pdf');
      const data = entries.get('data/data.json')?.toString('utf8') ?? '';
      expect(data).toContain(demoPerson.email);

      await app.go('settings');
      await app.screenshot(screenshotPath('settings', lang));
      await app.go('cases');
      await app.screenshot(screenshotPath('cases', lang));
      await app.go('audit');
      await app.screenshot(screenshotPath('audit', lang));
    } finally {
      await page.context().close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** The name of the first field of the open record that can be redacted. */
async function firstField(page: import('playwright-core').Page): Promise<string> {
  const id = await page.getByTestId('hit-preview').locator('[data-testid^="field-"]:has([data-testid="redact-field"])').first().getAttribute('data-testid');
  return (id ?? '').replace(/^field-/, '');
}
