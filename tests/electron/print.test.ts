/**
 * Printing in the desktop shell, against the fake 'electron' module: the real main process boots on
 * a ledger with an issued statement, the app page asks for 'paper-print' over IPC, and the test
 * plays the OS print dialog. Checks the hidden print window's lock-down, its navigation rule, the
 * private temp file's life, and the folder picker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, defaultLedgerFile } from '../../electron/app/context';
import { FakeBrowserWindow, FakeFrame, FakeWebContents, fakeEvent, reset, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';
let userData: string;
let tempRoot: string;
let main: typeof import('../../electron/main/index');
let print: typeof import('../../electron/main/print');
let appUrl: string;
let paperId: number;
let storedPdf: Buffer;

const invoke = (...args: unknown[]) => state.ipcMain.invokeFrom(new FakeFrame(appUrl), 'arw:invoke', ...args) as Promise<{ ok: boolean; value?: any; error?: any }>;
const mainWindow = () => FakeBrowserWindow.all[0];
const printWindows = () => FakeBrowserWindow.all.filter((w) => w.options.webPreferences?.partition === print.PRINT_PARTITION);

interface Seen {
  file: string;
  dir: string;
  bytes: Buffer;
  fileMode: number;
  dirMode: number;
}

/** Records the temp file as the print window starts loading it. */
function watchLoads(): Seen[] {
  const seen: Seen[] = [];
  state.onLoadFile = (_win, file) => {
    seen.push({ file, dir: path.dirname(file), bytes: fs.readFileSync(file), fileMode: fs.statSync(file).mode & 0o777, dirMode: fs.statSync(path.dirname(file)).mode & 0o777 });
  };
  return seen;
}

function printAudit(): Array<{ action: string; entity: string; entity_id: string; actor: string; after_json: string }> {
  const db = new Database(defaultLedgerFile(userData), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("select action, entity, entity_id, actor, after_json from audit_log where action like '%print%' order by id").all() as never;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  reset();
  delete process.env.ELECTRON_RENDERER_URL;
  process.env.ARW_USER = 'li.na';
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-print-shell-'));
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-print-tmp-'));
  // A ledger with one issued statement, made the way browser mode would, then closed for the app.
  const seed = await createContext({ mode: 'web', version: 'test', dataDir: userData });
  const ok = async (op: string, req: unknown) => {
    const r = await dispatch(seed, op, req);
    if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
    return r.value as any;
  };
  await ok('ledger-create', { companyName: 'Print Test Co.', currency: 'CNY' });
  const c = await ok('customer-create', { code: 'P1', name: '打印客户', paymentTermsDays: 30, currency: 'CNY', language: 'zh' });
  await ok('invoice-post', { customerId: c.id, number: 'INV-1', date: '2026-03-03', amount: '88.80' });
  paperId = (await ok('paper-issue-statement', { customerId: c.id, month: '2026-03' })).paper.id;
  storedPdf = Buffer.from((await ok('paper-pdf', { id: paperId })).base64, 'base64');
  await seed.ledger!.close();

  state.app.userData = userData;
  state.app.appPath = userData;
  main = await import('../../electron/main/index');
  print = await import('../../electron/main/print');
  state.app.makeReady();
  await main.started;
  appUrl = pathToFileURL(mainWindow().loaded.file!).href;
});

