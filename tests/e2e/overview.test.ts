/// <reference lib="dom" />
/**
 * The Overview end to end in browser mode on a demo ledger (plus one customer in US dollars):
 * Overview is the first navigation entry while the app still lands on Customers; the whole ledger
 * in CNY is shown first (the USD invoice at its recorded rate), then each currency; the headline,
 * the trend, the top debtors and collections against targets show the service's figures; the
 * empty state points to Collections → Targets until targets exist; a top debtor opens its
 * customer; nothing errors. Screenshots in English and Chinese go to /tmp/overview-shots.
 */
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { generateDemo } from '../../electron/services/demo';
import { postInvoice } from '../../electron/services/ledger';
import { overview } from '../../electron/services/overview';
import { addCustomer } from '../helpers';
import { formatMoney } from '../../shared/money';
import { startE2e, type E2e } from './harness';

const SHOTS = '/tmp/overview-shots';
const AS_OF = '2026-10-31';
const T = 90_000;

/** The Overview page; selectors by data attributes, never visible text. */
class OverviewModel {
  constructor(readonly page: Page) {}

  async setAsOf(date: string): Promise<void> {
    await this.page.locator('[data-testid=overview-page] input[name=asOf]').fill(date);
  }

  figure(name: 'open' | 'overdue' | 'overdue-ratio' | 'dso'): Locator {
    return this.page.locator(`[data-figure=${name}] dd`);
  }

  trendColumns(): Locator {
    return this.page.locator('[data-testid=overview-trend] .ov-col');
  }

  debtors(): Locator {
    return this.page.locator('[data-testid=overview-debtors] [data-action=open-customer]');
  }

  targets(): Locator {
    return this.page.locator('[data-testid=overview-targets]');
  }

  tooltip(): Locator {
    return this.page.locator('.ov-tooltip');
  }

  async pickCurrency(code: string): Promise<void> {
    await this.page.locator('[data-testid=overview-currency] label', { has: this.page.locator(`input[value=${code}]`) }).click();
  }
}

/** Whether the trend's x labels are all apart from each other. */
async function noOverlap(): Promise<boolean> {
  const boxes = await e.page.locator('[data-testid=overview-trend] .ov-xlabel').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.right];
    }),
  );
  return boxes.length > 1 && boxes.every((b, i) => i === 0 || b[0] > boxes[i - 1][1] + 2);
}

let e: E2e;
let ov: OverviewModel;
const money = (n: number) => formatMoney(n, 2);
/** The whole page: the content scrolls inside the app frame, so the window grows to its height for the picture. */
async function shot(name: string): Promise<void> {
  const height = await e.page.locator('main.content').evaluate((el) => el.scrollHeight);
  await e.page.setViewportSize({ width: 1440, height: Math.max(900, height + 50) });
  await e.page.screenshot({ path: `${SHOTS}/${name}.png` });
  await e.page.setViewportSize({ width: 1440, height: 900 });
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e = await startE2e({
    name: 'overview',
    company: { name: '示例贸易有限公司 Demo Trading Co.', currency: 'CNY' },
    viewport: { width: 1440, height: 900 },
    async seed(ctx) {
      const ledger = ctx.ledger!;
      await generateDemo(ledger, { customers: 60, invoices: 3000, seed: 11, endDate: AS_OF });
      const usd = await addCustomer(ledger, 'US001', { name: 'Pacific Rim Imports LLC', currency: 'USD', salesperson: 'Emily Chen' });
      await postInvoice(ledger.db, { customerId: usd.id, number: 'US-1', date: '2026-09-01', amount: '12500.00', rate: '7.1', override: { reason: 'demo' } });
    },
  });
  ov = new OverviewModel(e.page);
}, 240_000);

afterAll(async () => {
  await e?.stop();
});

