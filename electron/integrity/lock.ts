/**
 * One app instance per ledger. SQLite's own locks keep two writers on one machine safe, but not two
 * machines editing copies of a ledger in a synced folder, and they cannot say who holds the file.
 * So the app keeps a lock file beside the ledger naming host, user, process and start time, with a
 * heartbeat. A lock is stale when its process is gone (same host) or its heartbeat stopped (other
 * host, e.g. a crashed laptop sharing a Dropbox folder).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { LedgerError } from '../errors';
import { currentActor } from '../db/tx';
import type { LockInfo } from '../../shared/api/integrity';

export interface LockRecord extends LockInfo {
  app: 'AR Workstation';
  token: string;
  heartbeat: string;
}

export const HEARTBEAT_MS = 60_000;
/** Another machine's lock without a heartbeat for this long is taken to be left by a crash. */
export const STALE_MS = 10 * 60_000;

export function lockFileOf(ledgerFile: string): string {
  return `${ledgerFile}.lock`;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(ledgerFile: string): LockRecord | null {
  try {
    const rec = JSON.parse(fs.readFileSync(lockFileOf(ledgerFile), 'utf8')) as LockRecord;
    return typeof rec.pid === 'number' && typeof rec.host === 'string' ? rec : null;
  } catch {
    return null;
  }
}

/** Why a lock is no longer held, or null if it is live. */
export function staleReason(rec: LockRecord, now = Date.now(), host = os.hostname()): 'dead-process' | 'no-heartbeat' | null {
  if (rec.host === host) return isProcessAlive(rec.pid) ? null : 'dead-process';
  const beat = Date.parse(rec.heartbeat ?? rec.since);
  return Number.isFinite(beat) && now - beat < STALE_MS ? null : 'no-heartbeat';
}

export interface HeldLock {
  record: LockRecord;
  release(): void;
}

function writeExclusive(file: string, rec: LockRecord): boolean {
  try {
    const fd = fs.openSync(file, 'wx');
    try {
      fs.writeSync(fd, JSON.stringify(rec, null, 2));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/**
 * Takes the ledger's lock or throws `error.ledgerLocked` naming who holds it and since when. A
 * stale lock (its process is gone, or another machine stopped its heartbeat) is taken over.
 */
export function acquireLock(ledgerFile: string, opts: { heartbeatMs?: number } = {}): HeldLock {
  const file = lockFileOf(ledgerFile);
  const now = new Date().toISOString();
  const record: LockRecord = {
    app: 'AR Workstation',
    host: os.hostname(),
    pid: process.pid,
    user: currentActor(),
    since: now,
    heartbeat: now,
    token: crypto.randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (writeExclusive(file, record)) return hold(file, record, opts.heartbeatMs ?? HEARTBEAT_MS);
    const held = readLock(ledgerFile);
    if (held && !staleReason(held)) {
      throw new LedgerError('error.ledgerLocked', { host: held.host, user: held.user, pid: held.pid, since: held.since, lockFile: file });
    }
    // Stale or unreadable (a half-written lock from a crash): remove it and try again.
    try {
      fs.unlinkSync(file);
    } catch {
      // someone else removed it first
    }
  }
  throw new LedgerError('error.ledgerLocked', { host: '?', user: '?', pid: 0, since: '?', lockFile: file });
}

function hold(file: string, record: LockRecord, heartbeatMs: number): HeldLock {
  const timer = setInterval(() => {
    const current = safeRead(file);
    if (!current || current.token !== record.token) return; // taken over: never overwrite another's lock
    record.heartbeat = new Date().toISOString();
    try {
      fs.writeFileSync(file, JSON.stringify(record, null, 2));
    } catch {
      // a read-only moment of a synced folder; the next beat tries again
    }
  }, heartbeatMs);
  timer.unref();
  let released = false;
  return {
    record,
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      const current = safeRead(file);
      if (current && current.token === record.token) {
        try {
          fs.unlinkSync(file);
        } catch {
          // already gone
        }
      }
    },
  };
}

function safeRead(file: string): LockRecord | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockRecord;
  } catch {
    return null;
  }
}
