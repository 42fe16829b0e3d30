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
    // Offline guarantee: every request the page makes in the whole flow goes to the app itself.
    const remote: string[] = [];
    page.context().on('request', (r) => {
      const u = new URL(r.url());
      if (!['data:', 'blob:', 'about:'].includes(u.protocol) && u.hostname !== '127.0.0.1') remote.push(r.url());
    });
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
      await cases.verifiedBy('BankID', 'Siri Personvern');
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
      const excluded = await review.open(review.highRows().nth(0));
      // Why it matched, in the UI language (the core gives reasons as data).
      const why = (await page.getByTestId('hit-preview').locator('ul.reasons li').allTextContents()).join(' | ');
      expect(why).toMatch(lang === 'nb' ? / samsvarte med | nevner / : / matched | mentions /);
      expect(why).not.toMatch(lang === 'nb' ? / matched | mentions / : / samsvarte med | nevner /);
      await review.excludeOpen();
      expect(await review.decisionOf(excluded).getAttribute('class')).toContain('exc');
      const redacted = await review.open(review.highRows().nth(1));
      expect(redacted).not.toBe(excluded);
      await review.redactField(await firstField(page));
      await app.screenshot(screenshotPath('review', lang));

      await app.go('export');
      const exporter = new ExportPage(page, session);
      const zipFile = path.join(out, 'svar.zip');
      const verdict = await exporter.exportTo(zipFile, lang);
      expect(await verdict.getAttribute('data-testid')).toBe('export-done');
      await app.screenshot(screenshotPath('export', lang));
      const revealed = session.dialogs.nextReveal();
      await page.getByTestId('export-reveal').click();
      expect(await revealed).toBe(zipFile);
      expect(await session.dispatch('export:reveal', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      const entries = await readZip(zipFile);
      expect(manifestMismatches(entries)).toEqual([]);
      expect([...entries.keys()]).toContain(lang === 'nb' ? 'følgebrev.pdf' : 'cover-letter.pdf');
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as ManifestWithReview;
      expect(manifest.complete).toBe(true);
      expect(manifest.review?.decisions.exclude).toBe(1);
      expect(manifest.review?.redactions.applied).toBe(1);
      const data = entries.get('data/data.json')?.toString('utf8') ?? '';
      expect(data).toContain(demoPerson.email);
      expect(data).toContain(lang === 'nb' ? '[fjernet]' : '[redacted]');
      // The package explains each hit in the letter's language too.
      expect(data).toMatch(lang === 'nb' ? / samsvarte med / : / matched /);
      expect(data).not.toMatch(lang === 'nb' ? / matched / : / samsvarte med /);

      await app.go('audit');
      await page.getByTestId('audit-ok').waitFor();
      for (const event of ['case-created', 'identity-verified', 'search-run', 'decision', 'redaction', 'export']) {
        expect(await page.locator(`[data-testid="audit-table"] tr[data-event="${event}"]`).count(), event).toBeGreaterThan(0);
      }
      await app.screenshot(screenshotPath('audit', lang));

      await app.go('settings');
      await app.screenshot(screenshotPath('settings', lang));
      // Two older requests registered through the real core, so the list shows urgency.
      await session.dispatch('case:create', { subject: { emails: ['eldre@example.no'] }, channel: 'letter', received: daysAgo(45) });
      await session.dispatch('case:create', { subject: { emails: ['snart@example.no'] }, channel: 'web-form', received: daysAgo(26) });
      await app.go('cases');
      const list = new CasesPage(page);
      await list.showAll();
      await page.locator('[data-testid="case-row"][data-urgency="overdue"]').waitFor();
      await page.locator('[data-testid="case-row"][data-urgency="due-soon"]').waitFor();
      expect(await list.rows().count()).toBe(3);
      await app.screenshot(screenshotPath('cases', lang));
      expect(remote).toEqual([]);
    } finally {
      await page.context().close();
      rmSync(out, { recursive: true, force: true });
    }
  });
});

function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface ManifestWithReview {
  complete: boolean;
  review: { decisions: { exclude: number }; redactions: { applied: number } } | null;
}

/** The name of the first field of the open record that can be redacted. */
async function firstField(page: import('playwright-core').Page): Promise<string> {
  const id = await page.getByTestId('hit-preview').locator('[data-testid^="field-"]:has([data-testid="redact-field"])').first().getAttribute('data-testid');
  return (id ?? '').replace(/^field-/, '');
}
