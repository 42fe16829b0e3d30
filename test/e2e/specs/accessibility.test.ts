import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2eServer } from '../harness/app';
import { demoWorkspace } from '../harness/fixtures';
import { AppPage, type ScreenName } from '../pages/app-page';
import { CasesPage } from '../pages/cases-page';
import { SourcesPage } from '../pages/sources-page';

let server: E2eServer;
beforeAll(async () => {
  server = await E2eServer.start();
}, 240_000);
afterAll(async () => server?.stop());

/** WCAG 4.1.2 / 1.3.1: every control on the page has an accessible name. */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const named = (el: Element) => {
      const aria = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      const labels = (el as HTMLInputElement).labels;
      return Boolean(aria || (labels && labels.length > 0) || (el.tagName === 'BUTTON' && el.textContent?.trim()));
    };
    return Array.from(document.querySelectorAll('#root input, #root select, #root textarea, #root button, #root [role="tab"], #root [role="grid"]'))
      .filter((el) => !(el as HTMLElement).hidden && !named(el) && !(el.getAttribute('role') === 'tab' && el.textContent?.trim()))
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

describe('accessibility', () => {
  it('labels every control on every screen, in both languages', { timeout: 180_000 }, async () => {
    for (const lang of ['nb', 'en'] as const) {
      const { page, session } = await server.open(lang);
      const app = new AppPage(page);
      await app.ready();
      await app.go('sources');
      await new SourcesPage(page, session).importWorkspace(demoWorkspace);
      await app.go('cases');
      await new CasesPage(page).openForm();
      expect(await unlabelledControls(page), `cases form ${lang}`).toEqual([]);
      for (const screen of ['sources', 'search', 'review', 'export', 'audit', 'settings'] satisfies ScreenName[]) {
        await app.go(screen);
        expect(await unlabelledControls(page), `${screen} ${lang}`).toEqual([]);
      }
      await page.context().close();
    }
  });

  it('moves between screens with the arrow keys and shows where the focus is', { timeout: 60_000 }, async () => {
    const { page } = await server.open('en');
    const app = new AppPage(page);
    await app.ready();
    // Skip link first, then the language, then the list of screens.
    await page.keyboard.press('Tab');
    await page.locator('.skip-link:focus').waitFor();
    await page.keyboard.press('Tab');
    await page.locator('[data-testid="ui-language"]:focus').waitFor();
    await page.keyboard.press('Tab');
    await page.locator('[data-testid="nav-cases"]:focus-visible').waitFor();
    const outline = await page.locator('[data-testid="nav-cases"]').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    await page.locator('[data-testid="nav-sources"][aria-selected="true"]:focus').waitFor();
    await page.keyboard.press('End');
    await page.locator('[data-testid="nav-settings"][aria-selected="true"]:focus').waitFor();
    // Tab leaves the list of screens for the screen itself.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role="tablist"]'))).toBeNull();
    await page.context().close();
  });
});
