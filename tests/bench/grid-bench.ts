/**
 * Grid and aging workspace speed in browser mode, printed as JSON:
 *   - main: aging-view by customer and by invoice (ms, response bytes);
 *   - Chromium: aging by invoice delivered to the renderer and first painted (ms from the click);
 *     a scripted scroll (frame times); sort, group and search on the open rows; JS heap in use.
 *
 *   npx tsx tests/bench/grid-bench.ts                         builds the 2,000-customer, 500k-invoice,
 *                                                             400k-receipt demo ledger (minutes)
 *   npx tsx tests/bench/grid-bench.ts --receipts 370000       the same with more left open (>100k open)
 *   npx tsx tests/bench/grid-bench.ts --ledger FILE           an existing ledger
 *   --renderer DIR (default out/renderer: npm run build:renderer first), --as-of DATE, --keep
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { addDays } from '../../shared/dates';
import { createContext } from '../../electron/app/context';
import { dispatch } from '../../electron/api/dispatch';
import { openLedger } from '../../electron/db/open';
import { generateDemo } from '../../electron/services/demo';
import { createLedger } from '../../electron/services/ledger';
import { startWebServer } from '../../electron/web/server';

const CHROMIUM = process.env.ARW_CHROMIUM ?? '/usr/bin/chromium';

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, Math.round(performance.now() - t)];
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const pick = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(s.length * q))] * 10) / 10;
  return { frames: s.length, median_ms: pick(0.5), p95_ms: pick(0.95), max_ms: pick(1), over_50ms: s.filter((x) => x > 50).length };
};

/*
 * In-page measurements are plain JavaScript source (the test project has no DOM types, and the
 * page's own clock and animation frames do the timing).
 */

