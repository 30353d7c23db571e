/**
 * Where a ledger's backups go. By default <data folder>/backups/<ledger>-<id>; the user may choose
 * another folder (an external disk, a synced folder), and the ledger's backups then go to its own
 * sub-folder <chosen>/<ledger>-<id>, so ledgers sharing a folder never mix their backups.
 *
 * The choice is remembered per ledger path in the app's data folder (backup-folders.json), not in
 * the ledger: the folder is a fact about this computer (a drive letter, a mount), a restore must
 * find the backups before it can read any ledger, and a restored ledger carries whatever it held
 * when it was backed up. Keying by the ledger's path means the restored file, at the same path,
 * still finds them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerError } from '../errors';
import { backupDirFor, ledgerFolderName } from './store';

const FILE = 'backup-folders.json';

interface Stored {
  format: 1;
  /** Ledger path (as resolved; lower-case on Windows) → the folder the user chose. */
  ledgers: Record<string, { folder: string; chosenAt: string }>;
}

function keyOf(ledgerFile: string): string {
  const abs = path.resolve(ledgerFile);
  return process.platform === 'win32' ? abs.toLowerCase() : abs;
}

function read(dataDir: string): Stored {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(dataDir, FILE), 'utf8')) as Stored;
    if (raw && raw.format === 1 && raw.ledgers && typeof raw.ledgers === 'object') return raw;
  } catch {
    // none yet, or unreadable: every ledger uses the app's own folder
  }
  return { format: 1, ledgers: {} };
}

function write(dataDir: string, stored: Stored): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(stored, null, 2));
  fs.renameSync(tmp, file);
}

/** The folder the user chose for this ledger, or null (the app's own folder). */
export function chosenBackupFolder(dataDir: string, ledgerFile: string): string | null {
  const entry = read(dataDir).ledgers[keyOf(ledgerFile)];
  return entry && typeof entry.folder === 'string' && path.isAbsolute(entry.folder) ? entry.folder : null;
}

/** Where this ledger's backups are written, listed, anchored and restored from. */
export function backupFolderOf(dataDir: string, ledgerFile: string): string {
  const chosen = chosenBackupFolder(dataDir, ledgerFile);
  return chosen ? path.join(chosen, ledgerFolderName(ledgerFile)) : backupDirFor(dataDir, ledgerFile);
}

/** Remembers (or with null forgets) the folder chosen for a ledger. The folder must have passed checkBackupFolder. */
export function rememberBackupFolder(dataDir: string, ledgerFile: string, folder: string | null): void {
  const stored = read(dataDir);
  if (folder === null) delete stored.ledgers[keyOf(ledgerFile)];
  else stored.ledgers[keyOf(ledgerFile)] = { folder, chosenAt: new Date().toISOString() };
  write(dataDir, stored);
}

/**
 * A folder typed or picked by the user, checked: an absolute path, an existing folder, and writable (a probe file is written and removed). Returns the resolved path;
 * throws a typed error naming the problem otherwise.
 */
export function checkBackupFolder(input: string): string {
  const typed = input.trim();
  const expanded = typed === '~' || typed.startsWith('~/') || typed.startsWith('~\\') ? path.join(os.homedir(), typed.slice(1)) : typed;
  if (expanded === '' || !path.isAbsolute(expanded) || expanded.includes('\0')) throw new LedgerError('error.folderNotAbsolute', { path: typed.slice(0, 200) }, 'folder');
  const folder = path.resolve(expanded);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(folder);
  } catch {
    stat = null;
  }
  if (stat && !stat.isDirectory()) throw new LedgerError('error.folderNotDirectory', { path: folder }, 'folder');
  // A typed path must name a folder that exists: main never creates folders from a request (a
  // typo would scatter folders over the disk; the desktop picker can make a new one).
  if (!stat) throw new LedgerError('error.folderMissing', { path: folder }, 'folder');
  const probe = path.join(folder, `.arw-write-test-${process.pid}-${Date.now()}`);
  try {
    fs.writeFileSync(probe, 'AR Workstation backup folder check');
    fs.rmSync(probe, { force: true });
  } catch (e) {
    fs.rmSync(probe, { force: true });
    throw new LedgerError('error.folderNotWritable', { path: folder, detail: codeOf(e) }, 'folder');
  }
  return folder;
}

function codeOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
