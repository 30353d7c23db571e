/**
 * Printing in browser mode: an issued paper's panel has a Print button beside Open PDF; clicking it
 * loads the PDF into a hidden same-origin frame and calls the browser's print on that frame (the
 * print is stubbed here: headless Chromium has no dialog), with no page error, no download and no
 * new tab. Screenshots of the documents page in both languages go to /tmp/print-shots.
 * Needs the built renderer (npm run build:renderer) and Chromium.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { IssueResult } from '../../shared/api/papers';
import { startE2e, type E2e } from './harness';

const SHOTS = '/tmp/print-shots';
const T = 120_000;
let e2e: E2e;
let paperId = 0;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e({
    name: 'print',
    async seed(ctx) {
      const ok = async (op: string, req: unknown) => {
        const r = await dispatch(ctx, op, req);
        if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
        return r.value as any;
      };
      const c = await ok('customer-create', { code: 'K01', name: '杭州客户 Hangzhou Client', paymentTermsDays: 30, currency: 'CNY', language: 'zh' });
      await ok('invoice-post', { customerId: c.id, number: 'INV-1', date: '2026-03-05', amount: '1234.56' });
      paperId = ((await ok('paper-issue-statement', { customerId: c.id, month: '2026-03' })) as IssueResult).paper.id;
    },
  });
}, T);

afterAll(async () => {
  await e2e?.stop();
});

/**
 * Records calls of print() on the app's print frames instead of opening a dialog, or (refuse)
 * makes them throw as a browser that will not print a frame does.
 */
async function stubFramePrint(refuse = false): Promise<void> {
  await e2e.page.evaluate((refuse) => {
    const w = window as unknown as { __prints: Array<Record<string, unknown>>; __refusePrint: boolean; __stubbed?: boolean };
    w.__prints = [];
    w.__refusePrint = refuse;
    if (w.__stubbed) return;
    w.__stubbed = true;
    const desc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get(this: HTMLIFrameElement) {
        const win = desc.get!.call(this) as Window | null;
        if (win && this.hasAttribute('data-print-frame')) {
          const src = this.src;
          // Same origin (a blob: URL of the app's own origin), so its window is ours to reach into.
          win.print = () => {
            if (w.__refusePrint) throw new DOMException('printing is not allowed', 'NotAllowedError');
            w.__prints.push({ src, type: win.document.contentType });
          };
        }
        return win;
      },
    });
  }, refuse);
}

describe('Print in browser mode', () => {
  it('an issued paper has a Print button beside Open PDF; it prints the PDF through a hidden frame', { timeout: T }, async () => {
    const { page } = e2e;
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    let popups = 0;
    page.context().on('page', () => popups++);

    await page.evaluate((id) => (window.location.hash = `#/documents/register/${id}`), paperId);
    const panel = page.locator('[data-testid=paper-panel]');
    await panel.waitFor();
    const button = panel.locator('[data-action=print-paper]');
    await expect.poll(() => button.textContent()).toBe('Print');
    // Beside Open PDF, in the same row of actions.
    expect(await panel.locator('.doc-actions > button').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(
      expect.arrayContaining(['open-pdf', 'print-paper']),
    );
    const order = await panel.locator('.doc-actions > button').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(order.indexOf('print-paper')).toBe(order.indexOf('open-pdf') + 1);
    await page.screenshot({ path: `${SHOTS}/documents-en.png` });

    await stubFramePrint();
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: unknown[] }).__prints.length), { timeout: 20_000 }).toBe(1);
    const [call] = await page.evaluate(() => (window as unknown as { __prints: Array<{ src: string; type: string }> }).__prints);
    expect(call.src).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    expect(call.type).toBe('application/pdf');

    // The frame is in the page, hidden, showing that PDF.
    const frame = page.locator('iframe[data-print-frame]');
    expect(await frame.count()).toBe(1);
    expect(await frame.getAttribute('src')).toBe(call.src);
    expect(await frame.getAttribute('aria-hidden')).toBe('true');
    const pdfFrame = page.frames().find((f) => f.url() === call.src);
    expect(pdfFrame).toBeDefined();
    expect(await pdfFrame!.evaluate(() => document.contentType)).toBe('application/pdf');

    // No fallback was needed: nothing downloaded, no tab opened, no error shown or thrown.
    await expect.poll(() => button.textContent()).toBe('Print');
    expect(downloads).toEqual([]);
    expect(popups).toBe(0);
    expect(await page.locator('[data-testid=print-error]').count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);

    // A second print replaces the frame rather than piling them up.
    await button.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __prints: unknown[] }).__prints.length), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('iframe[data-print-frame]').count()).toBe(1);
  });

  it('opens the PDF in a tab of its own when the browser will not print the frame', { timeout: T }, async () => {
    const { page } = e2e;
    await stubFramePrint(true);
    const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: 20_000 }), page.locator('[data-testid=paper-panel] [data-action=print-paper]').click()]);
    expect(tab.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
    expect(await page.locator('iframe[data-print-frame]').count()).toBe(0);
    expect(await page.locator('[data-testid=print-error]').count()).toBe(0);
    expect(e2e.pageErrors).toEqual([]);
    await tab.close();
  });

  it('reads 打印 in Chinese', { timeout: T }, async () => {
    const { page, app } = e2e;
    await app.setLanguage('zh');
    const button = page.locator('[data-testid=paper-panel] [data-action=print-paper]');
    await expect.poll(() => button.textContent()).toBe('打印');
    expect(await button.getAttribute('title')).toBe('打开浏览器的打印对话框');
    await page.screenshot({ path: `${SHOTS}/documents-zh.png` });
    await app.setLanguage('en');
    expect(e2e.pageErrors).toEqual([]);
  });
});
