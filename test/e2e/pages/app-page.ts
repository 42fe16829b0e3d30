import type { Locator, Page } from 'playwright-core';

export type ScreenName = 'cases' | 'sources' | 'search' | 'review' | 'export' | 'audit' | 'settings';

/** The window around every screen: navigation and the UI language. */
export class AppPage {
  constructor(readonly page: Page) {}

  async ready(): Promise<void> {
    await this.page.getByTestId('nav-cases').waitFor();
  }

  async go(screen: ScreenName): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
    await this.page.locator(`[data-testid="nav-${screen}"][aria-selected="true"]`).waitFor();
  }

  /** An announced error or notice on the current screen. */
  alert(): Locator {
    return this.page.getByRole('alert');
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: false });
  }
}
