/// <reference lib="dom" />
/**
 * Page models for the aging workspace and its grid. Selectors use names, roles and data
 * attributes, never visible text, so the same models drive English and Chinese.
 */
import type { Locator, Page } from 'playwright-core';

/** The one DOM method the models call on the grid (the test project has no DOM types). */
interface Scrollable {
  scrollTo(to: { left?: number; top?: number }): void;
}

export class GridModel {
  constructor(
    readonly page: Page,
    readonly root: Locator = page.locator('.xg-wrap').last(),
  ) {}

  grid(): Locator {
    return this.root.locator('[role=grid]');
  }

  async scrollTo(to: { left?: number; top?: number }): Promise<void> {
    await this.grid().evaluate((el, t) => (el as unknown as Scrollable).scrollTo(t), to);
  }

  headers(): Locator {
    return this.root.locator('[role=columnheader]');
  }

  header(column: string): Locator {
    return this.root.locator(`[role=columnheader][data-column="${column}"]`);
  }

  bodyRows(): Locator {
    return this.root.locator('.xg-body [role=row].body-row');
  }

  groupRows(): Locator {
    return this.root.locator('.xg-body [role=row].group-row');
  }

  /** Visible text of a row's cells, in column order. */
  async rowTexts(row: Locator): Promise<string[]> {
    return row.locator('[role=gridcell]').allTextContents();
  }

  /** Column ids in the order shown. */
  async columnIds(): Promise<string[]> {
    return Promise.all((await this.headers().all()).map(async (h) => (await h.getAttribute('data-column')) ?? ''));
  }

  async cellText(row: Locator, column: string): Promise<string> {
    const ids = await this.columnIds();
    const cells = await this.rowTexts(row);
    return cells[ids.indexOf(column)];
  }

  totals(): Locator {
    return this.root.locator('.totals-row');
  }

  async totalOf(column: string): Promise<string> {
    return (await this.totals().locator(`[data-column="${column}"]`).textContent()) ?? '';
  }

  rowCount(): Locator {
    return this.root.locator('[data-testid=grid-row-count]');
  }

  status(): Locator {
    return this.root.locator('.xg-status');
  }

  /** Scroll the grid sideways until a column's header is drawn (columns are virtualized). */
  async reveal(column: string): Promise<void> {
    for (let x = 0; x < 20_000 && (await this.header(column).count()) === 0; x += 300) {
      await this.grid().evaluate((el, left) => (el as unknown as Scrollable).scrollTo({ left }), x);
      await this.page.waitForTimeout(30);
    }
    await this.header(column).scrollIntoViewIfNeeded();
  }

  async openMenu(column: string): Promise<Locator> {
    await this.reveal(column);
    await this.header(column).hover();
    await this.header(column).locator('[data-action=column-menu]').click();
    const menu = this.page.locator('.xg-popover.xg-menu');
    await menu.waitFor();
    return menu;
  }

  async closeMenu(): Promise<void> {
    await this.page.locator('.xg-popover [data-action=close-menu]').click();
  }

  async groupBy(column: string): Promise<void> {
    await this.root.locator('select[name=group-by]').selectOption(column);
  }

  async search(text: string): Promise<void> {
    await this.root.locator('input[name=grid-search]').fill(text);
  }

  async exportAs(format: 'xlsx' | 'csv') {
    const download = this.page.waitForEvent('download');
    await this.root.locator('[data-action=grid-export]').click();
    await this.page.locator(`.xg-popover [data-action=export-${format}]`).click();
    return download;
  }
}

export class AgingWorkspace {
  constructor(readonly page: Page) {}

  async setAsOf(date: string): Promise<void> {
    await this.page.locator('input[name=asOf]').fill(date);
  }

  async by(kind: 'customer' | 'invoice'): Promise<void> {
    await this.page.locator('.segmented label', { has: this.page.locator(`input[value=${kind}]`) }).click();
  }

  grid(): GridModel {
    return new GridModel(this.page, this.page.locator('.aging-page .xg-wrap').last());
  }

  summary(): Locator {
    return this.page.locator('[data-testid=aging-summary]');
  }

  classCount(cls: string): Locator {
    return this.page.locator(`[data-testid=class-count-${cls}]`);
  }

  classAmount(cls: string): Locator {
    return this.page.locator(`[data-testid=class-amount-${cls}]`);
  }

  drawer(): Locator {
    return this.page.locator('[data-testid=invoice-drawer]');
  }

  crumb(): Locator {
    return this.page.locator('[data-testid=drill-customer]');
  }
}