/** Click, then wait until every `ready` selector matches and one more animation frame (the paint). */
const CLICK_UNTIL = `({ click, ready }) => new Promise((resolve, reject) => {
  const el = document.querySelector(click);
  if (!el) return reject(new Error('nothing at ' + click));
  const t0 = performance.now();
  el.click();
  const check = () => {
    if (ready.every((sel) => document.querySelector(sel))) requestAnimationFrame(() => resolve(performance.now() - t0));
    else if (performance.now() - t0 > 60000) reject(new Error('timeout waiting for ' + ready.join(', ')));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/** Scroll the grid by `step` pixels every frame for `frames` frames; the times between frames. */
const SCROLL = `({ axis, step, frames }) => new Promise((resolve) => {
  const el = document.querySelector('.aging-page .xg-scroll');
  const out = [];
  let last = performance.now();
  let n = 0;
  const tick = (now) => {
    out.push(now - last);
    last = now;
    if (axis === 'top') el.scrollTop += step;
    else el.scrollLeft = (el.scrollLeft + step) % Math.max(1, el.scrollWidth - el.clientWidth);
    if (++n < frames) requestAnimationFrame(tick);
    else resolve(out.slice(1));
  };
  requestAnimationFrame(tick);
})`;

/** Time until a selector matches, then a frame. */
const UNTIL = `(sel) => new Promise((resolve) => {
  const t0 = performance.now();
  const check = () => (document.querySelector(sel) ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check));
  check();
})`;

/** Time since window.__t0 until an element's text differs from `before`, then a frame. */
const CHANGED = `({ sel, before }) => new Promise((resolve) => {
  const check = () => {
    const el = document.querySelector(sel);
    if (el && el.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - window.__t0));
    else if (performance.now() - window.__t0 > 60000) resolve(-1);
    else requestAnimationFrame(check);
  };
  check();
})`;

const REQUEST_TIMING = `(() => {
  const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/aging-view')).at(-1);
  return e ? { request_ms: Math.round(e.responseEnd - e.startTime), transfer_bytes: e.transferSize || e.encodedBodySize } : null;
})()`;

/** Call one of the sources above in the page with a JSON argument. */
const inPage = <R>(page: Page, fn: string, arg: unknown) => page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<R>;
const clickUntil = (page: Page, click: string, ready: string[]) => inPage<number>(page, CLICK_UNTIL, { click, ready });
const scripted = (page: Page, axis: 'top' | 'left', step: number, frames: number) => inPage<number[]>(page, SCROLL, { axis, step, frames });
const until = (page: Page, sel: string) => inPage<number>(page, UNTIL, sel);

/** Wait until the summary's chart and metrics of the current as-of date have arrived. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    "document.querySelector('.aging-page .bucket-chart') && document.querySelector('[data-metric=dso] dd') && document.querySelector('[data-metric=dso] dd').textContent !== '…' && !document.querySelector('.aging-page .loading-mark')",
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(500);
}

export interface GridBenchOptions {
  ledger?: string;
  renderer?: string;
  'as-of'?: string;
  receipts?: string;
  keep?: boolean;
}

/** The grid bench as a function: `npm run bench` calls it (`--only grid`), and so does this file run directly. */
export async function benchGrid(values: GridBenchOptions): Promise<Record<string, unknown>> {
  const rendererDir = path.resolve(values.renderer ?? fileURLToPath(new URL('../../out/renderer', import.meta.url)));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir} has no index.html: run npm run build:renderer first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-grid-bench-'));
  let ledgerFile = values.ledger;
  let buildMs = 0;
  if (!ledgerFile) {
    ledgerFile = path.join(dir, 'ledger.arw');
    const receipts = Number(values.receipts ?? 400_000);
    const ledger = await createLedger(ledgerFile, 'Bench Co.', 'CNY');
    [, buildMs] = await timed(() => generateDemo(ledger, { customers: 2_000, invoices: 500_000, receipts, seed: 42 }));
    await ledger.close();
    process.stderr.write(`grid bench: demo ledger built in ${buildMs} ms\n`);
  }
  const probe = await openLedger(ledgerFile);
  const last = (await probe.db.selectFrom('open_items').select((eb) => eb.fn.max('date').as('d')).executeTakeFirst())?.d as string;
  await probe.close();
  const asOf = values['as-of'] ?? last;

  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, 'prefs.json'), JSON.stringify({ language: 'en' }));
  const ctx = await createContext({ mode: 'web', version: 'bench', dataDir, ledgerFile });

  // ---- main process ----
  const main: Record<string, unknown> = {};
  for (const by of ['customer', 'invoice'] as const) {
    await dispatch(ctx, 'aging-view', { asOf, by }); // warm the page cache
    const runs: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const [r, ms] = await timed(() => dispatch(ctx, 'aging-view', { asOf, by }));
      runs.push(ms);
      if (r.ok) {
        const v = r.value as { invoices?: { id: number[] }; rows?: { customer: number[] } };
        rows = v.invoices?.id.length ?? v.rows?.customer.length ?? 0;
        bytes = JSON.stringify(r.value).length;
      }
    }
    main[`aging_view_by_${by}`] = { rows, median_ms: [...runs].sort((a, b) => a - b)[1], runs_ms: runs, response_bytes: bytes };
  }

  // ---- browser ----
  const server = await startWebServer(ctx, { rendererDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--enable-precise-memory-info'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async (gc: boolean) => {
    if (gc) await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { js_heap_used_mb: Math.round(m.JSHeapUsedSize / 1e6), js_heap_total_mb: Math.round(m.JSHeapTotalSize / 1e6), dom_nodes: m.Nodes };
  };
  await page.goto(server.url);
  await page.locator('nav [data-nav=aging]').click();
  await page.locator('input[name=asOf]').fill(asOf);
  await page.locator('.aging-page .xg-body .body-row').first().waitFor({ timeout: 120_000 });
  // The customer view's summary (chart, metrics) settles first: the measured request must not queue behind it.
  await page.locator('.aging-page .bucket-chart').waitFor({ timeout: 120_000 });
  await page.waitForFunction("document.querySelector('[data-metric=dso] dd') && document.querySelector('[data-metric=dso] dd').textContent !== '…'", undefined, { timeout: 120_000 });
  const browserOut: Record<string, unknown> = {};
  const firstPaint = await clickUntil(page, '.segmented label:nth-child(2) input', ['.aging-page [role=columnheader][data-column=number]', '.aging-page .xg-body .body-row [data-column=number]']);
  const request = await page.evaluate(REQUEST_TIMING);
  const rowsShown = await page.locator('.aging-page [data-testid=grid-row-count]').textContent();
  browserOut.aging_by_invoice_first_paint_ms = Math.round(firstPaint);
  browserOut.aging_by_invoice_request = request;
  browserOut.rows = rowsShown;
  // Cold: an as-of date nothing has been computed for yet, typed while the invoice grid is open.
  await settle(page);
  const before = rowsShown;
  await page.evaluate('window.__t0 = performance.now()');
  await page.locator('input[name=asOf]').fill(addDays(asOf, -1));
  browserOut.aging_by_invoice_new_date_first_paint_ms = Math.round(await inPage<number>(page, CHANGED, { sel: '.aging-page [data-testid=grid-row-count]', before }));
  browserOut.aging_by_invoice_new_date_request = await page.evaluate(REQUEST_TIMING);
  browserOut.rows_new_date = await page.locator('.aging-page [data-testid=grid-row-count]').textContent();
  await settle(page); // the summary (trend, metrics) finishes first so it does not disturb the scroll
  browserOut.heap_with_grid_open = await heap(false);
  browserOut.heap_with_grid_open_after_gc = await heap(true);
  browserOut.performance_memory_used_mb = await page.evaluate('Math.round((performance.memory ? performance.memory.usedJSHeapSize : 0) / 1e6)');
  // 300 px a frame is a brisk wheel scroll (about 18,000 px/s); 3,000 px a frame a scrollbar drag.
  browserOut.scroll_vertical = stats(await scripted(page, 'top', 300, 300));
  browserOut.scroll_vertical_fast = stats(await scripted(page, 'top', 3000, 120));
  browserOut.scroll_horizontal = stats(await scripted(page, 'left', 120, 120));
  await page.evaluate("document.querySelector('.aging-page .xg-scroll').scrollTo({ top: 0, left: 0 })");
  browserOut.sort_by_days_ms = Math.round(await clickUntil(page, '.aging-page [role=columnheader][data-column=days] .sort-button', ['.aging-page [role=columnheader][data-column=days][aria-sort]']));
  await page.locator('.aging-page select[name=group-by]').selectOption('salesperson');
  browserOut.group_by_salesperson_ms = Math.round(await until(page, '.aging-page .group-row'));
  browserOut.heap_grouped_after_gc = await heap(true);
  await browser.close();
  await server.close();
  await ctx.ledger?.close();
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dir}\n`);
  return {
    machine: { cpus: os.cpus().length, load_average: os.loadavg().map((x) => Math.round(x * 10) / 10), node: process.version },
    ledger: values.ledger ?? `demo 2000 customers, 500000 invoices, ${values.receipts ?? 400000} receipts`,
    build_ms: buildMs || undefined,
    as_of: asOf,
    main,
    browser: browserOut,
    targets: { first_paint_ms: 1500, frame_ms: 50, renderer_heap_mb: 500 },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      ledger: { type: 'string' },
      renderer: { type: 'string' },
      'as-of': { type: 'string' },
      receipts: { type: 'string' },
      keep: { type: 'boolean' },
    },
  });
  benchGrid(values)
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