afterAll(() => {
  delete process.env.ARW_USER;
  fs.rmSync(userData, { recursive: true, force: true });
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

describe('paper-print in the desktop app', () => {
  it('prints the stored PDF through a hidden, locked-down window and the OS dialog, then cleans up', async () => {
    const seen = watchLoads();
    let atPrint: { exists: boolean; ready: boolean } | null = null;
    state.onPrint = (call) => {
      atPrint = { exists: fs.existsSync(seen[0].file), ready: call.contents.mainFrame.url === pathToFileURL(seen[0].file).href };
      return { success: true };
    };
    const before = FakeBrowserWindow.all.length;
    const res = await invoke('paper-print', { kind: 'paper', id: paperId });
    expect(res).toEqual({ ok: true, value: { printed: true } });

    // One new window: hidden, sandboxed, isolated, no preload, no Node, the PDF plugin on.
    expect(FakeBrowserWindow.all.length).toBe(before + 1);
    const win = FakeBrowserWindow.all[before];
    expect(win.options.show).toBe(false);
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: true,
      partition: 'arw-print',
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload).toBeUndefined();
    expect(String(prefs.partition).startsWith('persist:')).toBe(false); // in memory only

    // It loaded the exact stored bytes from a private temp file named after the paper.
    expect(seen).toHaveLength(1);
    expect(win.loaded.file).toBe(seen[0].file);
    expect(path.basename(seen[0].file)).toMatch(/^ST-202603-P1\.pdf$/);
    expect(seen[0].bytes.equals(storedPdf)).toBe(true);
    if (process.platform !== 'win32') {
      expect(seen[0].fileMode).toBe(0o600);
      expect(seen[0].dirMode).toBe(0o700);
    }

    // The OS dialog (silent: false) was shown once the PDF was loaded; the file existed then.
    expect(state.printCalls).toHaveLength(1);
    expect(state.printCalls[0].options).toEqual({ silent: false, printBackground: true });
    expect(state.printCalls[0].contents).toBe(win.webContents);
    expect(atPrint).toEqual({ exists: true, ready: true });

    // Afterwards: window gone, temp file and its folder gone, the print in the audit log.
    expect(win.destroyed).toBe(true);
    expect(fs.existsSync(seen[0].dir)).toBe(false);
    const audit = printAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'paper.print', entity: 'paper', entity_id: String(paperId), actor: 'li.na' });
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ fileName: 'ST-202603-P1.pdf' });
  });

  it('its session refuses every permission, download and network request', () => {
    const ses = state.partitions.get('arw-print')!;
    expect(ses).toBeDefined();
    expect(ses).not.toBe(state.session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal']) {
      const answers: boolean[] = [];
      ses.permissionRequestHandler!(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(ses.permissionCheckHandler!(null, permission, 'file:///x.pdf', {})).toBe(false);
    }
    expect(ses.devicePermissionHandler!({})).toBe(false);
    expect(ses.beforeRequest!.filter.urls).toEqual(['*://*/*']);
    let response: { cancel?: boolean } = {};
    ses.beforeRequest!.listener({ url: 'https://example.com/x' }, (r) => (response = r));
    expect(response).toEqual({ cancel: true });
    const download = fakeEvent();
    ses.emit('will-download', download, {}, null);
    expect(download.defaultPrevented).toBe(true);
  });

  it('a cancelled dialog prints nothing, writes no audit row and still removes the file', async () => {
    const seen = watchLoads();
    state.onPrint = () => ({ success: false, failureReason: 'cancelled' });
    const res = await invoke('paper-print', { kind: 'paper', id: paperId });
    expect(res).toEqual({ ok: true, value: { printed: false } });
    expect(fs.existsSync(seen[0].dir)).toBe(false);
    expect(printWindows().every((w) => w.destroyed)).toBe(true);
    expect(printAudit()).toHaveLength(1);
  });

  it('a failed print answers printed: false, logged; a failed load a typed error; the file goes either way', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      let seen = watchLoads();
      state.onPrint = () => ({ success: false, failureReason: 'failed' });
      expect(await invoke('paper-print', { kind: 'paper', id: paperId })).toEqual({ ok: true, value: { printed: false } });
      expect(fs.existsSync(seen[0].dir)).toBe(false);
      expect(logged.mock.calls.some((c) => String(c[0]).includes('printing failed'))).toBe(true);

      seen = watchLoads();
      state.loadFileError = new Error('ERR_FILE_NOT_FOUND (-6) loading file');
      const res = await invoke('paper-print', { kind: 'paper', id: paperId });
      expect(res).toEqual({ ok: false, error: { key: 'error.printFailed', params: {} } });
      expect(JSON.stringify(res)).not.toContain('ERR_FILE');
      expect(seen).toHaveLength(1);
      expect(fs.existsSync(seen[0].dir)).toBe(false);
      expect(printWindows().every((w) => w.destroyed)).toBe(true);
      expect(printAudit()).toHaveLength(1);
    } finally {
      state.loadFileError = null;
      state.onPrint = () => ({ success: true });
      logged.mockRestore();
    }
  });

  it('a window torn down with the dialog open (the app quitting) counts as not printed', async () => {
    const seen = watchLoads();
    state.onPrint = (call) => {
      setTimeout(() => FakeBrowserWindow.fromWebContents(call.contents)!.destroy(), 5);
      return null; // the dialog never answers
    };
    expect(await invoke('paper-print', { kind: 'paper', id: paperId })).toEqual({ ok: true, value: { printed: false } });
    expect(fs.existsSync(seen[0].dir)).toBe(false);
    state.onPrint = () => ({ success: true });
  });

  it('answers typed errors for a missing paper or a non-PDF letter, opening no window', async () => {
    const before = FakeBrowserWindow.all.length;
    expect(await invoke('paper-print', { kind: 'paper', id: 9999 })).toMatchObject({ ok: false, error: { key: 'error.paperNotFound' } });
    expect(await invoke('paper-print', { kind: 'paper' })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(await invoke('paper-print', { kind: 'bytes', base64: 'JVBERi0=' })).toMatchObject({ ok: false, error: { key: 'error.invalidField' } });
    expect(FakeBrowserWindow.all.length).toBe(before);
  });
});

