/**
 * Restoring a backup: the backup is checked first (its recorded SHA-256, SQLite's quick_check,
 * the migrations, the chain), the current ledger is backed up (or, if it cannot even be opened,
 * copied byte for byte), then the backup replaces the ledger file atomically. Backups newer than
 * the restored one stop anchoring the chain (the ledger went back past them), and the restore is
 * recorded in the audit log.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChainHead, VerifyReport } from '../../shared/api/integrity';
import { openLedger, type Ledger } from '../db/open';
import { currentActor, writeTx } from '../db/tx';
import { LedgerError } from '../errors';
import { chainHead } from '../integrity/chain';
import { verifyLedger } from '../integrity/verify';
import { audit } from '../repos/audit';
import { makeBackup } from './make';
import { fileSha256, fsyncDir, fsyncFile, listBackups, newBackupName, readSidecar, writeSidecar } from './store';

export interface RestoreOptions {
  ledgerFile: string;
  /** The backup folder: the safety copy of the current ledger goes here. */
  dir: string;
  /** The backup file to restore (already resolved and checked to be a plain file). */
  backupFile: string;
  /** The current ledger if it is open; it is closed by `close` before the file is replaced. */
  current?: Ledger | null;
  close?: () => Promise<void>;
  /** Restore even when the backup's chain does not verify (SQLite must still be sound). */
  force?: boolean;
  actor?: string;
  nativeBinding?: string;
}

export interface RestoreResult {
  ledger: Ledger;
  restored: string;
  safetyBackup: string | null;
  head: ChainHead | null;
  report: VerifyReport;
}

export async function checkBackupFile(file: string): Promise<VerifyReport> {
  const sidecar = readSidecar(file);
  if (sidecar && sidecar.sha256 && fileSha256(file) !== sidecar.sha256) {
    throw new LedgerError('error.backupVerify', { detail: `${path.basename(file)} does not match its recorded SHA-256` });
  }
  let copy: Ledger;
  try {
    copy = await openLedger(file, { readonly: true });
  } catch (e) {
    throw e instanceof LedgerError && e.key === 'error.ledgerTooNew' ? e : new LedgerError('error.backupVerify', { detail: e instanceof LedgerError ? e.key : String(e) });
  }
  try {
    return await verifyLedger(copy);
  } finally {
    await copy.close();
  }
}

export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const ledgerFile = path.resolve(opts.ledgerFile);
  const backupFile = path.resolve(opts.backupFile);
  if (backupFile === ledgerFile) throw new LedgerError('error.backupName', { name: path.basename(backupFile) }, 'name');
  const report = await checkBackupFile(backupFile);
  if (!report.ok && !opts.force) throw new LedgerError('error.backupTampered', { name: path.basename(backupFile), problems: report.problems.length });

  // 1. Keep what is there now.
  let safetyBackup: string | null = null;
  if (opts.current) {
    safetyBackup = (await makeBackup(opts.current, { dir: opts.dir, kind: 'pre-restore' })).name;
  } else if (fs.existsSync(ledgerFile)) {
    try {
      const cur = await openLedger(ledgerFile, { nativeBinding: opts.nativeBinding });
      try {
        safetyBackup = (await makeBackup(cur, { dir: opts.dir, kind: 'pre-restore' })).name;
      } finally {
        await cur.close();
      }
    } catch {
      safetyBackup = rawCopy(ledgerFile, opts.dir); // too damaged to open: keep its bytes as they are
    }
  }
  if (opts.current) await (opts.close ?? (() => opts.current!.close()))();

  // 2. Replace the file atomically; a WAL left by a crash must not be replayed onto the backup.
  const dir = path.dirname(ledgerFile);
  const tmp = path.join(dir, `.${path.basename(ledgerFile)}.restoring`);
  fs.copyFileSync(backupFile, tmp);
  fsyncFile(tmp);
  for (const f of [`${ledgerFile}-wal`, `${ledgerFile}-shm`, `${ledgerFile}-journal`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, ledgerFile);
  fsyncDir(dir);

  // 3. Open it, record the restore, and retire the anchors of backups it went back past.
  const ledger = await openLedger(ledgerFile, { nativeBinding: opts.nativeBinding });
  const restoredHead = await chainHead(ledger.db);
  const name = path.basename(backupFile);
  supersede(opts.dir, name, restoredHead);
  await writeTx(ledger.db, (trx) =>
    audit(trx, { action: 'ledger.restore', entity: 'ledger', entityId: path.basename(ledgerFile), after: { from: name, sealId: restoredHead?.sealId ?? null, safetyBackup, verified: report.ok } }, opts.actor ?? currentActor()),
  );
  return { ledger, restored: name, safetyBackup, head: await chainHead(ledger.db), report };
}

/** Backups whose chain head is not part of the restored chain no longer anchor it. */
function supersede(dir: string, restoredName: string, head: ChainHead | null): void {
  for (const b of listBackups(dir)) {
    if (b.sealId === null || b.name === restoredName) continue;
    if (head && b.sealId <= head.sealId) continue; // an ancestor: still a valid anchor (verify checks the hash)
    const file = path.join(dir, b.name);
    const s = readSidecar(file);
    if (s && !s.supersededBy) writeSidecar(file, { ...s, supersededBy: restoredName });
  }
}

function rawCopy(ledgerFile: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const name = newBackupName(dir, ledgerFile, 'pre-restore', new Date()).replace(/\.arw$/, '-raw.arw');
  fs.copyFileSync(ledgerFile, path.join(dir, name));
  if (fs.existsSync(`${ledgerFile}-wal`)) fs.copyFileSync(`${ledgerFile}-wal`, path.join(dir, `${name}-wal`));
  return name;
}
