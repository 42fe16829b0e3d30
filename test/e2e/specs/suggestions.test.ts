import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/contract';
import { corpus, missingCorpus } from '../../helpers/corpora';
import { writeWorkspace } from '../../helpers/workspace';
import { E2eServer } from '../harness/app';
import { AppPage } from '../pages/app-page';
import { searchForPerson } from '../pages/search-for-person';

const missing = missingCorpus('enron-maildir', 'maildir', 'lay-k');
let server: E2eServer;
beforeAll(async () => {
  if (!missing) server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());

describe.skipIf(missing)('suggested aliases in Review (Enron, Kenneth Lay)', () => {
  it('confirms one (added to the person, not searched until the DPO searches again) and dismisses another', { timeout: 240_000 }, async () => {
    const { page, session } = await server.open('en');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-e2e-alias-'));
    try {
      const ws = writeWorkspace(dir, [{ id: 'lay-k', kind: 'mailbox', path: corpus('enron-maildir', 'maildir', 'lay-k') }]);
      const app = new AppPage(page);
      await app.ready();
      // "Ken Lay" is the display name on the messages from his office's address.
      const search = await searchForPerson(page, session, { workspace: ws, person: { name: 'Ken Lay', email: 'kenneth.lay@enron.com' }, verified: ['ID card', 'Siri'] });
      await search.finished();
      await page.getByTestId('to-review').click();

      const alias = page.getByTestId('suggestion').filter({ hasText: 'chairman.ken@enron.com' });
      await alias.waitFor();
      const others = page.getByTestId('suggestion').filter({ hasNotText: 'chairman.ken@enron.com' });
      const dismissedText = (await others.count()) > 0 ? ((await others.first().locator('strong').textContent()) ?? '') : null;
      if (dismissedText) {
        await others.first().getByTestId('suggestion-dismiss').click();
        await page.getByTestId('suggestion').filter({ hasText: dismissedText }).waitFor({ state: 'detached' });
      }
      await alias.getByTestId('suggestion-confirm').click();
      await page.getByTestId('suggestion-added').waitFor();
      await alias.waitFor({ state: 'detached' });

      const list = await session.dispatch('case:list', { filter: 'all' });
      if (!list.ok) throw new Error(list.error.message);
      const [{ ref }] = (list.value as MethodOutput<'case:list'>).cases;
      const got = await session.dispatch('case:get', { ref });
      if (!got.ok) throw new Error(got.error.message);
      expect((got.value as MethodOutput<'case:get'>).case.subject.emails).toEqual(['kenneth.lay@enron.com', 'chairman.ken@enron.com']);

      // The DPO searches again from the panel; neither suggestion comes back.
      await page.getByTestId('suggestion-search-again').click();
      await search.start();
      await search.finished();
      await page.getByTestId('to-review').click();
      await page.getByTestId('review').waitFor();
      expect(await page.getByTestId('suggestion').filter({ hasText: 'chairman.ken@enron.com' }).count()).toBe(0);
      if (dismissedText) expect(await page.getByTestId('suggestion').filter({ hasText: dismissedText }).count()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
