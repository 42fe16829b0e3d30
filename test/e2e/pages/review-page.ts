import type { Locator, Page } from 'playwright-core';

/** The review grid, the record preview, and decisions and redactions. */
export class ReviewPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('hit-row');
  }

  highRows(): Locator {
    return this.rows().filter({ has: this.page.locator('.conf-high') });
  }

  /** Opens a row's record in the preview and returns its hit id. */
  async open(row: Locator): Promise<string> {
    const id = (await row.getAttribute('data-hit-id')) ?? '';
    await row.click();
    await this.page.getByTestId('hit-preview').waitFor();
    return id;
  }

  /** Includes every high hit, and waits until the register has recorded each decision. */
  async includeAllHigh(): Promise<void> {
    await this.page.getByTestId('include-all-high').click();
    // Disabled and not busy: every high hit that may be included in bulk has been decided.
    await this.page.locator('[data-testid="review"][aria-busy="false"] [data-testid="include-all-high"][disabled]').waitFor();
  }

  async excludeOpen(): Promise<void> {
    await this.page.getByTestId('exclude-one').click();
    await this.page.locator('[data-testid="review"][aria-busy="false"] [data-testid="exclude-one"][aria-pressed="true"]').waitFor();
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
