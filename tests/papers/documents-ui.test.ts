/**
 * The Documents page end to end in browser mode: issue a statement, record its signed copy with a
 * scan, create a price confirmation by keyboard, sign and convert it (invoice + IOU), run the
 * month-end batch. Needs the built renderer (npm run build:renderer) and Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, defaultLedgerFile, type AppContext } from '../../electron/app/context';
import { APP_VERSION } from '../../electron/app/version';
import { setPaperCreditGate } from '../../electron/papers/credit-seam';
import { createCustomer, createLedger, postInvoice } from '../../electron/services/ledger';
import { startWebServer, type WebServer } from '../../electron/web/server';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const SHOTS = '/tmp/papers-shots';
const T = 120_000;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let ctx: AppContext;
let server: WebServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error('run npm run build:renderer first');
  fs.mkdirSync(SHOTS, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-docs-e2e-'));
  const ledger = await createLedger(defaultLedgerFile(dataDir), '测试贸易有限公司 Test Trading', 'CNY');
  const c = await createCustomer(ledger.db, { code: 'K01', name: '龘䶮鬱 杭州客户', salesperson: '', paymentTermsDays: 30, creditLimit: '1000000', currency: 'CNY', language: 'zh', notes: '', status: 'active' });
  await postInvoice(ledger.db, { customerId: c.id, number: 'INV-1', date: `${lastMonth()}-05`, amount: '1234.56' });
  await ledger.close();
  setPaperCreditGate(async () => null);
  ctx = await createContext({ mode: 'web', version: APP_VERSION, dataDir });
  server = await startWebServer(ctx, { rendererDir: RENDERER_DIR });
  browser = await chromium.launch({ executablePath: process.env.ARW_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'] });
  page = await browser.newPage({ viewport: { width: 1360, height: 860 }, acceptDownloads: true });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.locator('[data-testid=language-switch]').selectOption('en');
  await page.locator('nav [data-nav=documents]').click();
  await page.locator('.doc-tabs').waitFor();
}, T);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.ledger?.close();
});

async function downloadedPdf(click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(os.tmpdir(), `arw-dl-${Date.now()}.pdf`);
  await download.saveAs(file);
  return fs.readFileSync(file);
}

describe('Documents page', () => {
  it('issues a statement and opens its PDF', { timeout: T }, async () => {
    await page.locator('[data-action=issue-statement]').click();
    await page.locator('input[name=customerId]').fill('K01 — 龘䶮鬱 杭州客户');
    await page.locator('[data-action=issue]').click();
    await page.locator('[data-testid=issued-notice]').waitFor();
    const pdf = await downloadedPdf(() => page.locator('[data-action=open-issued-pdf]').click());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect.poll(() => page.locator('.doc-grid').first().textContent()).toContain(`ST-${lastMonth().replace('-', '')}-K01`);
    await page.screenshot({ path: `${SHOTS}/e2e-awaiting.png` });
  });

  it('records the signed copy with a scan', { timeout: T }, async () => {
    await page.locator('[data-tab=register]').click();
    await page.locator('.doc-grid').getByText('ST-').first().click();
    await page.locator('[data-action=sign-back]').click();
    await page.locator('.modal input[name=signedBy]').fill('王会计');
    await page.locator('.modal input[name=scan]').setInputFiles({ name: 'signed.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('[data-action=save-signback]').click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid=paper-panel] .doc-chip').textContent()).toBe('Balance confirmed');
  });

  it('price confirmation by keyboard → signed → invoice and IOU', { timeout: T }, async () => {
    // Started from the customer's page: the editor opens with the customer filled in.
    await page.locator('nav [data-nav=customers]').click();
    await page.getByText('K01').first().click();
    await page.locator('[data-action=new-price-confirmation]').click();
    await expect.poll(() => page.locator('input[name=customerId]').inputValue()).toBe('K01 — 龘䶮鬱 杭州客户');
    await page.locator('input[name="lines.0.item"]').click();
    for (const v of ['螺栓', 'M8', '件', '100', '1.50']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    for (const v of ['角钢', '40×4', 'kg', '10', '6']) {
      await page.keyboard.type(v);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('[data-testid=pc-total]').textContent()).toMatch(/CNY\s*210\.00/);
    await page.locator('input[name=paymentMethod]').fill('银行转账');
    await page.locator('input[name=acceptancePerson]').fill('李工');
    await page.locator('input[name=paymentResponsible]').fill('王会计');
    await page.locator('input[name=acceptanceCriteria]').fill('数量与送货单一致');
    await page.locator('[data-action=create-pc]').click();
    await page.locator('[data-action=pc-sign]').click();
    await page.locator('.modal input[name=signedBy]').fill('张经理');
    await page.locator('[data-action=save-sign]').click();
    await page.locator('[data-action=pc-convert]').click();
    await page.locator('.modal input[name=invoiceNumber]').fill('INV-2');
    await page.locator('[data-action=convert]').click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-testid=issued-notice]').textContent()).toMatch(/IOU-\d{6}-00001/);
    const ledger = await ctx.ledger!.db.selectFrom('documents').select(['number', 'amount']).where('number', '=', 'INV-2').executeTakeFirst();
    expect(ledger).toEqual({ number: 'INV-2', amount: 21000 });
  });

  it('runs the month-end batch to the end', { timeout: T }, async () => {
    await page.locator('[data-tab=month-end]').click();
    await page.locator('[data-action=batch-start]').click();
    await page.locator('[data-testid=batch-progress][data-state=done]').waitFor({ timeout: 90_000 });
    const pdf = await downloadedPdf(() => page.locator('[data-action=batch-open]').click());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: `${SHOTS}/e2e-month-end.png` });
    expect(errors).toEqual([]);
  });
});
