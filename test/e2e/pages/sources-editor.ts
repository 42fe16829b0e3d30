import type { Locator, Page } from 'playwright-core';
import type { CoreSession } from '../bridge/core-session';

/** Adding sources, previewing them and keeping their passwords. */
export class SourcesEditor {
  constructor(
    readonly page: Page,
    private readonly session: CoreSession,
  ) {}

  card(id: string): Locator {
    return this.page.getByTestId(`source-${id}`);
  }

  async preview(id: string): Promise<Locator> {
    await this.card(id).getByTestId('source-preview-open').click();
    const result = this.card(id).getByTestId('source-preview').or(this.card(id).getByTestId('source-preview-error'));
    await result.waitFor();
    return result;
  }

  private async openForm(kind: string, id: string, label: string): Promise<Locator> {
    await this.page.getByTestId('source-add').click();
    const form = this.page.getByTestId('add-source-form');
    await form.getByTestId('add-source-kind').selectOption(kind);
    await form.getByLabel(/^(Short name|Kortnavn)/).fill(id);
    await form.getByLabel(/^(Display name|Visningsnavn)/).fill(label);
    return form;
  }

  /** A file or folder source: the path comes from the (scripted) native dialog. */
  async addFileSource(kind: 'csv' | 'sqlite' | 'mailbox', id: string, label: string, pickedPath: string): Promise<void> {
    this.session.dialogs.nextSourcePath = pickedPath;
    const form = await this.openForm(kind, id, label);
    await form.getByTestId('add-source-submit').click();
    await this.card(id).waitFor();
  }

  async addServerSource(kind: 'postgres' | 'mysql', id: string, label: string, url: string): Promise<void> {
    const form = await this.openForm(kind, id, label);
    await form.getByLabel(/^(Connection URL|Tilkoblings-URL)/).fill(url);
    await form.getByTestId('add-source-submit').click();
    await this.card(id).waitFor();
  }

  async storePassword(id: string, password: string): Promise<string> {
    const card = this.card(id);
    await card.getByLabel(/^(Database password|Databasepassord)/).fill(password);
    await card.getByRole('button', { name: /keychain|nøkkelringen/i }).click();
    const note = card.locator('.password-form [role="status"], .password-form [role="alert"]');
    await note.waitFor();
    return note.innerText();
  }
}
