/// <reference lib="dom" />
/**
 * The aging workspace and its grid end to end in browser mode: the real server in this process on
 * a demo ledger, Chromium driving the built renderer (`npm run build:renderer` first, or set
 * ARW_RENDERER_DIR). Figures on screen are checked against the services (themselves held to
 * `arw aging` by tests/aging). Screenshots go to /tmp/aging-shots.
 */
import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSES } from '../../shared/aging-workspace/settings';
import { formatMoney, toDecimalString } from '../../shared/money';
import type { AppContext } from '../../electron/app/context';
import { invoiceDrill } from '../../electron/services/aging-drill';
import { agingView } from '../../electron/services/aging-view';
import { generateDemo } from '../../electron/services/demo';
import { createLedger } from '../../electron/services/ledger';
import type { WebServer } from '../../electron/web/server';
import { startE2e, type E2e } from './harness';
import { AgingWorkspace, GridModel } from './aging-model';

const SHOTS = '/tmp/aging-shots';
const AS_OF = '2026-10-31';
const T = 90_000;

let e2e: E2e;
let ctx: AppContext;
let server: WebServer;
let context: BrowserContext;
let page: Page;
let ws: AgingWorkspace;
let pageErrors: string[] = [];

const money = (n: number) => formatMoney(n, 2);
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2e({
    name: 'aging',
    company: false,
    open: false,
    viewport: { width: 1440, height: 900 },
    context: { acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] },
    timeout: 20_000,
    async prepare(dir) {
      const ledger = await createLedger(path.join(dir, 'ledger.arw'), '示例贸易有限公司 Demo Trading Co.', 'CNY');
      await generateDemo(ledger, { customers: 60, invoices: 3000, seed: 11, endDate: AS_OF });
      await ledger.close();
      fs.writeFileSync(path.join(dir, 'prefs.json'), JSON.stringify({ language: 'en' }));
    },
  });
  ({ ctx, server, page } = e2e);
  context = page.context();
  pageErrors = e2e.pageErrors;
  ws = new AgingWorkspace(page);
  await page.goto(server.url);
  await page.locator('nav [data-nav=aging]').click();
  await ws.setAsOf(AS_OF);
  await ws.grid().bodyRows().first().waitFor();
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

