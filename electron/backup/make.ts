/**
 * Writing one backup: SQLite's online backup API (a consistent copy while the app keeps working),
 * made a single self-contained file, then verified before it counts: SQLite's quick_check, the
 * migrations, and the whole tamper-evidence chain recomputed on the copy. Only then is it renamed
 * into place with its sidecar, and older automatic backups rotated out.
 */
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind, BackupSettings } from '../../shared/api/integrity';
import { openLedger, type Ledger } from '../db/open';
import { currentActor, writeTx } from '../db/tx';
import { LedgerError } from '../errors';
import { chainHead } from '../integrity/chain';
import { verifyLedger } from '../integrity/verify';
import { audit } from '../repos/audit';
import { backupsToKeep, DEFAULT_BACKUP_SETTINGS } from './rotation';
import { fileSha256, fsyncDir, fsyncFile, listBackups, newBackupName, removeBackup, toInfo, writeSidecar, type Sidecar } from './store';
import { readSetting, writeSetting } from '../repos/settings';

const SETTINGS_KEY = 'integrity.backup';

export async function readBackupSettings(ledger: Ledger): Promise<BackupSettings> {
  return readSetting(ledger.db, SETTINGS_KEY, { ...DEFAULT_BACKUP_SETTINGS }, (v) => ({ ...DEFAULT_BACKUP_SETTINGS, ...(v as Partial<BackupSettings>) }));
}

export async function writeBackupSettings(ledger: Ledger, settings: BackupSettings, actor = currentActor()): Promise<BackupSettings> {
  await writeTx(ledger.db, async (trx) => {
    const before = await readSetting<unknown>(trx, SETTINGS_KEY, null, (v) => v);
    await writeSetting(trx, SETTINGS_KEY, settings);
    await audit(trx, { action: 'backup.settings', entity: 'settings', entityId: SETTINGS_KEY, before, after: settings }, actor);
  });
  return settings;
}

export interface MakeBackupOptions {
  dir: string;
  kind: BackupKind;
  now?: Date;
  /** Rotation after writing (automatic kinds); defaults to the ledger's settings. */
  settings?: BackupSettings;
}

export async function makeBackup(ledger: Ledger, opts: MakeBackupOptions): Promise<BackupInfo> {
  const at = opts.now ?? new Date();
  fs.mkdirSync(opts.dir, { recursive: true });
  const name = newBackupName(opts.dir, ledger.file, opts.kind, at);
  const file = path.join(opts.dir, name);
  const tmp = path.join(opts.dir, `.${name}.partial`);
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
  try {
    await ledger.sqlite.backup(tmp);
    // One self-contained file: no -wal beside it to lose when the backup is copied elsewhere.
    const copy = new BetterSqlite3(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    const sidecar = await verifyCopy(ledger, tmp, opts.kind, at);
    fs.renameSync(tmp, file);
    writeSidecar(file, sidecar);
    fsyncDir(opts.dir);
    if (opts.kind === 'daily' || opts.kind === 'close') rotate(opts.dir, opts.settings ?? (await readBackupSettings(ledger)));
    return toInfo(file, sidecar);
  } catch (e) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) fs.rmSync(f, { force: true });
    throw e;
  }
}

async function verifyCopy(source: Ledger, tmp: string, kind: BackupKind, at: Date): Promise<Sidecar> {
  let copy: Ledger;
  try {
    copy = await openLedger(tmp, { readonly: true }); // quick_check and the migrations
  } catch (e) {
    throw new LedgerError('error.backupVerify', { detail: e instanceof LedgerError ? e.key : String(e) });
  }
  try {
    const report = await verifyLedger(copy);
    const head = report.head;
    // The copy's head must be a seal of the source (the source may have moved on since).
    if (head) {
      const same = await source.db.selectFrom('integrity_seals').select('hash').where('id', '=', head.sealId).executeTakeFirst();
      if (!same || same.hash !== head.hash) throw new LedgerError('error.backupVerify', { detail: `seal ${head.sealId} differs from the ledger's` });
    }
    const bytes = fs.statSync(tmp).size;
    return {
      format: 1,
      app: 'AR Workstation',
      kind,
      ledger: path.basename(source.file),
      createdAt: at.toISOString(),
      bytes,
      sha256: fileSha256(tmp),
      sealId: head?.sealId ?? null,
      hash: head?.hash ?? null,
      verified: report.ok,
      problems: report.problems.filter((p) => p.severity === 'error').length,
    };
  } finally {
    await copy.close();
  }
}

/** Deletes automatic backups that fall outside the rotation. */
export function rotate(dir: string, settings: Pick<BackupSettings, 'daily' | 'weekly' | 'monthly'>): string[] {
  const all = listBackups(dir);
  const keep = backupsToKeep(all, settings);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.name)) continue;
    removeBackup(path.join(dir, b.name));
    removed.push(b.name);
  }
  return removed;
}

/** Whether the ledger changed since the newest backup (same chain head: nothing new to keep). */
export async function changedSinceLastBackup(ledger: Ledger, dir: string): Promise<boolean> {
  const head = await chainHead(ledger.db);
  const newest = listBackups(dir).find((b) => b.kind !== 'pre-restore');
  if (!newest || !head) return true;
  return newest.sealId !== head.sealId;
}
