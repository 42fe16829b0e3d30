import type { Locator, Page } from 'playwright-core';

/** The review grid, the record preview, and decisions and redactions. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('hit-row');
  }

  async open(index: number): Promise<string> {
    const row = this.rows().nth(index);
    const id = (await row.getAttribute('data-hit-id')) ?? '';
    await row.click();
    await this.page.getByTestId('hit-preview').waitFor();
    return id;
  }

  async includeAllHigh(): Promise<void> {
    await this.page.getByTestId('include-all-high').click();
  }

  async excludeOpen(): Promise<void> {
    await this.page.getByTestId('exclude-one').click();
  }

  async redactField(field: string): Promise<void> {
    const row = this.page.getByTestId('hit-preview').getByTestId(`field-${field}`);
    await row.getByTestId('redact-field').click();
    await row.locator('.field-text.has-redaction').waitFor();
  }

  decisionOf(hitId: string): Locator {
    return this.page.locator(`[data-hit-id="${hitId}"] .decision`);
  }
}
