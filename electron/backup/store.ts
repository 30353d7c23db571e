/**
 * The backup folder: one self-contained SQLite file per backup plus a sidecar `.json` with its
 * kind, time, SHA-256 and the chain head it holds (an anchor outside the ledger: verify checks
 * the ledger's chain against every backup's head).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind } from '../../shared/api/integrity';
import { LedgerError } from '../errors';
import type { Anchor } from '../integrity/verify';

export interface Sidecar {
  format: 1;
  app: 'AR Workstation';
  kind: BackupKind;
  ledger: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  sealId: number | null;
  hash: string | null;
  verified: boolean;
  problems: number;
  /** Set when a restore went back past this backup: its chain head no longer anchors the ledger. */
  supersededBy?: string;
}

export const BACKUP_NAME = /^[A-Za-z0-9_.\-\u4e00-\u9fff]+\.arw$/;

/** The app's backup folder for a ledger: <data folder>/backups/<ledger name>-<hash of its path>. */
export function backupDirFor(dataDir: string, ledgerFile: string): string {
  return path.join(dataDir, 'backups', ledgerFolderName(ledgerFile));
}

/**
 * "<ledger name>-<hash of its path>": the ledger's own sub-folder, in the app's backup folder or
 * in one the user chose (so two ledgers sharing a folder never list, rotate or anchor each
 * other's backups).
 */
export function ledgerFolderName(ledgerFile: string): string {
  const abs = path.resolve(ledgerFile);
  const id = crypto.createHash('sha256').update(process.platform === 'win32' ? abs.toLowerCase() : abs).digest('hex').slice(0, 8);
  return `${safeStem(ledgerFile)}-${id}`;
}

export function safeStem(ledgerFile: string): string {
  const stem = path.basename(ledgerFile).replace(/\.[^.]*$/, '');
  return stem.replace(/[^A-Za-z0-9_.\-\u4e00-\u9fff]+/g, '_').replace(/^\.+/, '').slice(0, 80) || 'ledger';
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function newBackupName(dir: string, ledgerFile: string, kind: BackupKind, at: Date): string {
  const base = `${safeStem(ledgerFile)}-${stamp(at)}-${kind}`;
  for (let i = 1; ; i++) {
    const name = `${base}${i > 1 ? `-${i}` : ''}.arw`;
    if (!fs.existsSync(path.join(dir, name))) return name;
  }
}

/** A backup named by the user (renderer or CLI): only a plain name inside the folder is accepted. */
export function resolveBackup(dir: string, nameOrPath: string, allowPath = false): string {
  if (allowPath && (nameOrPath.includes('/') || nameOrPath.includes('\\'))) return path.resolve(nameOrPath);
  if (!BACKUP_NAME.test(nameOrPath) || nameOrPath.startsWith('.')) throw new LedgerError('error.backupName', { name: nameOrPath.slice(0, 80) }, 'name');
  const file = path.join(dir, nameOrPath);
  if (path.dirname(file) !== path.resolve(dir)) throw new LedgerError('error.backupName', { name: nameOrPath.slice(0, 80) }, 'name');
  if (!fs.existsSync(file)) throw new LedgerError('error.backupMissing', { name: nameOrPath });
  return file;
}

export function sidecarOf(file: string): string {
  return file.replace(/\.arw$/, '') + '.json';
}

export function readSidecar(file: string): Sidecar | null {
  try {
    const s = JSON.parse(fs.readFileSync(sidecarOf(file), 'utf8')) as Sidecar;
    return s && s.format === 1 ? s : null;
  } catch {
    return null;
  }
}

export function writeSidecar(file: string, s: Sidecar): void {
  const tmp = sidecarOf(file) + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(s, null, 2));
  fsyncFile(tmp);
  fs.renameSync(tmp, sidecarOf(file));
}

export function fileSha256(file: string): string {
  const h = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable (POSIX); directories cannot be opened for fsync on Windows, which is fine. */
export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported here
  }
}

export function toInfo(file: string, s: Sidecar): BackupInfo {
  return { name: path.basename(file), kind: s.kind, createdAt: s.createdAt, bytes: s.bytes, sealId: s.sealId, sha256: s.sha256, verified: s.verified };
}

/** Backups in the folder, newest first. Files without a readable sidecar are listed as unverified. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!BACKUP_NAME.test(name)) continue;
    const file = path.join(dir, name);
    const s = readSidecar(file);
    if (s) out.push(toInfo(file, s));
    else {
      const st = fs.statSync(file);
      out.push({ name, kind: 'manual', createdAt: st.mtime.toISOString(), bytes: st.size, sealId: null, sha256: '', verified: false });
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/** Every backup's recorded chain head: verify checks the ledger against them. */
export function backupAnchors(dir: string): Anchor[] {
  const anchors: Anchor[] = [];
  if (!fs.existsSync(dir)) return anchors;
  for (const name of fs.readdirSync(dir)) {
    if (!BACKUP_NAME.test(name)) continue;
    const s = readSidecar(path.join(dir, name));
    if (s && s.sealId !== null && s.hash && !s.supersededBy) anchors.push({ sealId: s.sealId, hash: s.hash, source: name });
  }
  return anchors;
}

export function removeBackup(file: string): void {
  for (const f of [file, sidecarOf(file)]) {
    try {
      fs.unlinkSync(f);
    } catch {
      // already gone
    }
  }
}
