import type { Page } from 'playwright-core';
import type { CoreSession } from '../bridge/core-session';

/** Sources: importing the workspace (through the scripted "native" dialog) and records. */
export class SourcesPage {
  constructor(
    readonly page: Page,
    private readonly session: CoreSession,
  ) {}

  async importWorkspace(file: string): Promise<void> {
    this.session.dialogs.nextWorkspace = file;
    await this.page.getByTestId('workspace-import').click();
    await this.page.getByTestId('source-list').waitFor();
  }

  async sourceCount(): Promise<number> {
    return this.page.getByTestId('source-list').locator('article').count();
  }
}
