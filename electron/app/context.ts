import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../shared/domain';
import { openLedger, type Ledger } from '../db/open';
import { openGuardedLedger } from '../backup/auto';
import { LedgerError } from '../errors';

export interface Prefs {
  language: Language;
}

/**
 * What only the desktop shell can do, handed to the context by electron/main (absent in browser
 * mode and the CLI). Handlers call these; the renderer never gets a path or a window handle.
 */
export interface DesktopHooks {
  /** Shows the operating system's print dialog for a PDF; true when the user sent it to a printer. */
  printPdf(pdf: Uint8Array, title: string): Promise<boolean>;
  /** The operating system's folder picker; null when the user cancels. */
  chooseFolder(title: string, defaultPath?: string): Promise<string | null>;
}

/**
 * What the API handlers run against: the open ledger (if any), where new ledgers go, and the
 * user's preferences. One per app (desktop) or per server (browser mode).
 */
export interface AppContext {
  mode: 'desktop' | 'web';
  version: string;
  ledger: Ledger | null;
  /** Where a new or demo ledger is created when the user asks for one (main decides, never the renderer). */
  dataDir: string;
  nativeBinding?: string;
  /** Set by the Electron shell after start-up; undefined in browser mode and the CLI. */
  desktop?: DesktopHooks;
  prefs: Prefs;
  savePrefs(): void;
  log(level: 'info' | 'error', message: string, detail?: unknown): void;
}

export function requireLedger(ctx: AppContext): Ledger {
  if (!ctx.ledger) throw new LedgerError('error.noLedger');
  return ctx.ledger;
}

export interface ContextOptions {
  mode: 'desktop' | 'web';
  version: string;
  dataDir: string;
  ledgerFile?: string;
  nativeBinding?: string;
}

export async function createContext(opts: ContextOptions): Promise<AppContext> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const prefsFile = path.join(opts.dataDir, 'prefs.json');
  let prefs: Prefs = { language: 'zh' };
  try {
    const raw = JSON.parse(fs.readFileSync(prefsFile, 'utf8')) as Partial<Prefs>;
    if (raw.language === 'en' || raw.language === 'zh') prefs = { ...prefs, language: raw.language };
  } catch {
    // first run: defaults
  }
  const ledgerFile = opts.ledgerFile ?? defaultLedgerFile(opts.dataDir);
  // The app's hold: instance lock, daily and on-close backups (electron/backup/auto.ts).
  const ledger = fs.existsSync(ledgerFile) ? await openGuardedLedger(ledgerFile, { nativeBinding: opts.nativeBinding, dataDir: opts.dataDir, log: (l, m, d) => ctx.log(l, m, d) }) : null;
  const ctx: AppContext = {
    mode: opts.mode,
    version: opts.version,
    ledger,
    dataDir: opts.dataDir,
    nativeBinding: opts.nativeBinding,
    prefs,
    savePrefs() {
      fs.writeFileSync(prefsFile, JSON.stringify(ctx.prefs, null, 2));
    },
    log(level, message, detail) {
      const line = `[${new Date().toISOString()}] ${level} ${message}${detail ? ' ' + String(detail instanceof Error ? detail.stack : JSON.stringify(detail)) : ''}`;
      if (level === 'error') console.error(line);
      else if (process.env.ARW_VERBOSE) console.log(line);
    },
  };
  return ctx;
}

export function defaultLedgerFile(dataDir: string): string {
  return path.join(dataDir, 'ledger.arw');
}

/** The desktop app's data folder, also the CLI's default (--ledger omitted). */
export function defaultDataDir(): string {
  const home = process.env.HOME ?? process.env.USERPROFILE ?? '.';
  if (process.env.ARW_DATA_DIR) return process.env.ARW_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'AR Workstation');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'AR Workstation');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'AR Workstation');
}
