/**
 * Collections end to end in browser mode on the demo ledger: open a case, log calls, record a
 * promise that then breaks, escalate, attach evidence, generate the next letter, export the
 * lawyer's ZIP (verified by `arw case verify`; a tampered copy fails), and the work list for a
 * given date. Screenshots go to /tmp/collections-shots.
 */
import { unzipSync, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../electron/app/context';
import { run } from '../../electron/cli/arw';
import type { WebServer } from '../../electron/web/server';
import { startE2e, type E2e } from './harness';
import { addDays, todayIso } from '../../shared/dates';
import { CollectionsPages, COLLECTIONS_SHOTS } from './collections-pages';
import { AppFrame } from './pages';

const T = 90_000;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let e2e: E2e;
let ctx: AppContext;
let server: WebServer;
let page: Page;
let app: AppFrame;
let coll: CollectionsPages;
let caseUrl = '';
let customerCode = '';
const today = todayIso();
let pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: path.join(COLLECTIONS_SHOTS, `${name}.png`) });

beforeAll(async () => {
  fs.mkdirSync(COLLECTIONS_SHOTS, { recursive: true });
  e2e = await startE2e({ name: 'coll', company: false, open: false, viewport: { width: 1440, height: 900 }, context: { acceptDownloads: true }, timeout: 20_000 });
  ({ ctx, server, page, app } = e2e);
  pageErrors = e2e.pageErrors;
  coll = new CollectionsPages(page);
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('collections in browser mode', () => {
  it('opens the demo ledger and a case from the customers with overdue invoices', { timeout: 180_000 }, async () => {
    await page.goto(server.url);
    await app.setLanguage('en');
    await page.locator('[data-action=open-demo]').click();
    await page.locator('nav [data-nav=collections]').waitFor({ timeout: 150_000 });
    await app.go('collections');
    await page.locator('.coll-tabs').waitFor();
    await coll.openTab('cases');
    await page.locator('.page-header [data-action=open-case]').click();
    const select = coll.dialog().locator('select[name=customerId]');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    const value = await select.locator('option').nth(1).getAttribute('value');
    customerCode = ((await select.locator('option').nth(1).textContent()) ?? '').split(' ')[0];
    await select.selectOption(value!);
    await coll.submit('confirm-open-case');
    await page.locator('.coll-case-header').waitFor();
    caseUrl = page.url();
    expect(await page.locator('.coll-case-header h1').textContent()).toContain(customerCode);
    expect(await page.locator('.coll-claim [role=row]').count()).toBeGreaterThan(1);
  });

  it('logs calls, records a promise, and sees it broken the morning after its date', { timeout: T }, async () => {
    await coll.logContact('Asked for payment of the overdue invoices', 'Says the money comes next week');
    await coll.logContact('Called again, spoke to finance', 'Promised to pay 5,000 on Friday');
    await coll.recordPromise({ amount: '5000', madeOn: today, dueDate: addDays(today, 2), how: 'written' });
    await expect.poll(() => page.locator('[data-table=promises] tr[data-promise-status=open]').count()).toBe(1);
    expect(await page.locator('.coll-timeline li[data-entry=contact]').count()).toBe(2);
    await coll.caseAsOf(addDays(today, 3));
    await expect.poll(() => page.locator('[data-table=promises] tr[data-promise-status=broken]').count()).toBe(1);
    await expect.poll(() => coll.kpi('broken').textContent()).toBe('1');
    await coll.caseAsOf(today);
  });

  it('escalates to the collector with the reason on the timeline', { timeout: T }, async () => {
    await coll.moveStage('collector', 'Promise broken; the collector takes over');
    await expect.poll(() => page.locator('.coll-case-header [data-stage]').getAttribute('data-stage')).toBe('collector');
    expect(await page.locator('.coll-timeline li[data-entry=stage]').first().textContent()).toContain('Reminder → Collector');
  });

  it('attaches evidence kept with its SHA-256', { timeout: T }, async () => {
    await coll.attachEvidence({ name: 'wechat.png', buffer: PNG, mimeType: 'image/png' }, 'WeChat: promise to pay on Friday', 'chat');
    await expect.poll(() => page.locator('[data-table=evidence] [data-evidence="1"]').textContent()).toContain('SHA-256');
    expect(await page.locator('[data-table=evidence] [data-evidence="1"]').textContent()).toContain('image/png');
  });

  it('marks an invoice disputed (out of the dunning flow) and corrects a timeline entry by adding one', { timeout: T }, async () => {
    const first = page.locator('.coll-claim [role=row]').nth(1);
    await first.locator('[data-action=dispute]').click();
    await coll.dialog().locator('textarea[name=reason]').fill('Customer says the goods were short');
    await coll.submit('save-dispute');
    await coll.closed();
    await expect.poll(() => page.locator('.coll-claim .coll-chip.disputed').count()).toBe(1);
    const contact = page.locator('.coll-timeline li[data-entry=contact]').last();
    await contact.locator('.tl-correct').click();
    await coll.dialog().locator('textarea[name=text]').fill('It was the finance manager, not the clerk');
    await coll.submit('save-correction');
    await coll.closed();
    await expect.poll(() => page.locator('.coll-timeline li.corrected').count()).toBe(1);
    expect(await page.locator('.coll-timeline li[data-entry=correction]').count()).toBe(1);
  });

  it('generates the next letter and logs it', { timeout: T }, async () => {
    await page.locator('.coll-toolbar [data-action=next-letter]').click();
    await coll.dialog().locator('select[name=step]').selectOption('email');
    await coll.submit('generate-letter');
    await coll.dialog().locator('.coll-letter').waitFor();
    expect(await coll.dialog().locator('[data-action=mailto]').getAttribute('href')).toMatch(/^mailto:/);
    await shot('letter-en');
    await coll.dialog().locator('.modal-close').click();
    await coll.closed();
    await expect.poll(() => page.locator('.coll-timeline li[data-entry=letter]').count()).toBe(1);
    await shot('case-en');
  });

  it('shows the case in Chinese', { timeout: T }, async () => {
    await app.setLanguage('zh');
    await expect.poll(() => page.locator('.coll-toolbar [data-action=export-case]').textContent()).toBe('导出律师案卷');
    await shot('case-zh');
    await app.setLanguage('en');
  });

  it('exports a ZIP that arw case verify accepts, and a tampered copy fails', { timeout: T }, async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action=export-case]').click()]);
    const file = path.join(e2e.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    fs.copyFileSync(file, path.join(COLLECTIONS_SHOTS, 'e2e-case-file.zip'));
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    await expect.poll(() => page.locator('[data-notice]').textContent()).toContain('SHA-256');
    const quiet = () => undefined;
    expect(await run(['case', 'verify', file, '--lang', 'en'], quiet)).toBe(0);
    const files = unzipSync(fs.readFileSync(file));
    const evidence = Object.keys(files).find((n) => n.startsWith('evidence/'))!;
    files[evidence] = new Uint8Array([...files[evidence], 1]);
    const tampered = path.join(e2e.dataDir, 'tampered.zip');
    fs.writeFileSync(tampered, zipSync(files));
    expect(await run(['case', 'verify', tampered, '--lang', 'en'], quiet)).toBe(1);
  });

  it('shows the right work for a given date', { timeout: T }, async () => {
    await page.goto(`${server.url.split('#')[0]}#/collections`);
    await page.locator('input[name=worklistDate]').waitFor();
    // Two days on, the promise is due; the day after, it is broken (nobody called since).
    await coll.worklistFor(addDays(today, 2));
    await coll.worklistRow('promise_due', customerCode).waitFor();
    await coll.worklistFor(addDays(today, 3));
    await coll.worklistRow('promise_broken', customerCode).waitFor();
    expect(await coll.worklistRow('promise_due', customerCode).count()).toBe(0);
    await shot('worklist-en');
    await app.setLanguage('zh');
    await expect.poll(() => coll.worklistRow('promise_broken', customerCode).textContent()).toContain('承诺未兑现');
    await shot('worklist-zh');
    await app.setLanguage('en');
    // One click from the row: log the follow-up call; the broken promise leaves the list.
    await coll.worklistRow('promise_broken', customerCode).locator('[data-action=log-call]').click();
    await coll.dialog().locator('textarea[name=summary]').fill('Why was the promise not kept?');
    await coll.submit('save-contact');
    await coll.closed();
    await expect.poll(() => coll.worklistRow('promise_broken', customerCode).count()).toBe(0);
    expect(caseUrl).toContain('#/collections/cases/');
  });

  it('sets a collection target and shows the gap, with totals per salesperson', { timeout: T }, async () => {
    await coll.openTab('targets');
    const form = page.locator('form.coll-target-form');
    const customer = form.locator('select[name=customerId]');
    const value = await customer.locator('option', { hasText: customerCode }).getAttribute('value');
    await customer.selectOption(value!);
    await form.locator('input[name=target]').fill('250000');
    await form.locator('[data-action=set-target]').click();
    const row = page.locator('[role=row]', { hasText: customerCode });
    await expect.poll(() => row.textContent()).toContain('250,000.00');
    expect(await page.locator('[data-table=salespeople] tbody tr').count()).toBeGreaterThan(0);
    await shot('targets-en');
  });

  it('keeps the collections settings', { timeout: T }, async () => {
    await coll.openTab('settings');
    await page.locator('input[name=defaultRate]').fill('3.45');
    await page.locator('[data-action=save-collections-settings]').click();
    await page.locator('.coll-settings .notice').waitFor();
    expect((await ctx.ledger!.db.selectFrom('settings').select('value_json').where('key', '=', 'collections.settings').executeTakeFirstOrThrow()).value_json).toContain('34500');
  });

  it('raised no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
