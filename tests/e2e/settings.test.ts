/**
 * Settings in browser mode: the whole page in English and Chinese (screenshots to
 * /tmp/settings-shots), the number format changed and a customer's balance shown (and an amount
 * typed) in it, an SMS template edited with its preview and then used by a collections letter,
 * the policies opened in their own dialogs, and the backup folder typed, refused when wrong and
 * then used by "Back up now".
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../../electron/collections/cases';
import { ledgerFolderName } from '../../electron/backup/store';
import { postInvoice } from '../../electron/services/ledger';
import { addDays, todayIso } from '../../shared/dates';
import { addCustomer, tempDir } from '../helpers';
import { startE2e, type E2e } from './harness';
import { CustomerDetailPage } from './pages';

const SHOTS = '/tmp/settings-shots';
const T = 90_000;
const today = todayIso();

let e: E2e;
let customerId = 0;
let caseId = 0;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e = await startE2e({
    name: 'settings',
    viewport: { width: 1440, height: 900 },
    async seed(ctx) {
      const ledger = ctx.ledger!;
      customerId = (
        await addCustomer(ledger, 'C001', {
          name: '宁波远景五金有限公司',
          contacts: {
            original: { name: '', phone: '', email: '', address: '' },
            finance: { name: '王芳', phone: '0574-1234 5678', email: 'ap@yuanjing.example.com', address: '' },
            decision: { name: '', phone: '', email: '', address: '' },
          },
        })
      ).id;
      await addCustomer(ledger, 'C002', { name: 'Harbour Tools Ltd', language: 'en' });
      await postInvoice(ledger.db, { customerId, number: 'INV-2401', date: addDays(today, -75), dueDate: addDays(today, -45), amount: '1234567.80' });
      await postInvoice(ledger.db, { customerId, number: 'INV-2402', date: addDays(today, -20), dueDate: addDays(today, 3), amount: '500.00' });
      caseId = await openCase(ledger.db, customerId, { date: today });
    },
  });
}, 120_000);

afterAll(async () => {
  await e?.stop();
});

/** The whole page: the app scrolls inside its content pane, so the window is made as tall as the page for the picture. */
async function shot(name: string): Promise<void> {
  const { page } = e;
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => {
    const main = document.querySelector('main.content');
    return main ? main.scrollHeight + main.getBoundingClientRect().top : document.documentElement.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(height)) });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}