describe("the print window's navigation rule", () => {
  it('allows exactly its own temp PDF and the PDF viewer frames; everything else is refused', async () => {
    const seen = watchLoads();
    const results: Record<string, Record<string, boolean>> = {};
    let mainResults: Record<string, boolean> = {};
    let opened: { action: string } | null = null;
    const pdfViewerPages = [`${PDF_VIEWER}/index.html`, `${PDF_VIEWER}/`, `blob:${PDF_VIEWER}/0b8e6a2c-5d0e-4f4e-9b1a-0c2d7f6e1a11`];
    let urls: { allowed: string[]; refused: string[] } = { allowed: [], refused: [] };
    state.onPrint = (call) => {
      const file = seen[0].file;
      const fileUrl = pathToFileURL(file).href;
      urls = {
        allowed: [fileUrl, `${fileUrl}#page=2`, ...pdfViewerPages],
        refused: [
          appUrl,
          pathToFileURL(`${file}.evil`).href,
          pathToFileURL(path.join(path.dirname(file), 'other.pdf')).href,
          pathToFileURL(`${path.dirname(file)}.evil/${path.basename(file)}`).href,
          pathToFileURL(path.dirname(file)).href,
          `file://evil-host${new URL(fileUrl).pathname}`,
          'file:///etc/passwd',
          'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/index.html',
          'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjaievil/index.html',
          'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai.evil.com/index.html',
          'chrome-extension://x@mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
          'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai:8080/index.html',
          `https://evil.example/?${PDF_VIEWER}/index.html`,
          'http://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
          'blob:https://evil.example/0b8e6a2c-5d0e-4f4e-9b1a-0c2d7f6e1a11',
          `blob:${fileUrl}`,
          `blob:blob:${PDF_VIEWER}/x`,
          'about:blank',
          'javascript:print()',
          'data:application/pdf;base64,JVBERi0=',
          'chrome://print/',
          'not a url',
          '',
        ],
      };
      const wc = call.contents;
      for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
        results[event] = {};
        for (const url of [...urls.allowed, ...urls.refused]) results[event][url] = wc.navigate(url, event);
      }
      // The PDF viewer as a guest view follows the rule of the print window hosting it.
      const guest = new FakeWebContents();
      guest.hostWebContents = wc;
      state.app.emit('web-contents-created', fakeEvent(), guest);
      results.guest = {};
      for (const url of [...urls.allowed, ...urls.refused]) results.guest[url] = guest.navigate(url, 'will-frame-navigate');
      // The app window's own rule is untouched: it never shows the temp PDF or the viewer.
      mainResults = {};
      for (const url of [fileUrl, `${PDF_VIEWER}/index.html`, appUrl]) mainResults[url] = mainWindow().webContents.navigate(url, 'will-frame-navigate');
      opened = wc.windowOpenHandler!({ url: 'https://example.com/' }) as { action: string };
      return { success: true };
    };
    state.dialogs = [];
    expect(await invoke('paper-print', { kind: 'paper', id: paperId })).toEqual({ ok: true, value: { printed: true } });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'guest']) {
      for (const url of urls.allowed) expect(results[event][url], `${event} ${url}`).toBe(true);
      for (const url of urls.refused) expect(results[event][url], `${event} ${url}`).toBe(false);
    }
    expect(Object.values(mainResults)).toEqual([false, false, true]);
    expect(opened).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 10));
    // A hidden print window never offers links to the OS, not even behind a dialog.
    expect(state.dialogs).toEqual([]);
    expect(state.opened).toEqual([]);
    state.onPrint = () => ({ success: true });
  });

  it('isPrintWindowUrl compares the file it points at, not a prefix', () => {
    const file = path.join(tempRoot, 'a', 'ST-1.pdf');
    expect(print.isPrintWindowUrl(pathToFileURL(file).href, file)).toBe(true);
    expect(print.isPrintWindowUrl(pathToFileURL(path.join(tempRoot, 'a', 'x', '..', 'ST-1.pdf')).href, file)).toBe(true);
    for (const url of [pathToFileURL(`${file}x`).href, pathToFileURL(path.join(tempRoot, 'a')).href, `${pathToFileURL(path.join(tempRoot, 'a')).href}%2FST-1.pdf`, 'file:///ST-1.pdf']) {
      expect(print.isPrintWindowUrl(url, file), url).toBe(false);
    }
  });
});

