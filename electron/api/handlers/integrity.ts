/** Handlers of the integrity operations: verify, backups, restore. Requests arrive validated. */
import path from 'node:path';
import type { integrityOps, VerifyReport } from '../../../shared/api/integrity';
import { requireLedger, type AppContext } from '../../app/context';
import { guardNewLedger, guardOf, openGuardedLedger } from '../../backup/auto';
import { makeBackup, readBackupSettings, rotate, writeBackupSettings } from '../../backup/make';
import { restoreBackup } from '../../backup/restore';
import { backupFolderOf } from '../../backup/folder';
import { backupAnchors, listBackups, resolveBackup } from '../../backup/store';
import type { Ledger } from '../../db/open';
import { chainHead } from '../../integrity/chain';
import { ledgerLocationWarning } from '../../integrity/location';
import { readLock } from '../../integrity/lock';
import { verifyLedger } from '../../integrity/verify';
import type { Handler } from '../dispatch';

const lastVerify = new WeakMap<Ledger, VerifyReport>();

/** The ledger's backup folder: the one chosen in Settings, else the app's own (electron/backup/folder.ts). */
function backupDir(ctx: AppContext, ledger: Ledger): string {
  return guardOf(ledger)?.backupDir ?? backupFolderOf(ctx.dataDir, ledger.file);
}

export const integrityHandlers: { [K in keyof typeof integrityOps]: Handler<K> } = {
  async 'integrity-status'(ctx) {
    const ledger = requireLedger(ctx);
    const dir = backupDir(ctx, ledger);
    const lock = readLock(ledger.file);
    return {
      ledgerName: path.basename(ledger.file),
      head: await chainHead(ledger.db),
      lock: lock ? { host: lock.host, pid: lock.pid, user: lock.user, since: lock.since } : null,
      location: ledgerLocationWarning(ledger.file),
      backupFolder: dir,
      settings: await readBackupSettings(ledger),
      backups: listBackups(dir),
      lastVerify: lastVerify.get(ledger) ?? null,
    };
  },
  async 'integrity-verify'(ctx) {
    const ledger = requireLedger(ctx);
    const report = await verifyLedger(ledger, { anchors: backupAnchors(backupDir(ctx, ledger)) });
    lastVerify.set(ledger, report);
    return report;
  },
  async 'backup-list'(ctx) {
    const ledger = requireLedger(ctx);
    return listBackups(backupDir(ctx, ledger));
  },
  async 'backup-now'(ctx) {
    const ledger = requireLedger(ctx);
    return makeBackup(ledger, { dir: backupDir(ctx, ledger), kind: 'manual' });
  },
  async 'backup-settings-set'(ctx, req) {
    const ledger = requireLedger(ctx);
    const saved = await writeBackupSettings(ledger, req);
    rotate(backupDir(ctx, ledger), saved);
    return saved;
  },
  async 'backup-restore'(ctx, req) {
    const current = requireLedger(ctx);
    const dir = backupDir(ctx, current);
    const backupFile = resolveBackup(dir, req.name);
    const guard = guardOf(current);
    let res;
    try {
      res = await restoreBackup({
        ledgerFile: current.file,
        dir,
        backupFile,
        current,
        // The restore has just made its own safety backup: close without the on-close backup.
        close: async () => {
          ctx.ledger = null;
          await (guard ? guard.closeQuietly() : current.close());
        },
        nativeBinding: ctx.nativeBinding,
      });
    } catch (e) {
      // Failed after closing: the app keeps working on whatever file is there now.
      if (!ctx.ledger) ctx.ledger = await openGuardedLedger(current.file, { dataDir: ctx.dataDir, nativeBinding: ctx.nativeBinding, log: ctx.log });
      throw e;
    }
    ctx.ledger = guard ? guardNewLedger(res.ledger, { dataDir: ctx.dataDir, log: ctx.log }) : res.ledger;
    return { restored: res.restored, safetyBackup: res.safetyBackup, head: res.head };
  },
};
