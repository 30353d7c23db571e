/**
 * End to end in browser mode: the real server (in this process) with a fresh ledger, Debian's
 * Chromium driving the built renderer (`npm run build:renderer` first; `npm test` does it).
 * Screenshots go to /tmp/arw-shots for a human to look at.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../electron/app/context';
import type { WebServer } from '../../electron/web/server';
import { startE2e, type E2e } from './harness';
import { AgingPage, AppFrame, CustomerDetailPage, CustomersPage, FirstRunPage, SHOTS_DIR } from './pages';

const T = 60_000;

let e2e: E2e;
let ctx: AppContext;
let server: WebServer;
let page: Page;
let app: AppFrame;
let pageErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  e2e = await startE2e({ name: 'first-run', company: false, open: false });
  ({ ctx, server, page, app } = e2e);
  pageErrors = e2e.pageErrors;
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('browser mode, end to end', () => {
  it('takes the token out of the URL and offers a new ledger on first run', { timeout: T }, async () => {
    await page.goto(server.url);
    // Main's saved language (Chinese by default) wins over the browser's English.
    await expect.poll(() => page.locator('h1').textContent()).toBe('欢迎使用应收账款工作台');
    expect(page.url()).not.toContain('token=');
    await app.shot('e2e-01-first-run-zh');

    await app.setLanguage('en');
    expect(await page.locator('h1').textContent()).toBe('Welcome to AR Workstation');
    await new FirstRunPage(page).createLedger('Hangzhou Test Trading Co.', 'CNY');
    await expect.poll(() => app.companyName().textContent()).toBe('Hangzhou Test Trading Co.');
    expect(await app.nav('customers').textContent()).toBe('Customers');
    expect(ctx.ledger).not.toBeNull();
  });

  it('creates a customer and opens its page', { timeout: T }, async () => {
    const customers = new CustomersPage(page);
    await customers.create({
      code: 'C001',
      name: '杭州远景贸易有限公司',
      salesperson: 'Li Na',
      termsDays: 30,
      creditLimit: '50000',
      financeContact: { name: 'Wang Fang', phone: '0571-8888 1234', email: 'ap@yuanjing.example.com' },
    });
    const detail = new CustomerDetailPage(page);
    expect(await detail.title().textContent()).toContain('杭州远景贸易有限公司');
    expect(await detail.kpi('balance').textContent()).toBe('0.00');
    expect(await detail.kpi('credit-limit').textContent()).toBe('50,000.00');
    expect(await page.locator('.facts').textContent()).toContain('ap@yuanjing.example.com');
  });

  it('posts an invoice with line items and shows the live total and the balance', { timeout: T }, async () => {
    const detail = new CustomerDetailPage(page);
    const total = await detail.fillInvoice({
      number: 'INV-2025-001',
      date: '2025-01-10',
      lines: [
        { item: 'LED panel 60x60', quantity: '10', unitPrice: '123.45' },
        { item: 'Driver', quantity: '2', unitPrice: '50.25' },
      ],
      acceptancePerson: 'Zhao Lei',
    });
    expect(total).toBe('1,335.00');
    await app.shot('e2e-02-invoice-form');
    await detail.submitDialog('post-invoice');
    await detail.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => detail.kpi('balance').textContent()).toBe('1,335.00');
    const row = detail.ledgerRow('INV-2025-001');
    expect(await row.textContent()).toContain('2025-02-09'); // due date from 30-day terms
    expect(await detail.kpi('overdue').textContent()).toBe('1,335.00');
  });

  it('shows a translated error next to a bad amount, then records the receipt', { timeout: T }, async () => {
    const detail = new CustomerDetailPage(page);
    await detail.openPayment('receipt');
    await detail.fillPayment({ reference: 'RC-001', date: '2025-01-20', amount: '12.3.4', appliesTo: 'INV-2025-001' });
    await detail.submitDialog('post-payment');
    await expect.poll(() => detail.fieldError('amount').textContent()).toBe('Enter an amount like 1234.50');
    expect(await detail.dialog().locator('input[name=amount]').getAttribute('aria-invalid')).toBe('true');
    await app.shot('e2e-03-bad-amount-en');

    await detail.dialog().locator('input[name=amount]').fill('1000.00');
    await detail.submitDialog('post-payment');
    await detail.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => detail.kpi('balance').textContent()).toBe('335.00');
    expect(await detail.ledgerRow('INV-2025-001').textContent()).toContain('335.00'); // open amount
    // The invoice's allocations open under it.
    await detail.ledgerRow('INV-2025-001').locator('button.expander').click();
    await expect.poll(() => page.locator('.sub-row').first().textContent()).toContain('RC-001');
    await app.shot('e2e-04-customer-en');
  });

  it('refuses a reversal without a reason, then reverses with one', { timeout: T }, async () => {
    const detail = new CustomerDetailPage(page);
    await detail.reverse('RC-001', '', '2025-01-22');
    await detail.submitDialog('confirm-reverse');
    await expect.poll(() => detail.fieldError('reason').textContent()).toBe('Give a reason for the reversal');
    await detail.dialog().locator('textarea[name=reason]').fill('Cheque bounced');
    await detail.submitDialog('confirm-reverse');
    await detail.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => detail.kpi('balance').textContent()).toBe('1,335.00');
    expect(await detail.ledgerRow('RC-001').locator('.badge.reversed').count()).toBe(1);

    // Post the corrected receipt again so the rest of the run has a partly paid invoice.
    await detail.openPayment('receipt');
    await detail.fillPayment({ reference: 'RC-002', date: '2025-01-25', amount: '1000' });
    await detail.submitDialog('post-payment');
    await detail.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => detail.kpi('balance').textContent()).toBe('335.00');
  });

  it('switches to Chinese, remembers it, and translates errors', { timeout: T }, async () => {
    await app.setLanguage('zh');
    expect(await app.nav('customers').textContent()).toBe('客户');
    expect(await app.nav('aging').textContent()).toBe('账龄分析');
    expect(await page.locator('[data-kpi=balance] .kpi-label').textContent()).toBe('余额');
    expect(await page.locator('[role=columnheader]', { hasText: '借方' }).count()).toBe(1);
    expect(ctx.prefs.language).toBe('zh');
    await app.shot('e2e-05-customer-zh');

    await page.reload();
    await expect.poll(() => app.nav('customers').textContent()).toBe('客户');

    const detail = new CustomerDetailPage(page);
    await detail.openPayment('credit_note');
    await detail.fillPayment({ reference: 'CN-001', date: '2025-01-26', amount: 'abc' });
    await detail.submitDialog('post-payment');
    await expect.poll(() => detail.fieldError('amount').textContent()).toBe('请输入金额，例如 1234.50');
    await app.shot('e2e-06-bad-amount-zh');
    await page.keyboard.press('Escape');
    await detail.dialog().waitFor({ state: 'detached' });
  });

  it('lists the customer with balance and overdue, and searches', { timeout: T }, async () => {
    await app.go('customers');
    const customers = new CustomersPage(page);
    const row = customers.row('C001');
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('杭州远景贸易有限公司');
    expect(text).toContain('335.00');
    expect(await customers.grid().getAttribute('aria-rowcount')).toBe('2');
    await customers.search('no such customer');
    await expect.poll(() => customers.row('C001').count()).toBe(0);
    await customers.search('远景');
    await expect.poll(() => customers.row('C001').count()).toBe(1);
    await app.shot('e2e-07-customers-zh');
  });

  it('shows the aging by customer as of a date, with totals', { timeout: T }, async () => {
    await app.go('aging');
    const aging = new AgingPage(page);
    await aging.setAsOf('2025-03-15'); // 34 days past the due date 2025-02-09
    await expect.poll(() => aging.row('C001').count()).toBe(1);
    const headers = await aging.columnHeaders().allTextContents();
    expect(headers).toContain('31–60 天');
    const cells = await aging.row('C001').locator('[role=gridcell]').allTextContents();
    const bucket = headers.indexOf('31–60 天');
    expect(cells[bucket]).toBe('335.00');
    expect(await aging.totals().textContent()).toContain('335.00');
    await app.shot('e2e-08-aging-zh');
  });

  it('opens every section (no placeholders left) and saves the company profile in settings', { timeout: T }, async () => {
    for (const section of ['collections', 'credit', 'documents'] as const) {
      await app.go(section);
      await expect.poll(async () => ((await page.locator('main.content').innerText()) ?? '').trim().length).toBeGreaterThan(0);
      expect(await page.locator('.empty-state h2', { hasText: '将在后续版本提供' }).count()).toBe(0);
    }
    await app.go('settings');
    await page.locator('input[name=taxId]').fill('91330100MA27XXXX1K');
    await page.locator('[data-action=save-company]').click();
    await expect.poll(() => page.locator('.settings-card [role=status]').count()).toBe(1);
    await app.shot('e2e-09-settings-zh');
    expect(pageErrors).toEqual([]);
  });
});
