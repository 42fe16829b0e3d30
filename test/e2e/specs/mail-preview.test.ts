import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eServer } from '../harness/app';
import { screenshotPath } from '../harness/fixtures';
import { AppPage } from '../pages/app-page';
import { ReviewPage } from '../pages/review-page';
import { searchForPerson } from '../pages/search-for-person';

let server: E2eServer;
beforeAll(async () => {
  server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());

/** A message whose HTML tries everything a hostile sender might: script, tracker, form, links. */
function hostileMbox(dir: string, trackerUrl: string): string {
  const html = [
    '<p id="greeting">Hei, dette gjelder bestillingen min.</p>',
    '<script>document.title = "pwned"; parent.document.body.dataset.pwned = "1";</script>',
    `<img src="${trackerUrl}" alt="tracker">`,
    `<form action="${trackerUrl}" method="post"><input name="x" value="1"><button id="send">Send</button></form>`,
    `<a id="link" href="${trackerUrl}?clicked">Klikk her</a>`,
    '<img src="x" onerror="document.body.dataset.pwned = 1">',
  ].join('\n');
  const message = [
    'From ola@example.no Mon Mar 02 10:00:00 2026',
    'From: Ola Hostile <ola@example.no>',
    'To: Kundeservice <kundeservice@fjordkaffe.example>',
    'Subject: Bestilling',
    'Date: Mon, 02 Mar 2026 10:00:00 +0100',
    'Message-ID: <hostile-1@example.no>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hei, dette gjelder bestillingen min.',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '--b1--',
    '',
  ].join('\n');
  const file = path.join(dir, 'post.mbox');
  writeFileSync(file, message);
  const ws = path.join(dir, 'workspace.json');
  writeFileSync(ws, JSON.stringify({ controller: { name: 'Testfirma AS' }, sources: [{ id: 'post', kind: 'mailbox', path: file, label: 'Postkasse' }] }));
  return ws;
}

describe('e-mail HTML in review', () => {
  it('renders in a sandboxed frame: no script, no remote image, no form, no link followed', { timeout: 180_000 }, async () => {
    const { page, session } = await server.open('en');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-e2e-mail-'));
    try {
      const tracker = `${server.url}tracker.png`;
      const requests: string[] = [];
      page.context().on('request', (r) => requests.push(r.url()));
      const app = new AppPage(page);
      await app.ready();
      const search = await searchForPerson(page, session, { workspace: hostileMbox(dir, tracker), person: { email: 'ola@example.no' }, verified: ['ID document', 'Siri'] });
      await search.finished();
      await page.getByTestId('to-review').click();
      const review = new ReviewPage(page);
      await review.open(review.rows().first());
      await page.getByTestId('mail-preview').waitFor();
      expect(await page.locator('.mail-text').innerText()).toContain('dette gjelder bestillingen');

      await page.getByTestId('mail-as-html').check();
      const frameEl = page.getByTestId('mail-frame');
      await frameEl.waitFor();
      expect(await frameEl.getAttribute('sandbox')).toBe('');
      const frame = page.frameLocator('[data-testid="mail-frame"]');
      await frame.locator('#greeting').waitFor();
      // The link keeps its text but goes nowhere; the form and its button are gone.
      await frame.locator('#link').click();
      await frame.locator('#greeting').waitFor();
      expect(await frame.locator('#send, form, script').count()).toBe(0);
      expect(await frame.locator('#link').getAttribute('href')).toBeNull();
      await app.screenshot(screenshotPath('review-mail', 'en'));

      expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
      expect(await page.title()).not.toBe('pwned');
      // The sender's markup never became the app's own markup.
      expect(await page.locator('body > #root img[alt="tracker"], body > #root script').count()).toBe(0);
      expect(requests.filter((u) => u.includes('tracker'))).toEqual([]);
    } finally {
      await page.context().close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
