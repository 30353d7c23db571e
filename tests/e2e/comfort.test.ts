/**
 * Everyday comfort in browser mode: the empty customer list says what to do, the tour, global
 * search (Ctrl+K) by customer, invoice number and amount, the shortcuts panel and About.
 * Screenshots go to /tmp/import-shots.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { AppContext } from '../../electron/app/context';
import { APP_VERSION } from '../../electron/app/version';
import { importCsv } from '../../electron/import/import';
import type { WebServer } from '../../electron/web/server';
import { startE2e, type E2e } from './harness';
import { IMPORT_SHOTS_DIR } from './import-wizard';
import { AppFrame } from './pages';

const T = 60_000;

let e2e: E2e;
let ctx: AppContext;
let server: WebServer;
let page: Page;
let app: AppFrame;
let pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: `${IMPORT_SHOTS_DIR}/${name}.png` });

beforeAll(async () => {
  fs.mkdirSync(IMPORT_SHOTS_DIR, { recursive: true });
  e2e = await startE2e({ name: 'comfort' });
  ({ ctx, server, page, app } = e2e);
  pageErrors = e2e.pageErrors;
}, 120_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('everyday comfort', () => {
  it('an empty customer list says what to do, and the tour walks the sections', { timeout: T }, async () => {
    await page.locator('[data-testid=customers-empty]').waitFor();
    expect(await page.locator('[data-testid=customers-empty] [data-action=open-import]').count()).toBe(1);
    await shot('comfort-01-empty-en');
    await page.locator('[data-action=empty-tour]').click();
    await page.locator('[data-testid=tour][data-step=customers]').waitFor();
    await page.locator('[data-action=tour-next]').click();
    await page.locator('[data-testid=tour][data-step=aging]').waitFor();
    expect(page.url()).toContain('#/aging');
    await shot('comfort-02-tour-en');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=tour]').waitFor({ state: 'detached' });
  });

  it('finds customers, invoice numbers and amounts with Ctrl+K and opens the customer', { timeout: T }, async () => {
    const ledger = ctx.ledger!;
    await importCsv(ledger, 'customers', 'code,name,payment_terms_days,credit_limit,currency\nC001,华东五金有限公司,30,0,CNY\nC002,Acme Hardware,30,0,CNY\n', { fileName: 'c.csv' });
    await importCsv(ledger, 'invoices', 'number,customer_code,date,due_date,amount\nINV-1001,C001,2026-01-05,,1234.50\nINV-1002,C002,2026-01-06,,880\n', { fileName: 'i.csv' });
    await app.go('customers');
    await page.keyboard.press('Control+k');
    const box = page.locator('[data-testid=global-search] input');
    await box.fill('1,234.5');
    await page.locator('[data-testid=global-search] [role=option]', { hasText: 'INV-1001' }).waitFor();
    await shot('comfort-03-search-en');
    await box.fill('acme');
    await page.locator('[data-testid=global-search] [role=option]', { hasText: 'Acme Hardware' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=global-search]').waitFor({ state: 'detached' });
    expect(page.url()).toMatch(/#\/customers\/2$/);
  });

  it('lists the shortcuts (?), moves between sections (Alt+3) and shows About, in Chinese too', { timeout: T }, async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Shift+?');
    await page.locator('[data-testid=shortcuts]').waitFor();
    expect(await page.locator('[data-testid=shortcuts]').textContent()).toContain('Ctrl+K');
    await shot('comfort-04-shortcuts-en');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+3'); // the third section of the navigation: Overview, Customers, Aging
    await expect.poll(() => page.url()).toContain('#/aging');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => page.url()).toContain('#/overview');
    await app.setLanguage('zh');
    await page.locator('[data-action=help-menu]').click();
    await page.locator('[data-action=show-about]').click();
    await page.locator('[data-testid=about-version]', { hasText: APP_VERSION }).waitFor();
    await shot('comfort-05-about-zh');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.locator('[data-testid=global-search] input').fill('华东');
    await page.locator('[data-testid=global-search] [role=option]', { hasText: '华东五金有限公司' }).waitFor();
    await shot('comfort-06-search-zh');
    await page.keyboard.press('Escape');
    expect(pageErrors).toEqual([]);
  });
});
