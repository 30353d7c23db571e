/**
 * Credit in the browser: the grid shows the grades of the demo ledger with their explanations; a
 * delivery to a customer on hold is refused in the invoice form with the reasons, then passes with
 * an override reason, which the customer's page and the credit panel show.
 * Screenshots go to /tmp/credit-shots for a human to look at.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { AppContext } from '../../electron/app/context';
import type { WebServer } from '../../electron/web/server';
import { startE2e, type E2e } from './harness';
import { AppFrame } from './pages';

const SHOTS = '/tmp/credit-shots';
const T = 90_000;

let e2e: E2e;
let ctx: AppContext;
let server: WebServer;
let page: Page;
let app: AppFrame;
let pageErrors: string[] = [];
let held: { id: number; code: string };

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const panel = () => page.locator('[data-testid=rating-panel]');
const gridRow = (code: string) => page.locator('.credit-body [role=row]', { has: page.locator('[role=gridcell]', { hasText: new RegExp(`^${code}$`) }) });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e({
    name: 'credit',
    company: false,
    open: false,
    viewport: { width: 1440, height: 900 },
    timeout: 20_000,
    async seed(c) {
      expect(await dispatch(c, 'ledger-open-demo', {})).toMatchObject({ ok: true });
      // A customer the default policy holds: an invoice overdue by more than 60 days.
      const grid = (await dispatch(c, 'credit-ratings', {})) as { ok: true; value: { rows: { customerId: number; code: string; hold: string | null; holdReasons: { key: string }[] }[] } };
      const row = grid.value.rows.find((r) => r.hold === 'block' && r.holdReasons.some((x) => x.key === 'credit.reason.overdue'))!;
      held = { id: row.customerId, code: row.code };
    },
  });
  ({ ctx, server, page, app } = e2e);
  pageErrors = e2e.pageErrors;
}, 240_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('credit, end to end', () => {
  it('shows the grades of the demo ledger, and explains one', { timeout: T }, async () => {
    await page.goto(server.url);
    await app.nav('customers').waitFor();
    await app.setLanguage('en');
    await app.go('credit');
    await expect.poll(() => page.locator('.credit-body [role=gridcell] [data-grade]').count()).toBeGreaterThan(10);
    const grades = new Set((await page.locator('.credit-body [role=gridcell] [data-grade]').allTextContents()).map((g) => g.replace('*', '')));
    expect(grades.size).toBeGreaterThan(2);
    expect(await page.locator('[data-testid=credit-summary]').textContent()).toMatch(/on hold/);
    await shot('credit-01-grid-en');

    await gridRow(held.code).click();
    await panel().locator('[data-factor=daysLate]').waitFor();
    expect(await panel().locator('[data-testid=verdict]').textContent()).toMatch(/^On hold: deliveries blocked.*days overdue, and the policy stops deliveries beyond 60 days/);
    expect(await panel().locator('[data-factor=daysLate]').textContent()).toMatch(/paid \d+ days after the due date on average over 12 months/);
    await shot('credit-02-panel-en');

    await panel().locator('input[name=whatif-days]').fill('60');
    await panel().locator('[data-action=what-if]').click();
    await expect.poll(() => panel().locator('[data-testid=what-if-result]').textContent()).toMatch(/grade [A-E] \(\d+\) → [A-E] \(\d+\)/);
    await panel().locator('[data-testid=what-if]').scrollIntoViewIfNeeded();
    await shot('credit-03-what-if-en');

    // Grouped by grade with the grid's own grouping, then by salesperson.
    const groupBy = page.locator('.credit-body select[name=group-by]');
    await groupBy.selectOption({ label: 'Grade' });
    await expect.poll(() => page.locator('.credit-body .group-row').count()).toBeGreaterThan(1);
    await shot('credit-04-grouped-en');
    await page.locator('.credit-body [data-chip=group-grade] button').click();
    await expect.poll(() => page.locator('.credit-body .group-row').count()).toBe(0);
  });

  it('in Chinese', { timeout: T }, async () => {
    await app.setLanguage('zh');
    await expect.poll(() => page.locator('.credit-page h1').textContent()).toBe('信用评级');
    await expect.poll(() => panel().locator('[data-testid=verdict]').textContent()).toMatch(/^信用控制：停止供货.*前帐未清，不谈下回交易/);
    expect(await panel().locator('[data-factor=daysLate]').textContent()).toMatch(/近 12 个月平均在到期后 \d+ 天付款/);
    await panel().locator('[data-testid=verdict]').scrollIntoViewIfNeeded();
    await shot('credit-05-grid-panel-zh');
    await panel().locator('[data-action=what-if]').click();
    await expect.poll(() => panel().locator('[data-testid=what-if-result]').textContent()).toMatch(/等级 [A-E]（\d+ 分）→ [A-E]（\d+ 分）/);
    await panel().locator('[data-testid=what-if]').scrollIntoViewIfNeeded();
    await shot('credit-05b-what-if-zh');
    await page.locator('[data-action=credit-settings]').click();
    await page.locator('[role=dialog] table.factor-table').waitFor();
    await shot('credit-06-settings-zh');
    await page.keyboard.press('Escape');
    await app.setLanguage('en');
  });

  it('refuses a delivery to the held customer in the invoice form, then posts it with an override reason', { timeout: T }, async () => {
    await page.goto(`${server.url.split('#')[0]}#/customers/${held.id}`);
    await page.locator('[data-testid=credit-strip]').waitFor();
    await page.locator('[data-action=invoice]').click();
    const d = page.locator('[role=dialog]');
    await d.locator('input[name=number]').fill('E2E-HOLD-1');
    await d.locator('.segmented label', { has: page.locator('input[value=amount]') }).click();
    await d.locator('input[name=amount]').fill('1200.00');
    await d.locator('[data-action=post-invoice]').click();
    await expect.poll(() => d.locator('.form-error').textContent()).toMatch(/^Delivery refused by credit control: invoice .+ is \d+ days overdue, and the policy stops deliveries beyond 60 days/);
    await d.locator('[data-testid=credit-override]').waitFor();
    await shot('credit-07-delivery-refused-en');
    await d.locator('textarea[name=override-reason]').fill('Director approved: customer paid by cheque today');
    expect(await d.locator('[data-action=post-invoice]').textContent()).toBe('Post with override');
    await d.locator('[data-action=post-invoice]').click();
    await d.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid=credit-strip]').textContent()).toContain('Director approved: customer paid by cheque today');
    await shot('credit-08-override-recorded-en');
    const o = await ctx.ledger!.db.selectFrom('credit_overrides').selectAll().where('customer_id', '=', held.id).executeTakeFirstOrThrow();
    expect([o.reference, o.reason, o.amount, o.context]).toEqual(['E2E-HOLD-1', 'Director approved: customer paid by cheque today', 120000, 'delivery']);
    const audit = await ctx.ledger!.db.selectFrom('audit_log').selectAll().where('action', '=', 'credit.override').execute();
    expect(audit).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });
});
