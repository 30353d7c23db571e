// Dev harness (not committed): serve a ledger with a renderer build, run a scenario in Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createContext } from '../../electron/app/context';
import { startWebServer } from '../../electron/web/server';

const [ledgerFile, scenario, lang = 'en'] = process.argv.slice(2);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-harness-'));
fs.writeFileSync(path.join(dataDir, 'prefs.json'), JSON.stringify({ language: lang }));
const ctx = await createContext({ mode: 'web', version: 'dev', dataDir, ledgerFile });
const server = await startWebServer(ctx, { rendererDir: process.env.RDIR ?? '/tmp/aging-work/renderer' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'zh' ? 'zh-CN' : 'en-US', acceptDownloads: true });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/#.*$/, '') });
const page = await context.newPage();
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text()); });
try {
  const mod = await import(path.resolve(scenario));
  await mod.default(page, server.url);
} catch (e) {
  console.log('SCENARIO FAILED', e);
  await page.screenshot({ path: '/tmp/aging-work/shots/failure.png' });
} finally {
  await browser.close();
  await server.close();
  await ctx.ledger?.close();
}
