/**
 * A stand-in for the 'electron' module (the binary is never launched in tests). It records what
 * the shell asks of Electron — window options, handlers, exposures — and lets tests play the
 * part of the renderer: navigate, open windows, request permissions, call over IPC.
 * Use with: vi.mock('electron', async () => (await import('./fake-electron')).electronModule)
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  url?: string;
}

export function fakeEvent(extra: Record<string, unknown> = {}): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export interface PrintCall {
  contents: FakeWebContents;
  options: Record<string, unknown>;
  callback?: (success: boolean, failureReason: string) => void;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame: FakeFrame;
  /** Set for a guest (a <webview> or the PDF viewer as a guest view): the contents embedding it. */
  hostWebContents: FakeWebContents | undefined = undefined;
  destroyed = false;

  constructor(url = '') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** A renderer-initiated navigation; true when the shell let it happen. */
  navigate(url: string, event = 'will-navigate'): boolean {
    const e = fakeEvent({ url });
    this.emit(event, e, url);
    return !e.defaultPrevented;
  }
  /** Like Electron: the OS dialog answers later through the callback; state.onPrint plays the user. */
  print(options: Record<string, unknown> = {}, callback?: (success: boolean, failureReason: string) => void): void {
    const call: PrintCall = { contents: this, options, callback };
    state.printCalls.push(call);
    const answer = state.onPrint(call);
    if (answer) setTimeout(() => callback?.(answer.success, answer.failureReason ?? ''), 0);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }

  webContents = new FakeWebContents();
  loaded: { file?: string; url?: string } = {};
  destroyed = false;
  shown = false;

  constructor(public options: Record<string, any>) {
    super();
    FakeBrowserWindow.all.push(this);
    // Like Electron: every new web contents is announced before anyone can use it.
    state.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = { file };
    state.onLoadFile(this, file);
    if (state.loadFileError) throw state.loadFileError;
    this.webContents.mainFrame.url = new URL(`file://${file}`).href;
    // Electron's PDF viewer reports a loaded document with this internal event (see print.ts).
    if (state.pdfReadyOnLoad && file.toLowerCase().endsWith('.pdf')) setTimeout(() => this.webContents.emit('-pdf-ready-to-print'), 0);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url };
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
  }
  close(): void {
    this.destroy();
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return state.focusedWindow;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  userData = '';
  appPath = '';
  sandboxEnabled = false;
  quitCalls = 0;
  gotLock = true;
  private ready!: () => void;
  readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  makeReady(): void {
    this.ready();
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake app.getPath: ${name} not faked`);
    return this.userData;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  quit(): void {
    this.quitCalls++;
  }
  exit(code: number): void {
    throw new Error(`app.exit(${code})`);
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  headersListener: HeadersListener | null = null;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequestListener } | null = null;
  constructor(public partition = '') {
    super();
  }
  webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener) => {
      this.beforeRequest = { filter, listener };
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((...args: unknown[]) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }
}

export interface InvokeEvent {
  sender: FakeWebContents;
  senderFrame: FakeFrame | null;
}

class FakeIpcMain {
  handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What Electron does when a renderer calls ipcRenderer.invoke from `frame`. */
  async invokeFrom(frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event: InvokeEvent = { sender: new FakeWebContents(frame?.url ?? ''), senderFrame: frame };
    return handler(event, ...args);
  }
}

/** Mutable state shared by the fake module and the tests; reset() between test files. */
export const state = {
  app: new FakeApp(),
  session: new FakeSession(),
  ipcMain: new FakeIpcMain(),
  exposed: new Map<string, unknown>(),
  dialogResponses: [] as number[],
  dialogs: [] as Array<Record<string, unknown>>,
  errorBoxes: [] as Array<{ title: string; content: string }>,
  opened: [] as string[],
  /** The frame the preload's ipcRenderer.invoke appears to come from. */
  rendererFrame: new FakeFrame('file:///nowhere/index.html') as FakeFrame | null,
  ipcRendererCalls: [] as Array<{ channel: string; args: unknown[] }>,
  /** Sessions made by session.fromPartition, by partition name. */
  partitions: new Map<string, FakeSession>(),
  printCalls: [] as PrintCall[],
  /** Plays the user at the print dialog: an answer, or null to keep the dialog open. */
  onPrint: ((_call: PrintCall) => ({ success: true })) as (call: PrintCall) => { success: boolean; failureReason?: string } | null,
  /** Called as a window starts loading a file (before it "finishes"). */
  onLoadFile: ((_win: FakeBrowserWindow, _file: string) => undefined) as (win: FakeBrowserWindow, file: string) => void,
  loadFileError: null as Error | null,
  pdfReadyOnLoad: true,
  focusedWindow: null as FakeBrowserWindow | null,
  /** Answers of dialog.showOpenDialog, in order (default: cancelled). */
  openDialogResponses: [] as Array<{ canceled: boolean; filePaths: string[] }>,
  openDialogs: [] as Array<{ parent: unknown; options: Record<string, unknown> }>,
};

export function reset(): void {
  state.app = new FakeApp();
  state.session = new FakeSession();
  state.ipcMain = new FakeIpcMain();
  state.exposed = new Map();
  state.dialogResponses = [];
  state.dialogs = [];
  state.errorBoxes = [];
  state.opened = [];
  state.rendererFrame = new FakeFrame('file:///nowhere/index.html');
  state.ipcRendererCalls = [];
  state.partitions = new Map();
  state.printCalls = [];
  state.onPrint = () => ({ success: true });
  state.onLoadFile = () => undefined;
  state.loadFileError = null;
  state.pdfReadyOnLoad = true;
  state.focusedWindow = null;
  state.openDialogResponses = [];
  state.openDialogs = [];
  FakeBrowserWindow.all = [];
}

async function showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
  const options = (args.length > 1 ? args[1] : args[0]) as Record<string, unknown>;
  state.dialogs.push(options);
  return { response: state.dialogResponses.shift() ?? (options.cancelId as number) ?? 0, checkboxChecked: false };
}

/** The module object vi.mock returns; getters so reset() swaps in fresh fakes. */
export const electronModule = {
  get app() {
    return state.app;
  },
  BrowserWindow: FakeBrowserWindow,
  get ipcMain() {
    return state.ipcMain;
  },
  session: {
    get defaultSession() {
      return state.session;
    },
    fromPartition(partition: string) {
      let ses = state.partitions.get(partition);
      if (!ses) state.partitions.set(partition, (ses = new FakeSession(partition)));
      return ses;
    },
  },
  dialog: {
    showMessageBox,
    async showOpenDialog(...args: unknown[]) {
      const [parent, options] = (args.length > 1 ? args : [null, args[0]]) as [unknown, Record<string, unknown>];
      state.openDialogs.push({ parent, options });
      return state.openDialogResponses.shift() ?? { canceled: true, filePaths: [] };
    },
    showErrorBox(title: string, content: string) {
      state.errorBoxes.push({ title, content });
    },
  },
  shell: {
    async openExternal(url: string) {
      state.opened.push(url);
    },
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      if (state.exposed.has(key)) throw new Error(`exposed twice: ${key}`);
      state.exposed.set(key, api);
    },
  },
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]) {
      state.ipcRendererCalls.push({ channel, args });
      return state.ipcMain.invokeFrom(state.rendererFrame, channel, ...args);
    },
  },
};

export default electronModule;
