/**
 * Multi-currency in the browser: a USD customer in a CNY ledger. A rate entered in Settings ›
 * Exchange rates prefills the invoice form; the invoice is posted at it; the aging workspace keeps
 * the customer's row in USD and shows the totals in CNY. Screenshots in English and Chinese go to
 * /tmp/currency-shots for a human to look at.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { GridModel } from './aging-model';
import { startE2e, type E2e } from './harness';
import { AgingPage, AppFrame } from './pages';

const SHOTS = '/tmp/currency-shots';
const T = 90_000;

let e2e: E2e;
let page: Page;
let app: AppFrame;
let usdId = 0;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const ratesCard = () => page.locator('[data-testid=settings-rates]');
const dialog = () => page.locator('[role=dialog]');

async function openCustomer(id: number): Promise<void> {
  await page.evaluate((x) => (window.location.hash = `#/customers/${x}`), id);
  await page.locator('[data-action=invoice]').waitFor();
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e({
    name: 'currency',
    company: { name: '杭州远景贸易有限公司', currency: 'CNY' },
    viewport: { width: 1440, height: 900 },
    timeout: 20_000,
    async seed(ctx) {
      const cn = await dispatch(ctx, 'customer-create', { code: 'CN01', name: '华东五金有限公司', paymentTermsDays: 30, currency: 'CNY' });
      const us = await dispatch(ctx, 'customer-create', { code: 'US01', name: 'Pacific Rim Imports LLC', paymentTermsDays: 30, currency: 'USD', language: 'en' });
      if (!cn.ok || !us.ok) throw new Error('seed failed');
      usdId = (us.value as { id: number }).id;
      const inv = await dispatch(ctx, 'invoice-post', { customerId: (cn.value as { id: number }).id, number: 'CN-INV-1', date: '2026-03-01', amount: '1000.00' });
      if (!inv.ok) throw new Error(`seed invoice failed: ${JSON.stringify(inv.error)}`);
    },
  });
  ({ page, app } = e2e);
}, 240_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('multi-currency, end to end', () => {
  it('enters a USD rate in Settings', { timeout: T }, async () => {
    await app.go('settings');
    const card = ratesCard();
    await card.scrollIntoViewIfNeeded();
    expect(await card.locator('[data-testid=rates-needed]').textContent()).toBe('Currencies of your customers: USD');
    expect(await card.locator('input[name=currency]').inputValue()).toBe('USD');
    await card.locator('input[name=date]').fill('2026-03-01');
    await card.locator('input[name=rate]').fill('7.1234');
    await card.locator('input[name=note]').fill('PBOC central parity');
    await card.locator('[data-action=add-rate]').click();
    await expect.poll(() => card.locator('[role=status]').textContent()).toBe('Rate for USD on 2026-03-01 added');
    await expect.poll(() => card.locator('[role=grid] [role=row].body-row').count()).toBe(1);
    expect(await card.locator('[role=grid] [role=row].body-row').textContent()).toContain('7.1234');
    await card.screenshot({ path: `${SHOTS}/currency-01-settings-rates-en.png` });
  });

  it('refuses a rate for a date with none, then posts a USD invoice at the prefilled rate', { timeout: T }, async () => {
    await openCustomer(usdId);
    await page.locator('[data-action=invoice]').click();
    const d = dialog();
    await d.locator('input[name=number]').fill('US-INV-1');
    await d.locator('input[name=date]').fill('2026-02-20'); // before the first USD rate
    await expect.poll(() => d.locator('[data-field=rate] .field-hint').textContent()).toBe('No USD rate on or before 2026-02-20: type the rate, or add one in Settings › Exchange rates.');
    await d.locator('.segmented label', { has: page.locator('input[value=amount]') }).click();
    await d.locator('input[name=amount]').fill('1000.00');
    await d.locator('[data-action=post-invoice]').click();
    await expect.poll(() => d.locator('[data-error-for=rate]').textContent()).toBe('No exchange rate for USD on or before 2026-02-20: enter the rate, or add one in Settings › Exchange rates');
    await d.locator('input[name=date]').fill('2026-03-10');
    await expect.poll(() => d.locator('input[name=rate]').inputValue()).toBe('7.1234');
    expect(await d.locator('[data-field=rate] .field-label').textContent()).toBe('Rate (1 USD = ? CNY)');
    await shot('currency-02-invoice-form-en');
    await d.locator('[data-action=post-invoice]').click();
    await d.waitFor({ state: 'detached' });
  });

  it('shows the USD row in USD and the aging totals in CNY', { timeout: T }, async () => {
    await app.go('aging');
    const aging = new AgingPage(page);
    await aging.setAsOf('2026-03-31');
    await expect.poll(() => aging.totals().locator('[data-column=net]').textContent()).toBe('8,123.40'); // 1,000.00 + 1,000.00 × 7.1234
    expect(await aging.totals().textContent()).toContain('Totals (CNY)');
    const us = aging.row('US01');
    expect(await us.locator('[data-column=net]').textContent()).toBe('1,000.00');
    expect(await us.locator('[data-column=currency]').textContent()).toBe('USD');
    expect(await page.locator('[data-testid=aging-base-note]').textContent()).toMatch(/^Totals, classes, chart and metrics in CNY/);
    await shot('currency-03-aging-en');
    // Further right: the net in CNY, row by row, adding up to the totals row.
    const grid = new GridModel(page);
    await grid.scrollTo({ left: 4000 });
    await expect.poll(() => us.locator('[data-column=baseNet]').textContent()).toBe('7,123.40');
    expect(await aging.row('CN01').locator('[data-column=baseNet]').textContent()).toBe('1,000.00');
    expect(await aging.totals().locator('[data-column=baseNet]').textContent()).toBe('8,123.40');
    await shot('currency-03b-aging-base-column-en');
    await grid.scrollTo({ left: 0 });
    // By invoice: each invoice in its own currency, its open amount in CNY beside it, the totals in CNY.
    await page.locator('.segmented label', { has: page.locator('input[name=by][value=invoice]') }).click();
    await expect.poll(() => aging.row('US-INV-1').count()).toBe(1);
    await grid.scrollTo({ left: 600 });
    await expect.poll(() => aging.row('US-INV-1').locator('[data-column=baseOpen]').textContent()).toBe('7,123.40');
    expect(await aging.row('US-INV-1').locator('[data-column=open]').textContent()).toBe('1,000.00');
    expect(await aging.totals().locator('[data-column=open]').textContent()).toBe('8,123.40');
    expect(await aging.totals().locator('[data-column=baseOpen]').textContent()).toBe('8,123.40');
    await shot('currency-03c-aging-by-invoice-en');
    await grid.scrollTo({ left: 0 });
    await page.locator('.segmented label', { has: page.locator('input[name=by][value=customer]') }).click();
    await expect.poll(() => aging.row('US01').count()).toBe(1);
  });

  it('the same in Chinese', { timeout: T }, async () => {
    await app.setLanguage('zh');
    const aging = new AgingPage(page);
    await expect.poll(() => aging.totals().textContent()).toContain('合计（CNY）');
    expect(await aging.totals().locator('[data-column=b0]').textContent()).toBe('8,123.40'); // both invoices are not yet due
    expect(await page.locator('[data-testid=aging-base-note]').textContent()).toMatch(/^合计、分类、图表和指标均以 CNY 计/);
    await shot('currency-04-aging-zh');
    await app.go('settings');
    await ratesCard().scrollIntoViewIfNeeded();
    await expect.poll(() => ratesCard().locator('h2').textContent()).toBe('汇率');
    await ratesCard().screenshot({ path: `${SHOTS}/currency-05-settings-rates-zh.png` });
    await openCustomer(usdId);
    await page.locator('[data-action=receipt]').click();
    const d = dialog();
    await d.locator('input[name=date]').fill('2026-03-20');
    await expect.poll(() => d.locator('input[name=rate]').inputValue()).toBe('7.1234');
    expect(await d.locator('[data-field=rate] .field-label').textContent()).toBe('汇率（1 USD = ? CNY）');
    await shot('currency-06-receipt-form-zh');
    await page.keyboard.press('Escape');
    expect(e2e.pageErrors).toEqual([]);
  });
});
