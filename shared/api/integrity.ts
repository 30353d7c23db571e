/** Integrity operations: verify the tamper-evidence chain, backups (automatic, manual, restore), the lock. */
import { z } from 'zod';
import { empty, op } from './common';

export type VerifyProblemCode =
  | 'sqlite' // SQLite itself reports damage (quick_check) or cannot read a table
  | 'sealMissing' // seals were removed from the chain
  | 'sealLink' // a seal does not name the previous seal's hash
  | 'sealHash' // a seal's own content was altered
  | 'sealRange' // a seal's ranges do not continue where the previous ones ended
  | 'tableMissing' // a sealed table is gone
  | 'rowChanged' // a sealed row's content differs from what was sealed
  | 'rowCount' // sealed rows were removed or rows were slipped into a sealed range
  | 'unsealed' // rows after the last seal (written around the app)
  | 'outsideWrite' // rows written around the app, found and sealed by a later transaction
  | 'fileHash' // a stored file's bytes no longer match its SHA-256
  | 'fileSize'
  | 'anchorMismatch' // the chain differs from a hash recorded outside the ledger (a backup, a print-out)
  | 'anchorAhead'; // a recorded hash is newer than the ledger (it was replaced by an older copy)

export interface VerifyProblem {
  code: VerifyProblemCode;
  severity: 'error' | 'warning';
  table?: string;
  rowId?: number;
  /** For a chunk of an imported batch: the last rowid of the chunk that changed. */
  rowIdTo?: number;
  sealId?: number;
  sealedAt?: string;
  expected?: string | number;
  found?: string | number;
  detail?: string;
}

export interface ChainHead {
  sealId: number;
  hash: string;
  sealedAt: string;
}

export interface VerifyReport {
  ok: boolean;
  checkedAt: string;
  durationMs: number;
  seals: number;
  rows: number;
  files: number;
  anchors: number;
  head: ChainHead | null;
  /** The first broken link, in chain order (null when ok). */
  firstBroken: VerifyProblem | null;
  problems: VerifyProblem[];
  /** More problems were found than listed. */
  truncated: boolean;
}

export type BackupKind = 'daily' | 'close' | 'manual' | 'pre-restore';

export interface BackupInfo {
  /** File name inside the backup folder (never a path). */
  name: string;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  sealId: number | null;
  sha256: string;
  verified: boolean;
}

export interface BackupSettings {
  enabled: boolean;
  daily: number;
  weekly: number;
  monthly: number;
}

export interface LockInfo {
  host: string;
  pid: number;
  user: string;
  since: string;
}

export interface LocationWarning {
  kind: 'cloud' | 'network';
  /** Dropbox, OneDrive, iCloud Drive, Google Drive, Box, or the network share / file system. */
  provider: string;
}

export interface IntegrityStatus {
  ledgerName: string;
  head: ChainHead | null;
  lock: LockInfo | null;
  location: LocationWarning | null;
  backupFolder: string;
  settings: BackupSettings;
  backups: BackupInfo[];
  lastVerify: VerifyReport | null;
}

const count = (max: number) => z.number().int().min(0).max(max);
const backupSettings = z.object({ enabled: z.boolean(), daily: count(366), weekly: count(520), monthly: count(1200) });
/** A backup is chosen by its name in the backup folder, never by a path from the renderer. */
const backupName = z.object({ name: z.string().max(200).regex(/^[A-Za-z0-9_.\-\u4e00-\u9fff]+\.arw$/, 'error.backupName') });

export const integrityOps = {
  'integrity-status': op<typeof empty, IntegrityStatus>(empty),
  'integrity-verify': op<typeof empty, VerifyReport>(empty),
  'backup-list': op<typeof empty, BackupInfo[]>(empty),
  'backup-now': op<typeof empty, BackupInfo>(empty),
  'backup-settings-set': op<typeof backupSettings, BackupSettings>(backupSettings),
  'backup-restore': op<typeof backupName, { restored: string; safetyBackup: string | null; head: ChainHead | null }>(backupName),
};