describe('settings in browser mode', () => {
  it('shows every card, in English and in Chinese', { timeout: T }, async () => {
    const { page, app } = e;
    await app.go('settings');
    for (const id of ['settings-general', 'settings-aging', 'settings-credit', 'settings-letters', 'settings-backup-folder', 'import-card']) await page.locator(`[data-testid=${id}]`).waitFor();
    await page.locator('[data-section=integrity]').waitFor();
    await page.locator('[data-testid=template-preview]', { hasText: 'a reminder from Hangzhou Test Trading Co.' }).waitFor();
    expect(await page.locator('[data-testid=base-currency] [data-locked=true]').getAttribute('data-base-currency')).toBe('CNY');
    expect(await page.locator('[data-testid=demand-note]').textContent()).toContain('demand letter');
    await shot('settings-en');
    for (const id of ['settings-general', 'settings-letters']) await page.locator(`[data-testid=${id}]`).screenshot({ path: path.join(SHOTS, `card-${id}-en.png`) });
    await app.setLanguage('zh');
    await page.locator('[data-testid=demand-note]', { hasText: '催款函' }).waitFor();
    // The letters follow the interface language until one is picked: the Chinese SMS, previewed.
    await page.locator('[data-testid=template-preview]', { hasText: '提醒：贵司发票' }).waitFor();
    await shot('settings-zh');
    await app.setLanguage('en');
  });

  it('shows a customer balance in the chosen number format and reads amounts typed in it', { timeout: T }, async () => {
    const { page, app } = e;
    await app.go('settings');
    await page.locator('[data-testid=number-format] [data-format=point_comma]').click();
    await page.locator('[data-testid=number-format] [data-format=point_comma].on').waitFor();
    await expect.poll(() => page.locator('[data-testid=number-sample]').textContent()).toContain('1.234.567,89');
    // The customer page shows the balance in the new format.
    await page.evaluate((id) => (window.location.hash = `#/customers/${id}`), customerId);
    const detail = new CustomerDetailPage(page);
    await expect.poll(() => detail.kpi('balance').textContent()).toBe('1.235.067,80');
    // An amount typed the same way is read the same way.
    await detail.openPayment('receipt');
    await detail.fillPayment({ reference: 'RC-1', date: today, amount: '1.000,50', appliesTo: 'INV-2401' });
    await detail.submitDialog('post-payment');
    await detail.dialog().waitFor({ state: 'detached' });
    await expect.poll(() => detail.kpi('balance').textContent()).toBe('1.234.067,30');
    await shot('customer-point-comma');
    // Text that is no amount in this format is refused, and the hint shows the format.
    await detail.openPayment('receipt');
    await detail.fillPayment({ reference: 'RC-2', date: today, amount: '1,000.50' });
    await detail.submitDialog('post-payment');
    await expect.poll(() => detail.fieldError('amount').textContent()).toBe('Enter an amount like 1234,50');
    await detail.dialog().locator('.modal-close').click();
    // And the customers grid.
    await app.go('customers');
    await expect.poll(() => page.locator('[role=grid] [role=row]', { hasText: 'C001' }).textContent()).toContain('1.234.067,30');
    // Back to the language's format.
    await app.go('settings');
    await page.locator('[data-testid=number-format] [data-format=auto]').click();
    await expect.poll(() => page.locator('[data-testid=number-sample]').textContent()).toContain('1,234,567.89');
  });

  it('edits the SMS template with a live preview, refuses an unknown placeholder, and the letter uses it', { timeout: T }, async () => {
    const { page, app } = e;
    await app.go('settings');
    const card = page.locator('[data-testid=settings-letters]');
    await card.locator('label:has(input[name=template-language][value=zh])').click();
    await card.locator('select[name=template-kind]').selectOption('sms_overdue');
    await card.locator('select[name=preview-customer]').selectOption(String(customerId));
    const text = card.locator('textarea[name=template-text]');
    await text.fill('{contact}您好，{company}提醒：贵司欠款 {amount}（发票 {invoices}），最长逾期 {days_overdue} 天，请于 {deadline} 前付清。{custmer}');
    await card.locator('[data-error-for=template-text]', { hasText: '{custmer}' }).waitFor();
    expect(await card.locator('[data-action=save-template]').isDisabled()).toBe(true);
    await text.fill('{contact}您好，{company}提醒：贵司欠款 {amount}（发票 {invoices}），最长逾期 {days_overdue} 天，请于 {deadline} 前付清。');
    await card.locator('[data-placeholder=customer_code]').click(); // inserted at the caret (the end)
    const preview = card.locator('[data-testid=template-preview]');
    await expect.poll(() => preview.textContent()).toContain('王芳您好，Hangzhou Test Trading Co.提醒：贵司欠款 CNY 1,234,067.30');
    expect(await preview.textContent()).toContain(`最长逾期 45 天，请于 ${addDays(today, 7)} 前付清。C001`);
    await card.locator('[data-action=save-template]').click();
    await card.locator('[data-template-state=custom]').waitFor();
    await shot('settings-template-saved');

    // The collections letter's SMS now has this wording.
    await page.evaluate((id) => (window.location.hash = `#/collections/cases/${id}`), caseId);
    await page.locator('.coll-toolbar [data-action=next-letter]').click();
    const dialog = page.locator('[role=dialog]');
    await dialog.locator('select[name=step]').selectOption('sms');
    await dialog.locator('select[name=language]').selectOption('zh');
    await dialog.locator('[data-action=generate-letter]').click();
    const sms = dialog.locator('.coll-letter textarea');
    await sms.waitFor();
    expect(await sms.inputValue()).toBe(`王芳您好，Hangzhou Test Trading Co.提醒：贵司欠款 CNY 1,234,067.30（发票 INV-2401, INV-2402），最长逾期 45 天，请于 ${addDays(today, 7)} 前付清。C001`);
    await dialog.locator('.modal-close').click();

    // Restore the default: the built-in wording is back.
    await app.go('settings');
    await card.locator('label:has(input[name=template-language][value=zh])').click();
    await card.locator('[data-action=restore-template]').click();
    await card.locator('[data-template-state=default]').waitFor();
    expect(await text.inputValue()).toContain('已于 {due_date} 起到期未付');
  });

  it('opens the aging and credit policies in their own dialogs', { timeout: T }, async () => {
    const { page, app } = e;
    await app.go('settings');
    await page.locator('[data-action=edit-aging-settings]').click();
    await page.locator('[role=dialog] input[name=bucketBounds]').waitFor();
    await page.locator('[role=dialog] input[name=classBound0]').fill('60');
    await page.locator('[role=dialog] [data-action=save-aging-settings]').click();
    await page.locator('[role=dialog]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=settings-aging] .class-doubtful', { hasText: '61' }).waitFor();
    await page.locator('[data-action=edit-credit-settings]').click();
    await page.locator('[role=dialog] input[name="grades.A"]').waitFor();
    await shot('settings-credit-dialog');
    await page.locator('[role=dialog] .modal-close').click();
    await page.locator('[role=dialog]').waitFor({ state: 'detached' });
  });

  it('refuses a wrong backup folder in the user’s language, then backs up into the one typed', { timeout: T }, async () => {
    const { page, app, ctx } = e;
    await app.go('settings');
    const card = page.locator('[data-testid=settings-backup-folder]');
    expect(await card.locator('[data-action=choose-backup-folder]').count()).toBe(0); // browser mode: no picker
    await card.locator('input[name=folder]').fill('backups/relative');
    await card.locator('[data-action=use-backup-folder]').click();
    await card.locator('[data-error-for=folder]', { hasText: 'is not a full folder path' }).waitFor();
    const file = path.join(tempDir('arw-e2e-bf-'), 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    await app.setLanguage('zh');
    await card.locator('input[name=folder]').fill(file);
    await card.locator('[data-action=use-backup-folder]').click();
    await card.locator('[data-error-for=folder]', { hasText: '是文件，不是文件夹' }).waitFor();
    await app.setLanguage('en');

    const chosen = path.join(tempDir('arw-e2e-bf-'), 'OneDrive', 'AR backups');
    fs.mkdirSync(chosen, { recursive: true });
    await card.locator('input[name=folder]').fill(chosen);
    await card.locator('[data-action=use-backup-folder]').click();
    const target = path.join(chosen, ledgerFolderName(ctx.ledger!.file));
    await expect.poll(() => card.locator('[data-testid=backup-folder]').textContent()).toBe(target);
    await card.locator('[data-warning=backup-location]', { hasText: 'OneDrive' }).waitFor();
    // Data safety lists that folder and backs up into it.
    await expect.poll(() => page.locator('[data-section=integrity] code').first().textContent()).not.toBe('');
    await page.locator('[data-section=integrity] [data-action=backup-now]').click();
    await page.locator('[data-section=integrity] [data-table=backups] tr[data-backup]').first().waitFor();
    const listed = await page.locator('[data-section=integrity] [data-table=backups] tr[data-backup]').first().getAttribute('data-backup');
    expect(fs.existsSync(path.join(target, listed!))).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await shot('settings-backup-folder');
    expect(e.pageErrors).toEqual([]);
  });
});
