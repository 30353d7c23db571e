/** Page model of the import wizard; selectors by name and data attributes, so it works in both languages. */
import type { Locator, Page } from 'playwright-core';

export const IMPORT_SHOTS_DIR = process.env.ARW_IMPORT_SHOTS ?? '/tmp/import-shots';

export class ImportWizardPage {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.locator('[data-testid=import-wizard]');
  }

  async open(): Promise<void> {
    await this.page.locator('[data-action=open-import]').first().click();
    await this.dialog().waitFor();
  }

  async chooseKind(kind: string): Promise<void> {
    await this.dialog().locator(`[data-kind=${kind}]`).click();
  }

  /** Picks the file; resolves when main has read it (the row count is shown). */
  async chooseFile(file: string): Promise<void> {
    await this.dialog().locator('input[name=import-file]').setInputFiles(file);
    await this.dialog().locator('[data-testid=import-file][data-ready=true]').waitFor();
  }

  async next(): Promise<void> {
    await this.dialog().locator('[data-action=import-next]').click();
  }

  select(name: string): Locator {
    return this.dialog().locator(`select[name="${name}"]`);
  }

  async waitChecked(): Promise<void> {
    await this.dialog().locator('[data-action=import-check]').waitFor();
  }

  async commit(): Promise<void> {
    await this.dialog().locator('[data-action=import-commit]').click();
    await this.dialog().locator('[data-testid=import-done]').waitFor();
  }

  kpi(name: string): Locator {
    return this.dialog().locator(`[data-kpi=${name}] .kpi-value`);
  }

  async close(): Promise<void> {
    await this.dialog().locator('[data-action=import-close], .modal-close').first().click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${IMPORT_SHOTS_DIR}/${name}.png` });
  }
}
