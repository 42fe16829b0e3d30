import type { Locator, Page } from 'playwright-core';
import type { CoreSession } from '../bridge/core-session';

export class ExportPage {
  constructor(
    readonly page: Page,
    private readonly session: CoreSession,
  ) {}

  /** Exports to `file` (the path the save dialog would return) and waits for the verdict. */
  async exportTo(file: string, lang: 'nb' | 'en'): Promise<Locator> {
    this.session.dialogs.nextPackage = file;
    await this.page.getByTestId(`export-lang-${lang}`).click();
    await this.page.getByTestId('export-run').click();
    const done = this.page.getByTestId('export-done').or(this.page.getByTestId('export-error'));
    await done.waitFor();
    return done;
  }

  /** Ticks or unticks a format ("json", "xlsx", "eml"); `keyboard` moves focus to it and presses Space instead of clicking. */
  async setFormat(format: 'json' | 'xlsx' | 'eml', on: boolean, how: 'click' | 'keyboard' = 'click'): Promise<void> {
    const box = this.page.getByTestId(`export-format-${format}`);
    if ((await box.getAttribute('data-selected')) === (on ? 'true' : null)) return;
    if (how === 'keyboard') {
      await box.locator('input').focus();
      await this.page.keyboard.press('Space');
    } else {
      await box.click();
    }
    await this.page.waitForFunction(
      ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.hasAttribute('data-selected') === want,
      [`export-format-${format}`, on] as const,
    );
  }

  /**
   * Exports an encrypted package although sources failed: ticks the option, answers the
   * "export anyway" question, and returns the passphrase shown once.
   */
  async exportEncryptedAnyway(file: string, lang: 'nb' | 'en'): Promise<string> {
    this.session.dialogs.nextPackage = file;
    await this.page.getByTestId(`export-lang-${lang}`).click();
    await this.page.getByTestId('export-encrypt').click();
    await this.page.getByTestId('export-run').click();
    await this.page.getByTestId('export-confirm-incomplete').waitFor();
    await this.page.getByTestId('export-anyway').click();
    await this.page.getByTestId('export-done').waitFor();
    return (await this.page.getByTestId('export-passphrase').textContent())?.trim() ?? '';
  }
}
