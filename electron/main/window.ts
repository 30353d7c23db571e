/**
 * The app window and the rules every web contents lives by: where it may navigate, what it may
 * open, which permissions it gets (none), and the Content-Security-Policy on every response.
 */
import { BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../shared/domain';
import { CSP } from '../web/server';

/** Where the renderer comes from: the built index.html (file://) or, in development only, the vite dev server. */
export type AppLocation = { kind: 'file'; indexFile: string } | { kind: 'dev'; url: string };

/**
 * True when `raw` is the app's own page. The URL is parsed, never prefix-matched: a dev server
 * must match by origin (scheme, host and port), a file URL must name exactly the app's
 * index.html on the local machine (any query or #route is fine).
 */
export function isAppUrl(raw: string, location: AppLocation): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (location.kind === 'dev') {
    const own = new URL(location.url);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === own.origin;
  }
  // file:// URLs all have the opaque origin "null", so compare the file they point at. A host
  // survives only as a Windows UNC path (\\host\share\…), which then has to be where the app is.
  if (url.protocol !== 'file:') return false;
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return false; // a remote host on POSIX, encoded separators and the like
  }
  return samePath(file, location.indexFile);
}

/** Two paths name the same file (case-insensitively on Windows). */
export function samePath(a: string, b: string): boolean {
  const na = path.resolve(a);
  const nb = path.resolve(b);
  return process.platform === 'win32' ? na.toLowerCase() === nb.toLowerCase() : na === nb;
}

/** Links the user may open outside the app, after confirming. */
export function externalUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The CSP sent with every response. The dev server needs its inline React-refresh preamble and HMR socket. */
export function contentSecurityPolicy(location: AppLocation): string {
  if (location.kind === 'file') return CSP;
  const ws = new URL(location.url);
  ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
  return CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws.origin}`,
  );
}

const STRINGS: Record<Language, { open: string; cancel: string; message: string }> = {
  en: { open: 'Open', cancel: 'Cancel', message: 'Open this link in your browser or mail program?' },
  zh: { open: '打开', cancel: '取消', message: '要在浏览器或邮件程序中打开此链接吗？' },
};

export interface ShellDeps {
  location: AppLocation;
  language(): Language;
}

/** Asks first; only http(s) and mailto links ever reach the operating system. */
export async function openExternalAfterConfirm(raw: string, deps: ShellDeps, parent?: BrowserWindow | null): Promise<boolean> {
  const href = externalUrl(raw);
  if (!href) return false;
  const s = STRINGS[deps.language()] ?? STRINGS.en;
  const options = {
    type: 'question' as const,
    buttons: [s.open, s.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    message: s.message,
    detail: href,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(href);
  return true;
}

/**
 * A web contents that shows something other than the app page (the hidden print window) has its
 * own rule INSTEAD of "the app page only". Looked up when a navigation happens, because
 * 'web-contents-created' fires before the creator can register anything. A guest contents (the
 * PDF viewer when it runs as a guest view) follows the rule of the contents hosting it.
 */
const ownRules = new WeakMap<WebContents, (url: string) => boolean>();

export function setNavigationRule(contents: WebContents, rule: (url: string) => boolean): void {
  ownRules.set(contents, rule);
}

function ownRule(contents: WebContents): ((url: string) => boolean) | undefined {
  const rule = ownRules.get(contents);
  if (rule) return rule;
  let host: WebContents | null | undefined;
  try {
    host = contents.hostWebContents;
  } catch {
    host = undefined;
  }
  return host ? ownRules.get(host) : undefined;
}

/**
 * Applied to every web contents the app creates (registered on app 'web-contents-created'):
 * no new windows, no navigation away from the app (or from what its own rule allows), no <webview>.
 */
export function hardenWebContents(contents: WebContents, deps: ShellDeps): void {
  const offerExternal = (url: string) => {
    // Only the app's own page offers links to the OS; a window with its own rule (print) never does.
    if (ownRule(contents)) return;
    void openExternalAfterConfirm(url, deps, BrowserWindow.fromWebContents(contents)).catch(() => undefined);
  };
  const allowed = (url: string) => {
    const rule = ownRule(contents);
    return rule ? rule(url) : isAppUrl(url, deps.location);
  };
  contents.setWindowOpenHandler(({ url }) => {
    offerExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (allowed(url)) return;
    event.preventDefault();
    offerExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Session-wide: every permission request and check is refused; every response carries the CSP. */
export function hardenSession(ses: Session, location: AppLocation): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  const csp = contentSecurityPolicy(location);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

export interface WindowOptions {
  location: AppLocation;
  preloadFile: string;
  iconFile?: string;
}

/** The main window. Every security preference is spelled out, even where it is Electron's default. */
export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'AR Workstation',
    icon: opts.iconFile,
    webPreferences: {
      preload: opts.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (opts.location.kind === 'dev') void win.loadURL(opts.location.url);
  else void win.loadFile(opts.location.indexFile);
  return win;
}
