import type { Locator, Page } from 'playwright-core';

/** Running, watching and cancelling a search. */
export class SearchPage {
  constructor(readonly page: Page) {}

  async start(): Promise<void> {
    await this.page.getByTestId('search-run').click();
  }

  progress(sourceId: string): Locator {
    return this.page.getByTestId(`progress-${sourceId}`);
  }

  /** Resolves when the search has finished (with or without failed sources). */
  async finished(): Promise<void> {
    await this.page.getByTestId('search-done').waitFor();
  }

  /** Resolves as soon as one source reports that it is working. */
  async running(sourceId: string): Promise<void> {
    await this.page.locator(`[data-testid="progress-${sourceId}"][data-state="running"]`).waitFor();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('search-cancel').click();
    await this.page.getByTestId('search-cancelled').waitFor();
  }

  sourceError(sourceId: string): Locator {
    return this.page.getByTestId(`source-error-${sourceId}`);
  }
}
