/**
 * Settings › backup folder: a typed folder is checked (absolute, a folder, existing,
 * writable) and refused with a typed error otherwise; once chosen, manual and automatic backups
 * land in the ledger's sub-folder of it and are listed, verify anchors on them, restore reads
 * them, the choice survives a restart and a restore, the CLI finds it, and a synced folder is
 * named (fine for backups). The desktop picker is main's hook; browser mode refuses it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import { guardOf } from '../../electron/backup/auto';
import { backupFolderOf, checkBackupFolder, chosenBackupFolder } from '../../electron/backup/folder';
import { backupDirFor, ledgerFolderName, listBackups } from '../../electron/backup/store';
import { run } from '../../electron/cli/arw';
import { LedgerError } from '../../electron/errors';
import { postInvoice } from '../../electron/services/ledger';
import { errorMessage } from '../../shared/i18n/errors';
import { addCustomer, tempDir } from '../helpers';

function refusal(fn: () => unknown): { key: string; params: Record<string, string | number> } {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerError) return { key: e.key, params: e.params as Record<string, string | number> };
    throw e;
  }
  throw new Error('not refused');
}

async function appWithLedger(dataDir: string, ledgerFile?: string): Promise<AppContext> {
  const ctx = await createContext({ mode: 'web', version: 't', dataDir, ledgerFile });
  if (!ctx.ledger) {
    expect(await dispatch(ctx, 'ledger-create', { companyName: 'Backup Co.', currency: 'CNY' })).toMatchObject({ ok: true });
    await addCustomer(ctx.ledger!, 'A');
    await postInvoice(ctx.ledger!.db, { customerId: 1, number: 'I-1', date: '2026-01-05', amount: '10.00' });
  }
  return ctx;
}

describe('choosing the backup folder', () => {
  it('checks a typed folder and names what is wrong with it, in the user’s language', () => {
    const root = tempDir('arw-bf-check-');
    const file = path.join(root, 'a-file.txt');
    fs.writeFileSync(file, 'x');
    expect(refusal(() => checkBackupFolder('backups/here'))).toMatchObject({ key: 'error.folderNotAbsolute', params: { path: 'backups/here' } });
    expect(refusal(() => checkBackupFolder(''))).toMatchObject({ key: 'error.folderNotAbsolute' });
    expect(refusal(() => checkBackupFolder(file))).toEqual({ key: 'error.folderNotDirectory', params: { path: file } });
    expect(refusal(() => checkBackupFolder(path.join(file, 'sub')))).toMatchObject({ key: 'error.folderMissing', params: { path: path.join(file, 'sub') } });
    if (process.platform === 'linux') {
      // A folder nobody can create files in, even as root.
      expect(refusal(() => checkBackupFolder('/proc/self'))).toMatchObject({ key: 'error.folderNotWritable', params: { path: '/proc/self' } });
    }
    const missing = path.join(root, 'new', 'deeper');
    expect(refusal(() => checkBackupFolder(missing))).toMatchObject({ key: 'error.folderMissing', params: { path: missing } });
    expect(fs.existsSync(path.join(root, 'new'))).toBe(false); // nothing created from a request
    fs.mkdirSync(missing, { recursive: true });
    expect(checkBackupFolder(` ${missing}${path.sep} `)).toBe(missing);
    expect(fs.readdirSync(missing)).toEqual([]); // the write probe is gone
    expect(errorMessage('en', 'error.folderNotDirectory', { path: file })).toBe(`${file} is a file, not a folder`);
    expect(errorMessage('zh', 'error.folderNotDirectory', { path: file })).toBe(`${file} 是文件，不是文件夹`);
  });

  it('puts manual and automatic backups in the chosen folder, lists, verifies against and restores from them', async () => {
    const dataDir = tempDir('arw-bf-data-');
    const chosen = path.join(tempDir('arw-bf-target-'), 'AR backups');
    fs.mkdirSync(chosen, { recursive: true });
    const ctx = await appWithLedger(dataDir);
    const ledgerFile = ctx.ledger!.file;
    const own = backupDirFor(dataDir, ledgerFile);
    expect(await dispatch(ctx, 'backup-folder-get', {})).toEqual({ ok: true, value: { folder: own, custom: false, defaultFolder: own, location: null, canChoose: false, backups: 0 } });

    expect(await dispatch(ctx, 'backup-folder-set', { folder: 'relative/path' })).toMatchObject({ ok: false, error: { key: 'error.folderNotAbsolute', field: 'folder' } });
    expect(chosenBackupFolder(dataDir, ledgerFile)).toBeNull();

    const set = await dispatch(ctx, 'backup-folder-set', { folder: chosen });
    const target = path.join(chosen, ledgerFolderName(ledgerFile));
    expect(set).toEqual({ ok: true, value: { folder: target, custom: true, defaultFolder: own, location: null, canChoose: false, backups: 0 } });
    expect(guardOf(ctx.ledger!)!.backupDir).toBe(target);
    const audit = await ctx.ledger!.db.selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('action', '=', 'backup.folder').execute();
    expect(audit).toEqual([{ action: 'backup.folder', before_json: 'null', after_json: JSON.stringify(chosen) }]);

    const made = await dispatch(ctx, 'backup-now', {});
    expect(made).toMatchObject({ ok: true, value: { kind: 'manual', verified: true } });
    const name = (made as { value: { name: string } }).value.name;
    expect(fs.existsSync(path.join(target, name))).toBe(true);
    expect(fs.existsSync(own)).toBe(false);
    expect(await dispatch(ctx, 'backup-list', {})).toMatchObject({ ok: true, value: [{ name, kind: 'manual' }] });
    expect(await dispatch(ctx, 'integrity-status', {})).toMatchObject({ ok: true, value: { backupFolder: target, backups: [{ name }] } });
    expect(await dispatch(ctx, 'backup-folder-get', {})).toMatchObject({ ok: true, value: { backups: 1 } });
    // Verify checks the ledger against the chosen folder's backups.
    expect(await dispatch(ctx, 'integrity-verify', {})).toMatchObject({ ok: true, value: { ok: true, anchors: 1 } });

    await postInvoice(ctx.ledger!.db, { customerId: 1, number: 'LATER', date: '2026-01-06', amount: '5.00' });
    const restored = await dispatch(ctx, 'backup-restore', { name });
    expect(restored).toMatchObject({ ok: true, value: { restored: name } });
    // The safety backup of the replaced ledger went to the chosen folder too, and the restored ledger still uses it.
    expect(listBackups(target).map((b) => b.kind).sort()).toEqual(['manual', 'pre-restore']);
    expect(guardOf(ctx.ledger!)!.backupDir).toBe(target);
    expect((await ctx.ledger!.db.selectFrom('documents').select('number').execute()).map((d) => d.number)).toEqual(['I-1']);

    // The on-close automatic backup (something changed: the restore's audit entry) lands there as well.
    await postInvoice(ctx.ledger!.db, { customerId: 1, number: 'AFTER', date: '2026-01-07', amount: '6.00' });
    await ctx.ledger!.close();
    expect(listBackups(target).map((b) => b.kind).sort()).toEqual(['close', 'manual', 'pre-restore']);

    // A restart remembers the folder (it is kept in the data folder, keyed by the ledger's path).
    const again = await createContext({ mode: 'web', version: 't', dataDir, ledgerFile });
    expect(await dispatch(again, 'backup-folder-get', {})).toMatchObject({ ok: true, value: { folder: target, custom: true, backups: 3 } });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'backup-folders.json'), 'utf8')).ledgers[path.resolve(ledgerFile)].folder).toBe(chosen);

    // The command line finds the same folder without --backups.
    const before = process.env.ARW_DATA_DIR;
    process.env.ARW_DATA_DIR = dataDir;
    try {
      const lines: string[] = [];
      expect(await run(['backups', '--ledger', ledgerFile, '--lang', 'en'], (s) => void lines.push(s))).toBe(0);
      expect(lines.join('')).toContain(`Backup folder: ${target}`);
      expect(lines.join('')).toContain(name);
    } finally {
      if (before === undefined) delete process.env.ARW_DATA_DIR;
      else process.env.ARW_DATA_DIR = before;
    }

    // Back to the app's own folder: new backups go there again; the old ones stay where they are.
    expect(await dispatch(again, 'backup-folder-set', { folder: null })).toMatchObject({ ok: true, value: { folder: own, custom: false, backups: 0 } });
    expect(backupFolderOf(dataDir, ledgerFile)).toBe(own);
    expect(listBackups(target)).toHaveLength(3);
    await again.ledger!.close();
  });

  it('keeps two ledgers sharing a folder apart', async () => {
    const shared = tempDir('arw-bf-shared-');
    const a = await appWithLedger(tempDir('arw-bf-a-'));
    const b = await appWithLedger(tempDir('arw-bf-b-'));
    for (const ctx of [a, b]) {
      await dispatch(ctx, 'backup-folder-set', { folder: shared });
      await dispatch(ctx, 'backup-now', {});
    }
    expect(fs.readdirSync(shared)).toHaveLength(2);
    expect(await dispatch(a, 'backup-list', {})).toMatchObject({ ok: true, value: [{ kind: 'manual' }] });
    expect(await dispatch(b, 'integrity-verify', {})).toMatchObject({ ok: true, value: { ok: true, anchors: 1 } });
    await a.ledger!.close();
    await b.ledger!.close();
  });

  it('says when the folder is synced by a cloud service, and accepts it', async () => {
    const ctx = await appWithLedger(tempDir('arw-bf-cloud-'));
    const dropbox = path.join(tempDir('arw-bf-home-'), 'Dropbox', 'Backups');
    fs.mkdirSync(dropbox, { recursive: true });
    expect(await dispatch(ctx, 'backup-folder-set', { folder: dropbox })).toMatchObject({ ok: true, value: { custom: true, location: { kind: 'cloud', provider: 'Dropbox' } } });
    expect(await dispatch(ctx, 'backup-now', {})).toMatchObject({ ok: true, value: { verified: true } });
    await ctx.ledger!.close();
  });

  it('asks main’s folder picker in the desktop app; browser mode types a path instead', async () => {
    const ctx = await appWithLedger(tempDir('arw-bf-desk-'));
    expect(await dispatch(ctx, 'backup-folder-choose', {})).toMatchObject({ ok: false, error: { key: 'error.desktopOnly' } });
    const picked = tempDir('arw-bf-picked-');
    const asked: string[] = [];
    let answer: string | null = null;
    ctx.mode = 'desktop';
    ctx.desktop = {
      printPdf: async () => false,
      chooseFolder: async (title) => {
        asked.push(title);
        return answer;
      },
    };
    expect(await dispatch(ctx, 'backup-folder-get', {})).toMatchObject({ ok: true, value: { canChoose: true } });
    expect(await dispatch(ctx, 'backup-folder-choose', {})).toMatchObject({ ok: true, value: { cancelled: true, custom: false } });
    answer = picked;
    expect(await dispatch(ctx, 'backup-folder-choose', {})).toMatchObject({ ok: true, value: { cancelled: false, custom: true, folder: path.join(picked, ledgerFolderName(ctx.ledger!.file)) } });
    expect(asked).toEqual(['选择备份文件夹', '选择备份文件夹']); // the app's language (Chinese by default)
    await ctx.ledger!.close();
  });
});
