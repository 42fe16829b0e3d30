import type { Locator, Page } from 'playwright-core';

export interface Identifiers {
  name?: string;
  email?: string;
  phone?: string;
  nationalId?: string;
}

/** Registering a request and reading the request list. */
export class CasesPage {
  constructor(readonly page: Page) {}

  async openForm(): Promise<void> {
    await this.page.getByTestId('case-new').click();
    await this.form().waitFor();
  }

  form(): Locator {
    return this.page.getByTestId('case-form');
  }

  field(kind: 'names' | 'emails' | 'phones' | 'nationalIds'): Locator {
    return this.page.getByTestId(`identifiers-${kind}`).locator('input').first();
  }

  /** Art. 12(6): how identity was confirmed; the register requires it before a search. */
  async verifiedBy(method: string, by: string): Promise<void> {
    await this.form().getByLabel(/^(Method|Metode)/).fill(method);
    await this.form().getByLabel(/^(Verified by|Bekreftet av)/).fill(by);
  }

  async fill(ids: Identifiers): Promise<void> {
    if (ids.name) await this.field('names').fill(ids.name);
    if (ids.email) await this.field('emails').fill(ids.email);
    if (ids.phone) await this.field('phones').fill(ids.phone);
    if (ids.nationalId) await this.field('nationalIds').fill(ids.nationalId);
  }

  /** The message tied to a field through aria-describedby (what a screen reader announces). */
  async errorFor(kind: 'names' | 'emails' | 'phones' | 'nationalIds'): Promise<string> {
    const input = this.field(kind);
    await this.page.locator(`[data-testid="identifiers-${kind}"] input[aria-invalid="true"]`).waitFor();
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => this.page.locator(`[id="${id}"]`).innerText()));
    return texts.join(' ');
  }

  saveButton(): Locator {
    return this.page.getByTestId('case-save');
  }

  /** Saves and waits for the app to open the new case on the search screen. */
  async save(): Promise<void> {
    await this.saveButton().click();
    await this.form().waitFor({ state: 'detached' });
    await this.page.locator('[data-testid="nav-search"][aria-selected="true"]').waitFor();
  }

  async showAll(): Promise<void> {
    await this.page.getByTestId('case-filter-all').click();
    await this.page.locator('[data-testid="case-filter-all"][aria-pressed="true"]').waitFor();
  }

  rows(): Locator {
    return this.page.getByTestId('case-row');
  }
}