describe('overview in the browser', () => {
  it('is the first navigation entry; the app still lands on Customers', { timeout: T }, async () => {
    await expect.poll(() => e.page.locator('nav.side-nav li').first().locator('[data-nav]').getAttribute('data-nav')).toBe('overview');
    expect(await e.app.nav('customers').getAttribute('aria-current')).toBe('page');
    expect(await e.app.nav('overview').getAttribute('aria-current')).toBeNull();
    for (const s of ['customers', 'aging', 'credit', 'collections', 'documents', 'settings'] as const) expect(await e.app.nav(s).count(), s).toBe(1);
  });

  it('shows the whole ledger in CNY first: headline, trend by month end, top debtors and the empty targets state', { timeout: T }, async () => {
    const o = await overview(e.ctx.ledger!.db, { asOf: AS_OF });
    const all = o.all!;
    const cny = o.currencies[0];
    // The USD invoice at its recorded rate: 12,500.00 × 7.1 = 88,750.00 on top of the CNY customers.
    expect(all.open).toBe(cny.open + 8_875_000);
    await e.app.go('overview');
    await ov.setAsOf(AS_OF);
    // Two currencies: "All · CNY" first and selected, then each currency; the note says how amounts are converted.
    expect(await e.page.locator('[data-testid=overview-currency] input').evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value))).toEqual(['all', 'CNY', 'USD']);
    expect(await e.page.locator('[data-testid=overview-currency] input[value=all]').isChecked()).toBe(true);
    expect(await e.page.locator('[data-testid=overview-currency] label.on').textContent()).toBe('All · CNY');
    await expect.poll(() => e.page.locator('[data-testid=overview-currency-note]').getAttribute('data-view')).toBe('all');
    expect(await e.page.locator('[data-testid=overview-unrated]').count()).toBe(0);
    await expect.poll(() => ov.figure('open').textContent()).toBe(`${money(all.open)} CNY`);
    expect(await ov.figure('overdue').textContent()).toBe(`${money(all.overdue)} CNY`);
    expect(await ov.figure('overdue-ratio').textContent()).toBe(`${((all.overdueRatio ?? 0) * 100).toFixed(1)}%`);
    expect(await ov.figure('dso').textContent()).toBe(all.dso === null ? 'n/a' : `${all.dso.toFixed(1)} days`);
    // 12 month ends and the as-of date, each column's total as the service has it.
    await expect.poll(() => ov.trendColumns().count()).toBe(13);
    const totals = await ov.trendColumns().evaluateAll((els) => els.map((el) => [el.getAttribute('data-date'), Number(el.getAttribute('data-total'))]));
    expect(totals).toEqual(all.trend.map((c) => [c.date, c.total]));
    expect(totals[0][0]).toBe('2025-10-31');
    expect(totals[12][0]).toBe(AS_OF);
    // The screen-reader table carries every figure.
    expect(await e.page.locator('[data-testid=overview-trend-table] tbody tr').count()).toBe(13);
    // Top debtors in the service's order.
    await expect.poll(() => ov.debtors().count()).toBe(10);
    const ids = await ov.debtors().evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-customer-id'))));
    expect(ids).toEqual(all.topDebtors.map((d) => d.customerId));
    // No targets yet: the card says where to set them, and how the base view converts them.
    expect(await ov.targets().getAttribute('data-has-targets')).toBe('false');
    expect(await ov.targets().locator('[data-action=go-targets]').getAttribute('href')).toBe('#/collections/targets');
    expect(await ov.targets().locator('.ov-col').count()).toBe(7);
    await e.page.locator('[data-testid=overview-targets-note]').waitFor();
    await shot('base-en');
    // The base currency alone: its own figures, the per-currency note, no conversion note on targets.
    await ov.pickCurrency('CNY');
    await expect.poll(() => ov.figure('open').textContent()).toBe(`${money(cny.open)} CNY`);
    expect(await e.page.locator('[data-testid=overview-currency-note]').getAttribute('data-view')).toBe('currency');
    expect(await e.page.locator('[data-testid=overview-targets-note]').count()).toBe(0);
    const cnyIds = await ov.debtors().evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-customer-id'))));
    expect(cnyIds).toEqual(cny.topDebtors.map((d) => d.customerId));
    await shot('overview-en');
  });

  it('shows a column\'s figures on hover and on keyboard focus', { timeout: T }, async () => {
    const cny = (await overview(e.ctx.ledger!.db, { asOf: AS_OF })).currencies[0];
    await ov.trendColumns().nth(3).hover();
    await expect.poll(() => ov.tooltip().textContent()).toContain(money(cny.trend[3].total));
    await e.page.screenshot({ path: `${SHOTS}/overview-tooltip-en.png` });
    await e.page.mouse.move(5, 5);
    await ov.trendColumns().nth(12).focus();
    await expect.poll(() => ov.tooltip().textContent()).toContain(money(cny.trend[12].total));
    await e.page.keyboard.press('ArrowLeft');
    await expect.poll(() => ov.tooltip().textContent()).toContain(money(cny.trend[11].total));
    expect(await ov.trendColumns().nth(11).getAttribute('tabindex')).toBe('0');
  });

  it('switches to another currency without adding it to the base one', { timeout: T }, async () => {
    await ov.pickCurrency('USD');
    await expect.poll(() => ov.figure('open').textContent()).toBe(`${money(1_250_000)} USD`);
    await expect.poll(() => ov.debtors().count()).toBe(1);
    await ov.pickCurrency('CNY');
    await expect.poll(() => ov.debtors().count()).toBe(10);
  });

  it('compares collections with the targets once there are some, per month and per salesperson', { timeout: T }, async () => {
    const db = e.ctx.ledger!.db;
    const customers = await db.selectFrom('customers').select(['id']).where('currency', '=', 'CNY').orderBy('id').limit(8).execute();
    for (const [i, c] of customers.entries()) {
      for (const period of ['2026-08', '2026-09', '2026-10']) {
        const r = await dispatch(e.ctx, 'target-set', { customerId: c.id, period, target: `${20_000 + i * 5_000}.00` });
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
    }
    const cny = (await overview(db, { asOf: AS_OF })).currencies[0];
    await ov.setAsOf('2026-10-30');
    await ov.setAsOf(AS_OF);
    await expect.poll(() => ov.targets().getAttribute('data-has-targets')).toBe('true');
    const people = e.page.locator('[data-testid=overview-salespeople] li');
    await expect.poll(() => people.count()).toBe(cny.salespeople.length);
    expect(cny.targets[6].target).toBe(customers.reduce((s, _, i) => s + (20_000 + i * 5_000) * 100, 0));
    await ov.targets().locator('.ov-col').nth(6).hover();
    await expect.poll(() => ov.tooltip().textContent()).toContain(money(cny.targets[6].target));
    await ov.targets().scrollIntoViewIfNeeded();
    await shot('overview-targets-en');
  });

  it('opens a top debtor\'s customer page', { timeout: T }, async () => {
    const first = ov.debtors().first();
    const id = await first.getAttribute('data-customer-id');
    const code = (await first.locator('.ov-debtor-code').textContent()) ?? '';
    await first.click();
    await expect.poll(() => e.page.evaluate(() => window.location.hash)).toBe(`#/customers/${id}`);
    await expect.poll(() => e.page.locator('.customer-title').textContent()).toContain(code);
  });

  it('reads in Chinese, labels fitting', { timeout: T }, async () => {
    await e.app.setLanguage('zh');
    await e.app.go('overview');
    expect(await e.app.nav('overview').textContent()).toBe('概览');
    await ov.setAsOf(AS_OF);
    await expect.poll(() => ov.trendColumns().count()).toBe(13);
    await expect.poll(() => ov.debtors().count()).toBe(10);
    await expect.poll(() => ov.figure('dso').textContent()).toMatch(/^\d+\.\d 天$|^无$/);
    // Every month label inside its own slot: no two x labels overlap.
    expect(await noOverlap()).toBe(true);
    await shot('overview-zh');
    // Opened afresh: the whole ledger in CNY first.
    expect(await e.page.locator('[data-testid=overview-currency] label.on').textContent()).toBe('全部 · CNY');
    await e.page.locator('[data-testid=overview-targets-note]').waitFor();
    await shot('base-zh');
    // A small window: the cards stack, labels still apart.
    await e.page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => noOverlap()).toBe(true);
    await e.page.screenshot({ path: `${SHOTS}/overview-zh-1024.png` });
    await e.page.setViewportSize({ width: 1440, height: 900 });
    await ov.trendColumns().nth(12).hover();
    await ov.tooltip().waitFor();
    await e.page.screenshot({ path: `${SHOTS}/overview-tooltip-zh.png` });
    await e.app.setLanguage('en');
  });

  it('raised no page errors', () => {
    expect(e.pageErrors).toEqual([]);
  });
});
