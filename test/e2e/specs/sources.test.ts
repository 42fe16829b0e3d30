import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2eServer } from '../harness/app';
import { projectRoot } from '../harness/build';
import { demoWorkspace, screenshotPath } from '../harness/fixtures';
import { AppPage } from '../pages/app-page';
import { SourcesEditor } from '../pages/sources-editor';
import { SourcesPage } from '../pages/sources-page';

let server: E2eServer;
beforeAll(async () => {
  server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}
const postgresUp = await reachable(5432);
const mustRun = process.env.INNSYN_REQUIRE_SERVICES === '1';

describe('sources', () => {
  it('previews a CSV export and keeps a database password only as ciphertext', { timeout: 180_000 }, async () => {
    const { page, session } = await server.open('nb');
    try {
      const app = new AppPage(page);
      await app.ready();
      await app.go('sources');
      await new SourcesPage(page, session).importWorkspace(demoWorkspace);
      const editor = new SourcesEditor(page, session);

      const preview = await editor.preview('kunderegister');
      expect(await preview.getAttribute('data-testid')).toBe('source-preview');
      expect(await preview.getByTestId('preview-table-kunde').innerText()).toMatch(/Tegnkoding/);
      await app.screenshot(screenshotPath('sources-preview', 'nb'));

      await editor.addFileSource('mailbox', 'arkiv', 'Gammel postkasse', path.join(projectRoot, 'resources/demo/support.mbox'));
      expect(await editor.card('arkiv').innerText()).toContain('support.mbox');

      await editor.addServerSource('postgres', 'crm', 'CRM-database', 'postgres://postgres@127.0.0.1:5432/test');
      const stored = await editor.storePassword('crm', 'Hemmelig-Passord-42');
      expect(stored).toMatch(/nøkkelringen/);
      const onDisk = readFileSync(path.join(session.dataDir, 'keychain.json'), 'utf8');
      expect(onDisk).toContain('crm');
      expect(onDisk).not.toContain('Hemmelig');
      // The password field never keeps the password after it was handed over.
      expect(await editor.card('crm').getByLabel('Databasepassord').inputValue()).toBe('');
    } finally {
      await page.context().close();
    }
  });

  it('refuses a connection URL with a password in it, as you type', { timeout: 60_000 }, async () => {
    const { page, session } = await server.open('en');
    try {
      const app = new AppPage(page);
      await app.ready();
      await app.go('sources');
      await new SourcesPage(page, session).importWorkspace(demoWorkspace);
      await page.getByTestId('source-add').click();
      const form = page.getByTestId('add-source-form');
      await form.getByTestId('add-source-kind').selectOption('mysql');
      await form.getByLabel(/^Short name/).fill('shop');
      await form.getByLabel(/^Connection URL/).fill('mysql://root:secret@127.0.0.1:3306/test');
      await form.locator('input[aria-invalid="true"]').waitFor();
      expect(await form.getByTestId('add-source-submit').isDisabled()).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it.skipIf(!postgresUp && !mustRun)(
    postgresUp || mustRun ? 'tests a PostgreSQL connection' : 'skipped: no PostgreSQL server on 127.0.0.1:5432',
    { timeout: 120_000 },
    async () => {
      const { page, session } = await server.open('en');
      try {
        const app = new AppPage(page);
        await app.ready();
        await app.go('sources');
        await new SourcesPage(page, session).importWorkspace(demoWorkspace);
        const editor = new SourcesEditor(page, session);
        await editor.addServerSource('postgres', 'pg', 'PostgreSQL', 'postgres://postgres@127.0.0.1:5432/test');
        const result = await editor.preview('pg');
        expect(await result.getAttribute('data-testid')).toBe('source-preview');
        expect(await editor.card('pg').innerText()).toMatch(/Connected/);
      } finally {
        await page.context().close();
      }
    },
  );
});
