/**
 * The app's hold on its ledger: the instance lock, a daily backup while it runs and one on close
 * (each only when something changed), with rotation. Used by the desktop app and browser mode; the
 * CLI opens ledgers directly.
 */
import type { Ledger } from '../db/open';
import { openLedger, type OpenOptions } from '../db/open';
import { acquireLock, type HeldLock } from '../integrity/lock';
import { dayKey } from './rotation';
import { changedSinceLastBackup, makeBackup, readBackupSettings } from './make';
import { backupFolderOf } from './folder';
import { listBackups } from './store';

export interface GuardOptions {
  dataDir: string;
  log?: (level: 'info' | 'error', message: string, detail?: unknown) => void;
  /** How often to check whether today's backup is due (default hourly; first check after a minute). */
  checkEveryMs?: number;
  firstCheckMs?: number;
}

export interface Guard {
  lock: HeldLock;
  /** This ledger's backup folder, read each time (the user may choose another one in Settings). */
  readonly backupDir: string;
  /** Closes without the automatic backup (a restore has just made its own). */
  closeQuietly(): Promise<void>;
}

const guards = new WeakMap<Ledger, Guard>();

export function guardOf(ledger: Ledger): Guard | undefined {
  return guards.get(ledger);
}

/** Opens a ledger for the app: lock first (nothing is written to a ledger another instance holds). */
export async function openGuardedLedger(file: string, opts: GuardOptions & Pick<OpenOptions, 'nativeBinding' | 'create'>): Promise<Ledger> {
  const lock = acquireLock(file);
  let ledger: Ledger;
  try {
    ledger = await openLedger(file, { nativeBinding: opts.nativeBinding, create: opts.create });
  } catch (e) {
    lock.release();
    throw e;
  }
  return attachGuard(ledger, lock, opts);
}

/** Guards a ledger the app has just created. */
export function guardNewLedger(ledger: Ledger, opts: GuardOptions): Ledger {
  return attachGuard(ledger, acquireLock(ledger.file), opts);
}

function attachGuard(ledger: Ledger, lock: HeldLock, opts: GuardOptions): Ledger {
  const log = opts.log ?? (() => {});
  let busy: Promise<unknown> = Promise.resolve();
  const backupIfDue = (kind: 'daily' | 'close') =>
    (busy = busy.then(async () => {
      try {
        const settings = await readBackupSettings(ledger);
        if (!settings.enabled) return;
        const backupDir = backupFolderOf(opts.dataDir, ledger.file);
        if (kind === 'daily') {
          const today = dayKey(new Date());
          if (listBackups(backupDir).some((b) => b.kind !== 'pre-restore' && dayKey(new Date(b.createdAt)) === today)) return;
        }
        if (!(await changedSinceLastBackup(ledger, backupDir))) return;
        const info = await makeBackup(ledger, { dir: backupDir, kind, settings });
        log('info', `backup ${info.name} written (${info.verified ? 'verified' : 'NOT verified'})`);
      } catch (e) {
        log('error', `automatic ${kind} backup failed`, e);
      }
    }));
  const first = setTimeout(() => void backupIfDue('daily'), opts.firstCheckMs ?? 60_000);
  const every = setInterval(() => void backupIfDue('daily'), opts.checkEveryMs ?? 3_600_000);
  first.unref();
  every.unref();
  const rawClose = ledger.close.bind(ledger);
  let closed = false;
  const finish = async (withBackup: boolean) => {
    if (closed) return;
    closed = true;
    clearTimeout(first);
    clearInterval(every);
    try {
      if (withBackup && ledger.sqlite.open) await backupIfDue('close');
      await busy;
      await rawClose();
    } finally {
      lock.release();
    }
  };
  ledger.close = () => finish(true);
  guards.set(ledger, {
    lock,
    get backupDir() {
      return backupFolderOf(opts.dataDir, ledger.file);
    },
    closeQuietly: () => finish(false),
  });
  return ledger;
}
