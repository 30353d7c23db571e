/** Page models for the collections end-to-end test (selectors by data attributes and names). */
import type { Locator, Page } from 'playwright-core';

export const COLLECTIONS_SHOTS = '/tmp/collections-shots';

export class CollectionsPages {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.locator('[role=dialog]');
  }

  async openTab(tab: 'worklist' | 'cases' | 'targets' | 'settings'): Promise<void> {
    await this.page.locator(`.coll-tabs [data-tab=${tab}]`).click();
  }

  async worklistFor(date: string): Promise<void> {
    await this.page.locator('input[name=worklistDate]').fill(date);
  }

  worklistRow(kind: string, code: string): Locator {
    return this.page.locator(`[role=row].wl-${kind}`, { hasText: code });
  }

  async submit(action: string): Promise<void> {
    await this.dialog().locator(`[data-action=${action}]`).click();
  }

  async closed(): Promise<void> {
    await this.dialog().waitFor({ state: 'detached' });
  }

  async logContact(summary: string, outcome: string): Promise<void> {
    await this.page.locator('[data-action=log-contact]').click();
    const d = this.dialog();
    await d.locator('select[name=channel]').selectOption('call');
    await d.locator('textarea[name=summary]').fill(summary);
    await d.locator('input[name=outcome]').fill(outcome);
    await this.submit('save-contact');
    await this.closed();
  }

  async recordPromise(p: { amount: string; dueDate: string; madeOn: string; how: 'spoken' | 'written' | 'recorded' }): Promise<void> {
    await this.page.locator('.coll-toolbar [data-action=record-promise]').click();
    const d = this.dialog();
    await d.locator('input[name=amount]').fill(p.amount);
    await d.locator('input[name=dueDate]').fill(p.dueDate);
    await d.locator('input[name=madeOn]').fill(p.madeOn);
    await d.locator('select[name=how]').selectOption(p.how);
    await this.submit('save-promise');
    await this.closed();
  }

  async moveStage(stage: string, reason: string): Promise<void> {
    await this.page.locator('[data-action=move-stage]').click();
    await this.dialog().locator('select[name=stage]').selectOption(stage);
    await this.dialog().locator('textarea[name=reason]').fill(reason);
    await this.submit('save-stage');
    await this.closed();
  }

  async attachEvidence(file: { name: string; buffer: Buffer; mimeType: string }, description: string, kind: string): Promise<void> {
    await this.page.locator('[data-action=attach-evidence]').click();
    const d = this.dialog();
    await d.locator('input[type=file]').setInputFiles(file);
    await d.locator('select[name=kind]').selectOption(kind);
    await d.locator('input[name=description]').fill(description);
    await d.locator('input[name=proves]').fill('The customer acknowledged the debt');
    await this.submit('save-evidence');
    await this.closed();
  }

  async caseAsOf(date: string): Promise<void> {
    await this.page.locator('.coll-nav input[name=asOf]').fill(date);
  }

  kpi(id: string): Locator {
    return this.page.locator(`[data-kpi=${id}] .kpi-value`);
  }

  /** Invoice numbers in the case's claim grid, in grid order. */
  async claimNumbers(): Promise<string[]> {
    return this.page.locator('.coll-claim [role=row] [data-action=remove-invoice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-invoice') ?? ''));
  }

  /** Opens "Add invoices" on the claim grid, picks these invoice numbers, says why and saves. */
  async addInvoices(numbers: string[], reason: string): Promise<void> {
    await this.page.locator('[data-testid=claim-toolbar] [data-action=add-invoices]').click();
    const d = this.dialog();
    for (const n of numbers) await d.locator(`[data-invoice="${n}"] input[type=checkbox]`).check();
    await d.locator('input[name=reason]').fill(reason);
    await this.submit('save-invoices');
    await this.closed();
  }

  /** Opens "Remove from case" on an invoice's row (the dialog with its reason field). */
  async startRemove(number: string): Promise<void> {
    await this.page.locator(`.coll-claim [data-action=remove-invoice][data-invoice="${number}"]`).click();
    await this.dialog().locator('textarea[name=reason]').waitFor();
  }
}
