/**
 * A case's invoices in browser mode: "Add invoices" on the claim grid picks from the customer's
 * overdue invoices not in the case; "Remove from case" needs a reason. Both are timeline entries
 * with the reason, who and when (append-only), and the claim follows. Screenshots in both
 * languages go to /tmp/collections-shots.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { AppContext } from '../../electron/app/context';
import { currentActor } from '../../electron/db/tx';
import { startE2e, type E2e } from './harness';
import { CollectionsPages, COLLECTIONS_SHOTS } from './collections-pages';
import type { AppFrame } from './pages';

const T = 60_000;
let e2e: E2e;
let ctx: AppContext;
let page: Page;
let app: AppFrame;
let coll: CollectionsPages;
let caseId = 0;
const shot = (name: string) => page.screenshot({ path: path.join(COLLECTIONS_SHOTS, `${name}.png`) });

async function value<T>(p: Promise<unknown>): Promise<T> {
  const r = (await p) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

beforeAll(async () => {
  fs.mkdirSync(COLLECTIONS_SHOTS, { recursive: true });
  e2e = await startE2e({
    name: 'case-inv',
    viewport: { width: 1440, height: 900 },
    seed: async (c) => {
      const cust = await value<{ id: number }>(dispatch(c, 'customer-create', { code: 'K01', name: '宁波海曙五金有限公司', paymentTermsDays: 30, currency: 'CNY', language: 'zh' }));
      for (const [number, date, dueDate, amount] of [
        ['INV-A', '2026-01-02', '2026-01-31', '12000.00'],
        ['INV-B', '2026-02-01', '2026-02-28', '8000.00'],
        ['INV-C', '2026-09-01', '2026-09-30', '5000.00'],
        ['INV-D', '2026-10-15', '2026-11-14', '3000.50'],
      ]) {
        await value(dispatch(c, 'invoice-post', { customerId: cust.id, number, date, dueDate, amount, override: { reason: 'e2e seed' } }));
      }
      // Opened in March: only INV-A and INV-B were overdue then; INV-C and INV-D fell due later.
      caseId = (await value<{ id: number }>(dispatch(c, 'case-open', { customerId: cust.id, date: '2026-03-10' }))).id;
    },
  });
  ({ ctx, page, app } = e2e);
  coll = new CollectionsPages(page);
  await page.goto(`${e2e.server.url.split('#')[0]}#/collections/cases/${caseId}`);
  await page.locator('.coll-case-header').waitFor();
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('adding invoices to a case and taking them out', () => {
  it('adds picked overdue invoices with the reason on the timeline', { timeout: T }, async () => {
    await expect.poll(() => coll.claimNumbers()).toEqual(['INV-A', 'INV-B']);
    expect(await page.locator('[data-testid=claim-toolbar] [data-action=add-invoices]').textContent()).toContain('(2)');
    await page.locator('[data-testid=claim-toolbar] [data-action=add-invoices]').click();
    const d = coll.dialog();
    // Only the customer's overdue invoices not yet in the case, none picked to begin with.
    expect(await d.locator('[data-invoice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-invoice')))).toEqual(['INV-C', 'INV-D']);
    expect(await d.locator('[data-action=save-invoices]').isDisabled()).toBe(true);
    await d.locator('[data-invoice="INV-C"] input[type=checkbox]').check();
    await d.locator('input[name=reason]').fill('September delivery, also unpaid');
    expect(await d.locator('[data-testid=picked-summary]').textContent()).toContain('1 picked');
    await shot('case-add-invoices-en');
    await coll.submit('save-invoices');
    await coll.closed();
    await expect.poll(() => coll.claimNumbers()).toEqual(['INV-A', 'INV-B', 'INV-C']);
    // The totals row follows the claim (12,000 + 8,000 + 5,000 unpaid).
    await expect.poll(() => page.locator('.coll-claim .totals-row [data-column=open]').textContent()).toBe('25,000.00');
    const entry = page.locator('.coll-timeline li[data-entry=invoice_added]');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.textContent()).toContain('INV-C — September delivery, also unpaid');
    expect(await entry.locator('.tl-by').textContent()).toContain(currentActor());
    expect(await page.locator('[data-testid=claim-toolbar] [data-action=add-invoices]').textContent()).toContain('(1)');
  });

  it('removes an invoice only with a reason; it leaves the claim and can be added again', { timeout: T }, async () => {
    const principalBefore = await value<{ claimDetail: { principal: number } }>(dispatch(ctx, 'case-get', { id: caseId }));
    expect(principalBefore.claimDetail.principal).toBe(2_500_000);
    await coll.startRemove('INV-A');
    await coll.submit('confirm-remove-invoice');
    // No reason: refused, the error beside the field, nothing changed.
    await coll.dialog().locator('[data-error-for=reason]').waitFor();
    expect(await coll.claimNumbers()).toEqual(['INV-A', 'INV-B', 'INV-C']);
    await coll.dialog().locator('textarea[name=reason]').fill('Settled separately under the 2026 rebate agreement');
    await shot('case-remove-invoice-en');
    await coll.submit('confirm-remove-invoice');
    await coll.closed();
    await expect.poll(() => coll.claimNumbers()).toEqual(['INV-B', 'INV-C']);
    await expect.poll(() => page.locator('.coll-claim .totals-row [data-column=open]').textContent()).toBe('13,000.00');
    const removed = page.locator('.coll-timeline li[data-entry=invoice_removed]');
    await expect.poll(() => removed.count()).toBe(1);
    expect(await removed.textContent()).toContain('INV-A — Settled separately under the 2026 rebate agreement');
    expect(await removed.locator('.tl-by').textContent()).toContain(currentActor());
    const after = await value<{ claimDetail: { principal: number }; otherOpenInvoices: { number: string }[] }>(dispatch(ctx, 'case-get', { id: caseId }));
    expect(after.claimDetail.principal).toBe(1_300_000);
    expect(after.otherOpenInvoices.map((i) => i.number)).toEqual(['INV-A', 'INV-D']);
    // The record: both changes are case events (who, when) and in the audit log; none is deleted.
    const events = await ctx.ledger!.db.selectFrom('case_events').select(['kind', 'summary', 'outcome', 'created_by', 'created_at']).where('case_id', '=', caseId).where('kind', 'in', ['invoice_added', 'invoice_removed']).orderBy('id').execute();
    expect(events.map((e) => [e.kind, e.summary, e.outcome, e.created_by])).toEqual([
      ['invoice_added', 'INV-C', 'September delivery, also unpaid', currentActor()],
      ['invoice_removed', 'INV-A', 'Settled separately under the 2026 rebate agreement', currentActor()],
    ]);
    expect(events.every((e) => /^\d{4}-\d{2}-\d{2}T/.test(e.created_at))).toBe(true);
    const audit = await ctx.ledger!.db.selectFrom('audit_log').select('action').where('action', '=', 'case.invoices').execute();
    expect(audit).toHaveLength(2);
    // Added back: a new entry, the old ones stay.
    await coll.addInvoices(['INV-A'], 'Rebate agreement fell through');
    await expect.poll(() => coll.claimNumbers()).toEqual(['INV-A', 'INV-B', 'INV-C']);
    expect(await page.locator('.coll-timeline li[data-entry=invoice_added]').count()).toBe(2);
    expect(await page.locator('.coll-timeline li[data-entry=invoice_removed]').count()).toBe(1);
    await shot('case-invoices-en');
  });

  it('reads in Chinese', { timeout: T }, async () => {
    await app.setLanguage('zh');
    await expect.poll(() => page.locator('.coll-claim [data-action=remove-invoice]').first().textContent()).toBe('移出案件');
    expect(await page.locator('[data-testid=claim-toolbar] [data-action=add-invoices]').textContent()).toContain('加入发票');
    await shot('case-invoices-zh');
    await page.locator('[data-testid=claim-toolbar] [data-action=add-invoices]').click();
    expect(await coll.dialog().locator('.explain').textContent()).toContain('尚未纳入本案');
    await shot('case-add-invoices-zh');
    await coll.dialog().locator('.modal-close').click();
    await coll.closed();
    await coll.startRemove('INV-B');
    expect(await coll.dialog().locator('.explain').textContent()).toContain('移出本案');
    await shot('case-remove-invoice-zh');
    await coll.dialog().locator('.modal-close').click();
    await app.setLanguage('en');
    expect(e2e.pageErrors).toEqual([]);
  });
});
