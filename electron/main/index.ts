/**
 * The Electron main process: a thin shell around the same services the CLI and browser mode use.
 * One instance, one hardened window, one IPC channel.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, type AppContext } from '../app/context';
import { LedgerError } from '../errors';
import { errorMessage } from '../../shared/i18n/errors';
import { APP_VERSION } from '../app/version';
import { registerIpc } from './ipc';
import { createDesktopHooks } from './print';
import { createMainWindow, hardenSession, hardenWebContents, type AppLocation } from './window';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main once built

export interface NativeBindingInput {
  isPackaged: boolean;
  appPath: string;
  resourcesPath: string;
  arch: string;
  exists(file: string): boolean;
}

/**
 * better-sqlite3 in node_modules is built for Node (tests, CLI, browser mode). Electron has its own
 * ABI, so `npm run rebuild:electron` builds a second copy and we load that one explicitly.
 * Packaged: always the shipped copy (a missing file then fails naming its path). Development: the
 * copy for this CPU if it has been built.
 */
export function nativeBindingPath(input: NativeBindingInput): string | undefined {
  if (input.isPackaged) return path.join(input.resourcesPath, 'native', 'better_sqlite3.node');
  const dev = path.join(input.appPath, 'native', 'electron', input.arch, 'better_sqlite3.node');
  return input.exists(dev) ? dev : undefined;
}

/** Packaged builds always load the bundled page; an env-provided URL is honoured only in development. */
export function appLocation(isPackaged: boolean, devUrl: string | undefined, rendererDir: string): AppLocation {
  if (!isPackaged && devUrl) return { kind: 'dev', url: devUrl };
  return { kind: 'file', indexFile: path.join(rendererDir, 'index.html') };
}

async function start(): Promise<void> {
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();

  const location = appLocation(app.isPackaged, process.env.ELECTRON_RENDERER_URL, path.join(here, '..', 'renderer'));
  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    arch: process.arch,
    exists: (f) => fs.existsSync(f),
  });

  let ctx: AppContext;
  try {
    ctx = await createContext({ mode: 'desktop', version: APP_VERSION, dataDir: app.getPath('userData'), nativeBinding });
  } catch (e) {
    // A LedgerError (e.g. the ledger is locked by another instance) in both languages, never its raw key.
    const detail = e instanceof LedgerError ? `${errorMessage('zh', e.key, e.params)}\n${errorMessage('en', e.key, e.params)}` : e instanceof Error ? e.message : String(e);
    dialog.showErrorBox('AR Workstation', `无法打开账本。\nThe ledger could not be opened.\n\n${detail}`);
    app.quit();
    return;
  }
  if (!nativeBinding) ctx.log('info', 'no Electron build of better-sqlite3 found; run `npm run rebuild:electron`');
  // Printing and the folder picker for the API handlers (browser mode and the CLI have neither).
  ctx.desktop = createDesktopHooks({ parentWindow: () => BrowserWindow.getFocusedWindow(), log: (l, m, d) => ctx.log(l, m, d) });

  const deps = { location, language: () => ctx.prefs.language };
  hardenSession(session.defaultSession, location);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps));
  registerIpc(ipcMain, ctx, location);

  const iconFile = app.isPackaged
    ? path.join(process.resourcesPath, 'resources', 'icon.png')
    : path.join(app.getAppPath(), 'resources', 'icon.png');
  const openWindow = () =>
    createMainWindow({
      location,
      preloadFile: path.join(here, '..', 'preload', 'index.cjs'),
      iconFile: fs.existsSync(iconFile) ? iconFile : undefined,
    });
  let mainWindow = openWindow();

  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    const ledger = ctx.ledger;
    if (!ledger || closing) return;
    closing = true;
    event.preventDefault();
    ctx.ledger = null;
    ledger
      .close()
      .catch((e: unknown) => ctx.log('error', 'closing the ledger failed', e))
      .finally(() => app.quit());
  });
}

export const started: Promise<void> = start().catch((e: unknown) => {
  console.error(e);
  app.exit(1);
});