describe('aging workspace in the browser', () => {
  it('shows every customer with the figures of the aging service, totals and the summary', { timeout: T }, async () => {
    const view = await agingView(ctx.ledger!.db, AS_OF, 'customer');
    const rows = view.rows!;
    const grid = ws.grid();
    await expect.poll(() => grid.rowCount().textContent()).toBe(`${rows.customer.length} rows`);
    const first = grid.bodyRows().first();
    expect(await grid.cellText(first, 'code')).toBe(view.customers.code[rows.customer[0]]);
    for (let b = 0; b < 6; b++) expect(await grid.cellText(first, `b${b}`)).toBe(rows.buckets[b][0] ? money(rows.buckets[b][0]) : '');
    for (let b = 0; b < 8; b++) expect(await grid.totalOf(`b${b}`)).toBe(money(view.summary.bucketTotals[b]));
    expect(await ws.page.locator('[data-testid=summary-total]').textContent()).toBe(money(view.summary.total));
    for (const c of view.summary.classes) {
      expect(await ws.classCount(c.cls).textContent()).toBe(String(c.count));
      expect(await ws.classAmount(c.cls).textContent()).toBe(money(c.amount));
    }
    expect(await page.locator('[data-testid=provision-total] td').last().textContent()).toBe(money(view.summary.recovery.provision));
    await expect.poll(() => page.locator('.bucket-chart [data-bucket]').count()).toBe(8);
    await expect.poll(() => page.locator('[data-metric=dso] dd').textContent()).toMatch(/^\d+\.\d days$|^n\/a$/);
    await shot('aging-en');
  });

  it('groups by salesperson with subtotals that add up', { timeout: T }, async () => {
    const view = await agingView(ctx.ledger!.db, AS_OF, 'customer');
    const rows = view.rows!;
    const expected = new Map<string, { count: number; total: number }>();
    rows.customer.forEach((k, i) => {
      const sp = view.customers.salesperson[k];
      const e = expected.get(sp) ?? { count: 0, total: 0 };
      e.count++;
      e.total += rows.total[i];
      expected.set(sp, e);
    });
    const grid = ws.grid();
    await grid.groupBy('salesperson');
    await expect.poll(() => grid.groupRows().count()).toBeGreaterThan(1);
    const group = grid.groupRows().first();
    const label = (await group.locator('.xg-group-label').textContent()) ?? '';
    const sp = [...expected.keys()].find((name) => label.includes(`: ${name}`))!;
    expect(sp, label).toBeDefined();
    expect(await group.locator('.xg-group-count').textContent()).toBe(String(expected.get(sp)!.count));
    expect(await group.locator('[data-column=total]').textContent()).toBe(money(expected.get(sp)!.total));
    await shot('grid-grouped-en');
    await page.locator('[data-chip=group-salesperson] button').click();
    await expect.poll(() => grid.groupRows().count()).toBe(0);
  });

  it('filters by amount range, by a set of values and by text, with a chip to clear', { timeout: T }, async () => {
    const view = await agingView(ctx.ledger!.db, AS_OF, 'customer');
    const rows = view.rows!;
    const grid = ws.grid();
    const over = rows.total.filter((x) => x >= 100_000_00).length;
    let menu = await grid.openMenu('total');
    await menu.locator('input[name=filter-total-min]').fill('100000');
    await grid.closeMenu();
    await expect.poll(() => grid.rowCount().textContent()).toBe(`${over} of ${rows.customer.length} rows`);
    const sum = rows.total.filter((x) => x >= 100_000_00).reduce((a, b) => a + b, 0);
    expect(await grid.totalOf('total')).toBe(money(sum));
    await shot('grid-filter-en');
    await page.locator('[data-chip=filter-total] button').click();
    await expect.poll(() => grid.rowCount().textContent()).toBe(`${rows.customer.length} rows`);

    const people = [...new Set(view.customers.salesperson)].sort();
    menu = await grid.openMenu('salesperson');
    await menu.getByRole('button', { name: /None/ }).click();
    await menu.locator(`input[name=filter-salesperson-value][value="${people[0]}"]`).check();
    await grid.closeMenu();
    const mine = rows.customer.filter((k) => view.customers.salesperson[k] === people[0]).length;
    await expect.poll(() => grid.rowCount().textContent()).toBe(`${mine} of ${rows.customer.length} rows`);
    await page.locator('[data-chip=filter-salesperson] button').click();
    await grid.scrollTo({ left: 0 });

    const code = view.customers.code[rows.customer[3]];
    menu = await grid.openMenu('code');
    await menu.locator('input[name=filter-code]').fill(code);
    await grid.closeMenu();
    await expect.poll(() => grid.bodyRows().count()).toBe(1);
    await page.locator('[data-chip=filter-code] button').click();
    await grid.search(view.customers.name[rows.customer[5]]);
    await expect.poll(() => grid.cellText(grid.bodyRows().first(), 'code')).toBe(view.customers.code[rows.customer[5]]);
    await grid.search('');
  });

  it('selects a range with the keyboard and copies it as TSV with plain numbers', { timeout: T }, async () => {
    const view = await agingView(ctx.ledger!.db, AS_OF, 'customer');
    const rows = view.rows!;
    const grid = ws.grid();
    await grid.bodyRows().first().locator('[data-column=b0]').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => grid.grid().locator('[aria-selected=true]').count()).toBe(6);
    await expect.poll(() => grid.status().textContent()).toContain('Selected 6 cells');
    await shot('grid-selection-en');
    await page.keyboard.press('Control+c');
    const tsv = (await page.evaluate('navigator.clipboard.readText()')) as string;
    const plain = (n: number) => (n === 0 ? '0.00' : toDecimalString(n, 2));
    expect(tsv).toBe([0, 1, 2].map((i) => `${plain(rows.buckets[0][i])}\t${plain(rows.buckets[1][i])}`).join('\r\n'));
    expect(tsv).not.toContain(',');

    // Page down, End and Ctrl+Home move the active cell; Ctrl+A selects everything.
    const active = () => grid.grid().getAttribute('aria-activedescendant');
    await page.keyboard.press('PageDown');
    expect(await active()).toMatch(/-(1[0-9]|2[0-9])-3$/);
    await page.keyboard.press('End');
    const cols = Number(await grid.grid().getAttribute('aria-colcount'));
    expect(await active()).toMatch(new RegExp(`-\\d+-${cols - 1}$`));
    await page.keyboard.press('Control+Home');
    expect(await active()).toMatch(/-0-0$/);
    await page.keyboard.press('Control+a');
    await expect.poll(() => grid.status().textContent()).toContain(`Selected ${rows.customer.length * cols} cells`);
    await page.keyboard.press('Control+c');
    const all = ((await page.evaluate('navigator.clipboard.readText()')) as string).split('\r\n');
    expect(all.length).toBe(rows.customer.length + 1); // header row with whole columns
    expect(all[0].split('\t')[0]).toBe('Code');
  });

  it('exports the view to XLSX (numbers, dates, neutralised text) and to CSV with a BOM', { timeout: T }, async () => {
    const view = await agingView(ctx.ledger!.db, AS_OF, 'customer');
    const n = view.rows!.customer.length;
    const grid = ws.grid();
    const xlsx = await grid.exportAs('xlsx');
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const files = unzipSync(new Uint8Array(fs.readFileSync(await xlsx.path())));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet.match(/<row /g)?.length).toBe(n + 2); // header, rows, totals
    expect(sheet).toContain(`<v>${toDecimalString(view.summary.total, 2)}</v>`);
    // Column C is the first bucket: an amount cell with its two-digit number format.
    expect(sheet).toContain(`<c r="C2" s="2"><v>${toDecimalString(view.rows!.buckets[0][0], 2)}</v></c>`);
    const csv = await grid.exportAs('csv');
    const text = fs.readFileSync(await csv.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines.length).toBe(n + 2);
    expect(lines[0].startsWith('Code,Customer,')).toBe(true);
    expect(lines.at(-1)).toContain(toDecimalString(view.summary.total, 2));
  });

  it('remembers hidden, pinned and resized columns across a reload, and resets them', { timeout: T }, async () => {
    const grid = ws.grid();
    const menu = await grid.openMenu('b1');
    await menu.locator('[data-action=hide]').click();
    await expect.poll(() => grid.header('b1').count()).toBe(0);
    const before = (await grid.header('b2').boundingBox())!.width;
    const handle = grid.header('b2').locator('.xg-resizer');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + 63, box.y + 10, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await grid.header('b2').boundingBox())!.width)).toBe(Math.round(before + 60));
    await page.reload();
    await page.locator('nav [data-nav=aging]').click();
    await ws.grid().bodyRows().first().waitFor();
    expect(await ws.grid().header('b1').count()).toBe(0);
    expect(Math.round((await ws.grid().header('b2').boundingBox())!.width)).toBe(Math.round(before + 60));
    await ws.grid().root.locator('[data-action=grid-columns]').click();
    await page.locator('.xg-popover [data-action=reset-layout]').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => ws.grid().header('b1').count()).toBe(1);
    await ws.setAsOf(AS_OF);
  });

  it('finds the oldest debts by invoice, drills into allocations and records a class by hand', { timeout: T }, async () => {
    await ws.setAsOf(AS_OF);
    await ws.by('invoice');
    const grid = ws.grid();
    await grid.header('number').waitFor();
    const view = await agingView(ctx.ledger!.db, AS_OF, 'invoice');
    const inv = view.invoices!;
    await expect.poll(() => grid.rowCount().textContent()).toBe(`${inv.id.length} rows`);
    // Virtualized: far fewer rows and columns in the DOM than in the view.
    expect(await grid.bodyRows().count()).toBeLessThan(80);
    expect(await grid.headers().count()).toBeLessThan(Number(await grid.grid().getAttribute('aria-colcount')));
    await grid.header('days').locator('.sort-button').click();
    const oldest = Math.max(...inv.days);
    await expect.poll(() => grid.cellText(grid.bodyRows().first(), 'days')).toBe(String(oldest));

    // Sort by open amount as well (shift+click) and check the order on screen.
    await grid.header('open').locator('.sort-button').click({ modifiers: ['Shift'] });
    expect(await grid.header('days').getAttribute('aria-sort')).toBe('descending');

    const row = grid.bodyRows().first();
    const number = await grid.cellText(row, 'number');
    const id = inv.id[inv.number.indexOf(number)];
    await row.dblclick();
    await ws.drawer().locator('h2').waitFor();
    const drill = await invoiceDrill(ctx.ledger!.db, id, AS_OF);
    expect(drill.invoice.cls).toBe('dead'); // the oldest debt
    expect(await ws.drawer().locator('[data-testid=drill-open]').textContent()).toContain(money(drill.invoice.open));
    expect(await ws.drawer().locator('[data-allocation]').count()).toBe(drill.allocations.length);
    const before = view.summary.classes.find((c) => c.cls === 'collecting')!.count;
    await ws.drawer().locator('select[name=overrideClass]').selectOption('collecting');
    await ws.drawer().locator('[data-action=record-class]').click();
    await expect.poll(() => ws.drawer().locator('[data-error-for=overrideReason]').count()).toBe(1);
    await ws.drawer().locator('textarea[name=overrideReason]').fill('Customer promised to pay on 15 November');
    await ws.drawer().locator('[data-action=record-class]').click();
    await expect.poll(() => ws.drawer().locator('.override-history li').count()).toBe(1);
    await expect.poll(() => ws.classCount('collecting').textContent()).toBe(String(before + 1));
    const dead = view.summary.classes[CLASSES.indexOf('dead')].count;
    expect(await ws.classCount('dead').textContent()).toBe(String(dead - 1));
    await shot('drawer-en');
    await page.keyboard.press('Escape');
    await expect.poll(() => ws.drawer().count()).toBe(0);
  });

  it('drills from a customer to its invoices and back', { timeout: T }, async () => {
    await ws.by('customer');
    const grid = ws.grid();
    await grid.header('b7').waitFor();
    const view = await agingView(ctx.ledger!.db, AS_OF, 'customer');
    const k = view.rows!.customer[2];
    const code = view.customers.code[k];
    await grid.bodyRows().nth(2).dblclick();
    await expect.poll(() => ws.crumb().textContent()).toContain(code);
    const one = await agingView(ctx.ledger!.db, AS_OF, 'invoice', view.customers.id[k]);
    await expect.poll(() => grid.rowCount().textContent()).toBe(`${one.invoices!.id.length} rows`);
    expect(await grid.totalOf('open')).toBe(money(view.rows!.total[2]));
    await page.locator('[data-action=all-customers]').click();
    await expect.poll(() => grid.rowCount().textContent()).toBe(`${view.rows!.customer.length} rows`);
  });

  it('speaks Chinese: bucket and class names, the comparison of two dates', { timeout: T }, async () => {
    await page.locator('[data-testid=language-switch]').selectOption('zh');
    await page.locator('html[lang=zh-CN]').waitFor();
    const grid = ws.grid();
    await expect.poll(() => grid.header('b2').textContent()).toBe('31–60 天');
    expect(await grid.header('b7').textContent()).toBe('730 天以上');
    expect(await page.locator('[data-class-row=doubtful] .class-badge').textContent()).toBe('准呆账');
    expect(await page.locator('[data-class-row=dead] .class-badge').textContent()).toBe('死账');
    await shot('aging-zh');
    await grid.groupBy('salesperson');
    await expect.poll(() => grid.groupRows().first().locator('.xg-group-label').textContent()).toMatch(/^▾业务员：/);
    await shot('grid-grouped-zh');
    await page.locator('[data-chip=group-salesperson] button').click();
    await page.locator('[data-action=compare]').click();
    await page.locator('input[name=compareA]').fill('2026-09-30');
    await page.locator('input[name=compareB]').fill(AS_OF);
    const a = await agingView(ctx.ledger!.db, '2026-09-30', 'customer');
    const b = await agingView(ctx.ledger!.db, AS_OF, 'customer');
    const table = page.locator('[data-testid=compare-buckets]');
    await expect.poll(() => table.locator('tbody tr').first().locator('td').last().textContent()).toBe(money(a.summary.total));
    expect(await table.locator('tbody tr').nth(1).locator('td').last().textContent()).toBe(money(b.summary.total));
    expect(await table.locator('tbody tr').nth(2).locator('td').last().textContent()).toBe(money(b.summary.total - a.summary.total));
    await shot('compare-zh');
    await page.locator('[data-action=compare]').click();
    await page.locator('[data-testid=language-switch]').selectOption('en');
    expect(pageErrors).toEqual([]);
  });
});
