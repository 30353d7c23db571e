/**
 * The CLI's write commands hold the same single-instance lock the app holds
 * (electron/integrity/lock.ts, taken by electron/backup/auto.ts `openGuardedLedger`) for as long as
 * they have the ledger open. While the app has the ledger, a write command is refused with
 * `error.ledgerLocked`, which names the host, user and process that hold it; while a write command
 * runs, the app is refused the same way. Read-only commands (aging, check, verify, ratings,
 * backups) never take it, so they keep working next to a running app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openLedger, type Ledger } from '../db/open';
import { acquireLock } from '../integrity/lock';
import { createLedger } from '../services/ledger';

/** Takes the lock, then opens (or creates) the ledger with `open`; closing the ledger releases the lock. */
export async function withWriterLock(file: string, open: () => Promise<Ledger>, opts: { mayCreate?: boolean } = {}): Promise<Ledger> {
  // The lock file sits beside the ledger: a ledger about to be created needs its folder first.
  if (opts.mayCreate) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const lock = acquireLock(file);
  let ledger: Ledger;
  try {
    ledger = await open();
  } catch (e) {
    lock.release();
    throw e;
  }
  const rawClose = ledger.close.bind(ledger);
  let closed = false;
  ledger.close = async () => {
    if (closed) return;
    closed = true;
    try {
      await rawClose();
    } finally {
      lock.release();
    }
  };
  return ledger;
}

/** Opens an existing ledger for a write command. */
export function openLedgerForWriting(file: string): Promise<Ledger> {
  return withWriterLock(file, () => openLedger(file));
}

/** Creates a new ledger for a write command (the lock first: nobody may be creating it at the same time). */
export function createLedgerForWriting(file: string, company: string, currency: string): Promise<Ledger> {
  return withWriterLock(file, () => createLedger(file, company, currency), { mayCreate: true });
}

/** Runs a write command against an open ledger, always closing it (and so releasing the lock). */
export async function writingTo<T>(file: string, fn: (ledger: Ledger) => Promise<T>): Promise<T> {
  const ledger = await openLedgerForWriting(file);
  try {
    return await fn(ledger);
  } finally {
    await ledger.close();
  }
}