describe('waiting for the PDF viewer', () => {
  it('prints only after the viewer reports the document loaded, or after the timeout', async () => {
    const hooks = print.createDesktopHooks({ tempDir: tempRoot, readyTimeoutMs: 10_000 });
    state.pdfReadyOnLoad = false;
    const calls = state.printCalls.length;
    let loaded: FakeBrowserWindow | null = null;
    state.onLoadFile = (win) => {
      loaded = win;
    };
    const pending = hooks.printPdf(new Uint8Array(storedPdf), 'ready.pdf');
    await new Promise((r) => setTimeout(r, 40));
    expect(loaded).not.toBeNull();
    expect(state.printCalls.length).toBe(calls); // loaded, but the viewer has not said it is ready
    loaded!.webContents.emit('-pdf-ready-to-print');
    expect(await pending).toBe(true);
    expect(state.printCalls.length).toBe(calls + 1);

    const quick = print.createDesktopHooks({ tempDir: tempRoot, readyTimeoutMs: 20 });
    expect(await quick.printPdf(new Uint8Array(storedPdf), 'timeout.pdf')).toBe(true);
    expect(state.printCalls.length).toBe(calls + 2);
    expect(fs.readdirSync(tempRoot)).toEqual([]); // every private temp folder removed
    state.pdfReadyOnLoad = true;
    state.onLoadFile = () => undefined;
  });

  it('names the temp file safely after the document', () => {
    expect(print.printFileName('ST-202603-P1.pdf')).toBe('ST-202603-P1.pdf');
    expect(print.printFileName('00 案件材料 C001.pdf')).toBe('00 案件材料 C001.pdf');
    expect(print.printFileName('../../etc/passwd')).toBe('_.._etc_passwd.pdf');
    expect(print.printFileName('a/b\\c:d*?"<>|e')).toBe('a_b_c_d_e.pdf');
    expect(print.printFileName('')).toBe('document.pdf');
    expect(print.printFileName('CON')).toBe('_CON.pdf');
    expect(print.printFileName('x'.repeat(300)).length).toBe(84);
  });
});

describe('chooseFolder', () => {
  it('shows the OS folder picker over the given window and returns null when cancelled', async () => {
    const parent = mainWindow();
    const hooks = print.createDesktopHooks({ parentWindow: () => parent as never });
    state.openDialogResponses.push({ canceled: true, filePaths: [] });
    expect(await hooks.chooseFolder('Backup folder', '/home/li')).toBeNull();
    expect(state.openDialogs[0].parent).toBe(parent);
    expect(state.openDialogs[0].options).toMatchObject({ title: 'Backup folder', defaultPath: '/home/li' });
    expect(state.openDialogs[0].options.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
    expect(state.openDialogs[0].options.properties).not.toContain('openFile');

    state.openDialogResponses.push({ canceled: false, filePaths: [] });
    expect(await hooks.chooseFolder('Backup folder')).toBeNull();
    state.openDialogResponses.push({ canceled: false, filePaths: ['/media/usb/ar'] });
    expect(await hooks.chooseFolder('Backup folder')).toBe('/media/usb/ar');

    const noParent = print.createDesktopHooks();
    state.openDialogResponses.push({ canceled: false, filePaths: ['/x'] });
    expect(await noParent.chooseFolder('t')).toBe('/x');
    expect(state.openDialogs.at(-1)!.parent).toBeNull();
  });
});

