/**
 * What only the desktop shell can do for the API handlers (DesktopHooks, electron/app/context.ts):
 * print a PDF through the operating system's print dialog, and pick a folder.
 *
 * Printing: the bytes go to a private temp file (0600 in a 0700 folder, removed afterwards); a
 * hidden window in its own in-memory session shows it with Chromium's PDF viewer (`plugins`),
 * and `webContents.print({ silent: false })` opens the OS dialog. Electron >= 30 prints the PDF
 * itself rather than a blank page (electron/electron#43309). The window is as locked down as the
 * app's (sandbox, isolation, no preload, no Node, every permission refused, no network) and may
 * only show its own temp file and the PDF viewer's internal frames (isPrintWindowUrl).
 */
import { BrowserWindow, dialog, session, type Session, type WebContents } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesktopHooks } from '../app/context';
import { samePath, setNavigationRule } from './window';

/** Chromium's built-in PDF viewer extension (extension_misc::kPdfExtensionId). */
export const PDF_VIEWER_EXTENSION_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';
/** No "persist:" prefix: the session lives in memory only and is used by print windows alone. */
export const PRINT_PARTITION = 'arw-print';

/**
 * The one rule for a print window's frames, with URLs parsed, never prefix-matched: exactly its
 * temp PDF (any #page fragment), or the PDF viewer extension's own pages and stream (blob:) URLs.
 */
export function isPrintWindowUrl(raw: string, pdfFile: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') {
    try {
      return samePath(fileURLToPath(url), pdfFile);
    } catch {
      return false; // a remote host on POSIX, encoded separators and the like
    }
  }
  if (url.protocol === 'blob:') {
    // blob:chrome-extension://<id>/<uuid>: the viewer's stream of the document it was given.
    return isPdfViewerUrl(url.pathname);
  }
  return isPdfViewerUrl(raw);
}

function isPdfViewerUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'chrome-extension:' && url.hostname === PDF_VIEWER_EXTENSION_ID && url.port === '' && url.username === '' && url.password === '';
}

const lockedSessions = new WeakSet<Session>();

/** The print session refuses every permission, every download and every network request. */
export function lockPrintSession(ses: Session): void {
  if (lockedSessions.has(ses)) return;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // A generated PDF needs no network ('*' is http, https, ws and wss; file: and the viewer are not matched).
  ses.webRequest.onBeforeRequest({ urls: ['*://*/*'] }, (_details, callback) => callback({ cancel: true }));
  ses.on('will-download', (event) => event.preventDefault());
  lockedSessions.add(ses);
}

/** A file name for the print job (the OS shows it in the queue), safe on Windows and macOS. */
export function printFileName(title: string): string {
  let stem = title
    .normalize('NFC')
    .replace(/\.pdf$/i, '')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  if (!stem) stem = 'document';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem)) stem = `_${stem}`;
  return `${stem}.pdf`;
}

export interface DesktopHookDeps {
  /** Where the private temp folders go (default: the OS temp folder). */
  tempDir?: string;
  /** The window the folder picker belongs to. */
  parentWindow?(): BrowserWindow | null;
  /** How long to wait for the PDF viewer to finish loading before printing anyway. */
  readyTimeoutMs?: number;
  log?(level: 'info' | 'error', message: string, detail?: unknown): void;
}

/** Electron's internal event for "the PDF viewer has loaded the document" (not in its typings). */
export const PDF_READY_EVENT = '-pdf-ready-to-print';

/**
 * Resolves once the PDF viewer says the document is loaded (the event Electron's own printing
 * tests wait for; printing earlier gives blank pages), after the timeout, or when the window goes.
 */
function pdfReady(contents: WebContents, timeoutMs: number): Promise<void> {
  const emitter = contents as unknown as NodeJS.EventEmitter;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      emitter.removeListener(PDF_READY_EVENT, done);
      emitter.removeListener('destroyed', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    emitter.once(PDF_READY_EVENT, done);
    emitter.once('destroyed', done);
  });
}

function printContents(contents: WebContents, log: DesktopHookDeps['log']): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (printed: boolean) => {
      if (settled) return;
      settled = true;
      contents.removeListener('destroyed', gone);
      resolve(printed);
    };
    // A window torn down mid-dialog (the app quitting) never calls back.
    const gone = () => settle(false);
    contents.once('destroyed', gone);
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (!success && failureReason !== 'cancelled') log?.('error', 'printing failed', failureReason);
      settle(success);
    });
  });
}

export function createDesktopHooks(deps: DesktopHookDeps = {}): DesktopHooks {
  return {
    async printPdf(pdf, title) {
      const dir = fs.mkdtempSync(path.join(deps.tempDir ?? os.tmpdir(), 'arw-print-')); // 0700
      const file = path.join(dir, printFileName(title));
      let win: BrowserWindow | null = null;
      try {
        fs.writeFileSync(file, pdf, { mode: 0o600, flag: 'wx' });
        lockPrintSession(session.fromPartition(PRINT_PARTITION));
        // Every security preference spelled out (as for the app window), and no preload.
        win = new BrowserWindow({
          show: false,
          width: 900,
          height: 1100,
          title,
          webPreferences: {
            partition: PRINT_PARTITION,
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            nodeIntegrationInWorker: false,
            nodeIntegrationInSubFrames: false,
            webSecurity: true,
            allowRunningInsecureContent: false,
            webviewTag: false,
            experimentalFeatures: false,
            navigateOnDragDrop: false,
            spellcheck: false,
            disableBlinkFeatures: 'Auxclick',
            // Chromium's PDF viewer is a plugin: without it the PDF would be offered as a download.
            plugins: true,
            backgroundThrottling: false,
          },
        });
        const rule = (url: string) => isPrintWindowUrl(url, file);
        setNavigationRule(win.webContents, rule);
        const ready = pdfReady(win.webContents, deps.readyTimeoutMs ?? 15_000);
        await win.loadFile(file);
        await ready;
        return await printContents(win.webContents, deps.log);
      } finally {
        if (win && !win.isDestroyed()) win.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },

    async chooseFolder(title, defaultPath) {
      const options: Electron.OpenDialogOptions = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] };
      const parent = deps.parentWindow?.() ?? null;
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },
  };
}
