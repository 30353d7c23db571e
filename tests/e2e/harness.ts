/**
 * One set-up for every browser end-to-end test: a fresh data folder and app context, a ledger,
 * the web server over the built renderer, Debian's Chromium driven by playwright-core, a page
 * that records its errors. Each test file calls `startE2e` in beforeAll and `stop` in afterAll.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import { APP_VERSION } from '../../electron/app/version';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { AppFrame } from './pages';

export const RENDERER_DIR = process.env.ARW_RENDERER_DIR ?? fileURLToPath(new URL('../../out/renderer', import.meta.url));
export const CHROMIUM = process.env.ARW_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface E2eOptions {
  /** Prefix of the temporary data folder. */
  name: string;
  /** Runs on the fresh data folder before the app context opens it (ledger files, prefs.json). */
  prepare?(dataDir: string): Promise<void>;
  /** Create a ledger before the page opens (default true). */
  company?: { name: string; currency: string } | false;
  /** Runs with the open context before the server starts: seed data here. */
  seed?(ctx: AppContext): Promise<void>;
  viewport?: { width: number; height: number };
  context?: BrowserContextOptions;
  /** Load the app in the page (default true); false: the test navigates itself (first run and such). */
  open?: boolean;
  /** Wait for the app frame and switch to this language (default 'en'); false: just load the page. */
  language?: 'en' | 'zh' | false;
  /** Playwright's default timeout for the page (default 15 s). */
  timeout?: number;
}

export interface E2e {
  ctx: AppContext;
  server: WebServer;
  browser: Browser;
  page: Page;
  app: AppFrame;
  dataDir: string;
  /** Uncaught errors and console errors of the page; tests assert it stays empty. */
  pageErrors: string[];
  stop(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function startE2e(opts: E2eOptions): Promise<E2e> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) throw new Error(`${RENDERER_DIR} has no index.html: run npm run build:renderer first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `arw-e2e-${opts.name}-`));
  if (opts.prepare) await opts.prepare(dataDir);
  const ctx = await createContext({ mode: 'web', version: APP_VERSION, dataDir });
  const company = opts.company === undefined ? { name: 'Hangzhou Test Trading Co.', currency: 'CNY' } : opts.company;
  if (company) {
    const r = await dispatch(ctx, 'ledger-create', { companyName: company.name, currency: company.currency });
    if (!r.ok) throw new Error(`ledger-create failed: ${JSON.stringify(r.error)}`);
  }
  if (opts.seed) await opts.seed(ctx);
  const server = await startWebServer(ctx, { rendererDir: RENDERER_DIR });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1360, height: 820 }, locale: 'en-US', ...opts.context });
  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeout ?? 15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  const app = new AppFrame(page);
  if (opts.open !== false) await page.goto(server.url);
  const language = opts.language ?? 'en';
  if (opts.open !== false && language) {
    await app.nav('customers').waitFor();
    await app.setLanguage(language);
  }
  return {
    ctx,
    server,
    browser,
    page,
    app,
    dataDir,
    pageErrors,
    async stop() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await ctx.ledger?.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
