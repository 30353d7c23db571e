/**
 * The Electron shell's security wiring, checked against a fake 'electron' module: the real main
 * process boots (context, session, IPC, window) and the tests play the renderer and the attacker.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeFrame, fakeEvent, reset, state } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const repoRoot = path.resolve(__dirname, '..', '..');
let userData: string;
let main: typeof import('../../electron/main/index');
let window: typeof import('../../electron/main/window');
let ipc: typeof import('../../electron/main/ipc');
let appIndexFile: string;
let appUrl: string;

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const windows = () => FakeBrowserWindow.all;
const mainWindow = () => FakeBrowserWindow.all[0];
const invoke = (frame: FakeFrame | null, ...args: unknown[]) => state.ipcMain.invokeFrom(frame, 'arw:invoke', ...args);

beforeAll(async () => {
  reset();
  delete process.env.ELECTRON_RENDERER_URL;
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-shell-'));
  state.app.userData = userData;
  state.app.appPath = userData; // no native/electron build there: nativeBinding stays unset
  main = await import('../../electron/main/index');
  window = await import('../../electron/main/window');
  ipc = await import('../../electron/main/ipc');
  state.app.makeReady();
  await main.started;
  appIndexFile = mainWindow().loaded.file!;
  appUrl = pathToFileURL(appIndexFile).href;
});

afterAll(() => {
  fs.rmSync(userData, { recursive: true, force: true });
});

describe('startup', () => {
  it('takes the single-instance lock, forces the sandbox and opens one window on the built page', () => {
    expect(state.app.sandboxEnabled).toBe(true);
    expect(windows()).toHaveLength(1);
    expect(appIndexFile.endsWith(path.join('renderer', 'index.html'))).toBe(true);
    expect(state.errorBoxes).toEqual([]);
  });

  it('uses the userData folder for its data', async () => {
    const res = await invoke(new FakeFrame(appUrl), 'settings-set', { language: 'en' });
    expect(res).toEqual({ ok: true, value: { language: 'en' } });
    expect(fs.existsSync(path.join(userData, 'prefs.json'))).toBe(true);
  });

  it('packaged builds ignore a dev-server URL from the environment', () => {
    expect(main.appLocation(true, 'http://evil.example/', '/opt/app/renderer')).toEqual({
      kind: 'file',
      indexFile: path.join('/opt/app/renderer', 'index.html'),
    });
    expect(main.appLocation(false, 'http://localhost:5173/', '/x')).toEqual({ kind: 'dev', url: 'http://localhost:5173/' });
  });

  it('a second instance quits at once', async () => {
    vi.resetModules();
    const saved = { app: state.app, windows: FakeBrowserWindow.all };
    try {
      state.app = new (Object.getPrototypeOf(saved.app).constructor)();
      state.app.gotLock = false;
      FakeBrowserWindow.all = [];
      const second = await import('../../electron/main/index');
      await second.started;
      expect(state.app.quitCalls).toBe(1);
      expect(FakeBrowserWindow.all).toHaveLength(0);
    } finally {
      state.app = saved.app;
      FakeBrowserWindow.all = saved.windows;
    }
  });
});

describe('every window', () => {
  it('is created with the hardened webPreferences', () => {
    // Windows made later (second-instance after close, macOS activate) get the same options.
    mainWindow().destroyed = true;
    state.app.emit('second-instance');
    for (const w of FakeBrowserWindow.all) w.destroyed = true;
    state.app.emit('activate');
    expect(windows().length).toBeGreaterThanOrEqual(3);
    for (const w of windows()) {
      const prefs = w.options.webPreferences;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
      expect(prefs.preload).toBe(path.join(path.dirname(path.dirname(appIndexFile)), 'preload', 'index.cjs'));
      expect(w.loaded.file).toBe(appIndexFile);
    }
    for (const w of windows()) w.destroyed = false;
  });

  it('denies window.open and offers http(s)/mailto links to the OS only after the user agrees', async () => {
    for (const w of windows()) {
      const open = w.webContents.windowOpenHandler!;
      expect(open).toBeTypeOf('function');
      state.dialogResponses.push(1); // Cancel
      expect(open({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
      await settle();
      expect(state.opened).toEqual([]);
    }
    state.dialogs = [];
    state.dialogResponses.push(0); // Open
    expect(mainWindow().webContents.windowOpenHandler!({ url: 'https://example.com/pay' })).toEqual({ action: 'deny' });
    await settle();
    expect(state.dialogs).toHaveLength(1);
    expect(state.dialogs[0].detail).toBe('https://example.com/pay');
    expect(state.opened).toEqual(['https://example.com/pay']);

    state.dialogResponses.push(0);
    mainWindow().webContents.windowOpenHandler!({ url: 'mailto:ar@example.com' });
    await settle();
    expect(state.opened).toEqual(['https://example.com/pay', 'mailto:ar@example.com']);
  });

  it('never offers other schemes to the OS, not even with a dialog', async () => {
    state.dialogs = [];
    state.opened = [];
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-msdt:/id', 'data:text/html,x', 'not a url']) {
      state.dialogResponses.push(0);
      expect(mainWindow().webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
      mainWindow().webContents.navigate(url);
    }
    await settle();
    expect(state.dialogs).toEqual([]);
    expect(state.opened).toEqual([]);
    state.dialogResponses = [];
  });

  it('stays on the app page: navigation elsewhere is prevented, URLs parsed not prefix-matched', () => {
    const dir = path.dirname(appIndexFile);
    const fileUrl = (p: string) => pathToFileURL(p).href;
    const allowed = [appUrl, `${appUrl}#/customers/12`, `${appUrl}?lang=en`];
    const refused = [
      fileUrl(`${appIndexFile}.evil`),
      fileUrl(`${dir}.evil/index.html`),
      fileUrl(path.join(dir, 'other.html')),
      fileUrl(path.join(dir, 'assets', 'index.html')),
      `${fileUrl(dir)}/index.html%2F..%2Fx`,
      `file://evil-host${new URL(appUrl).pathname}`,
      'file:///app.evil/index.html',
      'file:///etc/passwd',
      'http://127.0.0.1.evil.com/',
      'https://example.com/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'chrome://settings',
      '',
    ];
    for (const w of windows()) {
      const wc = w.webContents;
      for (const url of allowed) expect(wc.navigate(url), url).toBe(true);
      for (const url of refused) {
        expect(wc.navigate(url), url).toBe(false);
        expect(wc.navigate(url, 'will-redirect'), url).toBe(false);
        expect(wc.navigate(url, 'will-frame-navigate'), url).toBe(false);
      }
      const attach = fakeEvent();
      wc.emit('will-attach-webview', attach, {}, {});
      expect(attach.defaultPrevented).toBe(true);
    }
  });

  it('isAppUrl compares a dev server by origin, never by prefix', () => {
    const dev = { kind: 'dev' as const, url: 'http://127.0.0.1:5173/' };
    expect(window.isAppUrl('http://127.0.0.1:5173/#/aging', dev)).toBe(true);
    for (const url of [
      'http://127.0.0.1.evil.com:5173/',
      'http://127.0.0.1:51730/',
      'http://127.0.0.1:5174/',
      'https://127.0.0.1:5173/',
      'http://127.0.0.1:5173@evil.com/',
      'http://evil.com/?http://127.0.0.1:5173/',
      'ws://127.0.0.1:5173/',
      'file:///127.0.0.1:5173/',
    ]) {
      expect(window.isAppUrl(url, dev), url).toBe(false);
    }
    const file = { kind: 'file' as const, indexFile: '/app/index.html' };
    expect(window.isAppUrl('file:///app/index.html#/x', file)).toBe(true);
    for (const url of ['file:///app.evil/index.html', 'file:///app/index.html.evil', 'file:///app/../etc/passwd', 'file:///app/', 'file://host/app/index.html']) {
      expect(window.isAppUrl(url, file), url).toBe(false);
    }
  });

  it('refuses every permission request and check', () => {
    const handler = state.session.permissionRequestHandler!;
    expect(handler).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      const answers: boolean[] = [];
      handler(mainWindow().webContents, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(state.session.permissionCheckHandler!(mainWindow().webContents, permission, appUrl, {})).toBe(false);
    }
    expect(state.session.devicePermissionHandler!({})).toBe(false);
  });

  it('sends the strict CSP with every response, replacing any other', () => {
    const listener = state.session.headersListener!;
    let response: { responseHeaders?: Record<string, string[]> } = {};
    listener({ url: appUrl, responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => (response = r));
    const headers = response.responseHeaders!;
    const csp = Object.entries(headers).filter(([k]) => k.toLowerCase() === 'content-security-policy');
    expect(csp).toHaveLength(1);
    const policy = csp[0][1][0];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(headers['X-Other']).toEqual(['1']);
  });
});

describe('IPC', () => {
  it('has exactly one channel', () => {
    expect([...state.ipcMain.handlers.keys()]).toEqual([ipc.INVOKE_CHANNEL]);
  });

  it('refuses callers that are not the app page in a top frame, with a typed error', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const appFrame = new FakeFrame(appUrl);
    for (const frame of [
      new FakeFrame('https://evil.example/'),
      new FakeFrame('file:///app.evil/index.html'),
      new FakeFrame(pathToFileURL(`${appIndexFile}.evil`).href),
      new FakeFrame(appUrl, appFrame), // an iframe showing our own page
      new FakeFrame('about:blank'),
      null, // frame already gone
    ]) {
      const res = await invoke(frame, 'app-info', {});
      expect(res, frame?.url ?? 'null frame').toEqual({ ok: false, error: { key: 'error.forbidden', params: {} } });
    }
    expect(logged).toHaveBeenCalledTimes(6); // each refusal is logged in main
    logged.mockRestore();
  });

  it('returns typed errors for invalid payloads and never throws', async () => {
    const frame = new FakeFrame(appUrl);
    const cases: unknown[][] = [
      ['no-such-op', {}],
      [{ toString: () => 'app-info' }, {}],
      ['__proto__', {}],
      ['constructor', {}],
      ['customer-create', { code: 5 }],
      ['customer-create', 'a string'],
      ['customer-create', [1, 2, 3]],
      ['customer-create', null],
      ['invoice-post', { customerId: -1, number: 'A', date: '2025-13-45' }],
      ['aging-get', { asOf: "2025-01-01'; DROP TABLE x; --" }],
      [],
    ];
    for (const args of cases) {
      const res = (await invoke(frame, ...args)) as { ok: boolean; error?: { key: string } };
      expect(res.ok, JSON.stringify(args)).toBe(false);
      expect(res.error!.key, JSON.stringify(args)).toMatch(/^error\./);
      expect(JSON.stringify(res)).not.toMatch(/\n\s+at /); // no stack traces across the boundary
    }
    const bad = (await invoke(frame, 'customer-create', { code: 'C1', name: '', paymentTermsDays: 30, currency: 'CNY' })) as {
      ok: false;
      error: { field?: string };
    };
    expect(bad.error.field).toBe('name');
  });

  it('passes valid calls from the app page to dispatch', async () => {
    const res = await invoke(new FakeFrame(`${appUrl}#/customers`), 'app-info', {});
    expect(res).toMatchObject({ ok: true, value: { mode: 'desktop', ledgerOpen: false, ledgerName: null } });
  });
});

describe('preload', () => {
  it('exposes exactly one object, arw, with only invoke, wired to the IPC channel', async () => {
    state.rendererFrame = new FakeFrame(appUrl);
    await import('../../electron/preload/index');
    expect([...state.exposed.keys()]).toEqual(['arw']);
    const arw = state.exposed.get('arw') as Record<string, unknown>;
    expect(Object.keys(arw)).toEqual(['invoke']);
    expect(arw.invoke).toBeTypeOf('function');

    const res = await (arw.invoke as (op: string, req: unknown) => Promise<unknown>)('app-info', {});
    expect(state.ipcRendererCalls).toEqual([{ channel: ipc.INVOKE_CHANNEL, args: ['app-info', {}] }]);
    expect(res).toMatchObject({ ok: true, value: { mode: 'desktop' } });
  });

  it('imports nothing but electron (a sandboxed preload cannot)', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'electron/preload/index.ts'), 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)].filter((m) => !m[1]).map((m) => m[2]);
    expect(imports).toEqual(['electron']);
  });
});

describe('native module', () => {
  const exists = (set: string[]) => (f: string) => set.includes(f);
  it('packaged: always the copy shipped in resources', () => {
    expect(
      main.nativeBindingPath({ isPackaged: true, appPath: '/r/app.asar', resourcesPath: '/r', arch: 'arm64', exists: exists([]) }),
    ).toBe(path.join('/r', 'native', 'better_sqlite3.node'));
  });
  it('development: the Electron build for this CPU when it exists, else none', () => {
    const built = path.join('/repo', 'native', 'electron', 'x64', 'better_sqlite3.node');
    expect(main.nativeBindingPath({ isPackaged: false, appPath: '/repo', resourcesPath: '', arch: 'x64', exists: exists([built]) })).toBe(built);
    expect(main.nativeBindingPath({ isPackaged: false, appPath: '/repo', resourcesPath: '', arch: 'arm64', exists: exists([built]) })).toBeUndefined();
  });
});

describe('electron-builder.yml', () => {
  const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));
  // js-yaml arrives with electron-builder; its own loader is what reads this file.
  const yaml = requireFromRepo('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

  it('flips the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('packs into an asar with better-sqlite3 unpacked and ships our own Electron build of it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    const native = (config.extraResources as Array<{ from: string; to: string }>).find((r) => r.to === 'native/better_sqlite3.node');
    expect(native).toBeDefined();
    // The same places main looks in (development) and the build script writes to.
    const devPath = main.nativeBindingPath({ isPackaged: false, appPath: '/repo', resourcesPath: '', arch: 'x64', exists: () => true })!;
    expect(native!.from.replace('${arch}', 'x64')).toBe(path.relative('/repo', devPath).split(path.sep).join('/'));
    const packaged = main.nativeBindingPath({ isPackaged: true, appPath: '', resourcesPath: '/r', arch: 'x64', exists: () => true })!;
    expect(native!.to).toBe(path.relative('/r', packaged).split(path.sep).join('/'));
  });

  it('builds NSIS for Windows and dmg for both Mac CPUs, with a 512×512 icon', () => {
    expect(config.productName).toBe('AR Workstation');
    expect(config.directories.output).toBe('dist');
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target[0]).toMatchObject({ target: 'dmg', arch: ['x64', 'arm64'] });
    const png = fs.readFileSync(path.join(repoRoot, config.icon));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it("passes electron-builder's own schema validation", async () => {
    const { validateConfiguration } = requireFromRepo('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = requireFromRepo('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
