/** Handlers of the settings operations: number format, base currency, letter templates, backup folder. */
import path from 'node:path';
import type { BackupFolderStatus, settingsOps } from '../../../shared/api/settings';
import { todayIso } from '../../../shared/dates';
import { requireLedger, type AppContext } from '../../app/context';
import { backupFolderOf, checkBackupFolder, chosenBackupFolder, rememberBackupFolder } from '../../backup/folder';
import { backupDirFor, listBackups } from '../../backup/store';
import { customerLetterFacts } from '../../collections/letters/facts';
import { checkTemplate, letterTemplates, setLetterTemplate } from '../../collections/letters/template-store';
import { renderTemplate } from '../../collections/letters/templates';
import { LedgerError } from '../../errors';
import { ledgerLocationWarning } from '../../integrity/location';
import { getDisplaySettings, setBaseCurrency, setNumberFormat } from '../../services/display-settings';
import { audit } from '../../repos/audit';
import { writeTx } from '../../db/tx';
import type { Handler } from '../dispatch';

function folderStatus(ctx: AppContext): BackupFolderStatus {
  const ledger = requireLedger(ctx);
  const folder = backupFolderOf(ctx.dataDir, ledger.file);
  const chosen = chosenBackupFolder(ctx.dataDir, ledger.file);
  return {
    folder,
    custom: chosen !== null,
    defaultFolder: backupDirFor(ctx.dataDir, ledger.file),
    // The check looks at the folder a backup file would sit in.
    location: ledgerLocationWarning(path.join(folder, 'backup.arw')),
    canChoose: ctx.mode === 'desktop' && ctx.desktop !== undefined,
    backups: listBackups(folder).length,
  };
}

/** Checks, remembers, and records in the ledger's audit log where its backups go from now on. */
async function useFolder(ctx: AppContext, input: string | null): Promise<BackupFolderStatus> {
  const ledger = requireLedger(ctx);
  const before = chosenBackupFolder(ctx.dataDir, ledger.file);
  const folder = input === null ? null : checkBackupFolder(input);
  // The app's own folder chosen by path is the default, not a custom choice.
  const chosen = folder !== null && path.join(folder, path.basename(backupDirFor(ctx.dataDir, ledger.file))) === backupDirFor(ctx.dataDir, ledger.file) ? null : folder;
  if (chosen !== before) {
    rememberBackupFolder(ctx.dataDir, ledger.file, chosen);
    await writeTx(ledger.db, (trx) => audit(trx, { action: 'backup.folder', entity: 'settings', entityId: 'backup.folder', before, after: chosen }));
  }
  return folderStatus(ctx);
}

export const settingsHandlers: { [K in keyof typeof settingsOps]: Handler<K> } = {
  async 'display-settings-get'(ctx) {
    return getDisplaySettings(requireLedger(ctx).db);
  },
  async 'number-format-set'(ctx, req) {
    return setNumberFormat(requireLedger(ctx).db, req.numberFormat);
  },
  async 'base-currency-set'(ctx, req) {
    return setBaseCurrency(requireLedger(ctx).db, req.currency);
  },
  async 'letter-templates-get'(ctx) {
    return letterTemplates(requireLedger(ctx).db);
  },
  async 'letter-template-set'(ctx, req) {
    return setLetterTemplate(requireLedger(ctx).db, req.language, req.kind, req.text);
  },
  async 'letter-template-preview'(ctx, req) {
    const { db } = requireLedger(ctx);
    checkTemplate(req.kind, req.text);
    const facts = await customerLetterFacts(db, req.customerId, req.date ?? todayIso());
    const text = renderTemplate(facts, req.language, req.text);
    return { text: req.kind === 'email_subject' ? text.replace(/[\r\n]+/g, ' ') : text, customer: `${facts.customerCode} ${facts.customer}` };
  },
  async 'backup-folder-get'(ctx) {
    return folderStatus(ctx);
  },
  async 'backup-folder-set'(ctx, req) {
    return useFolder(ctx, req.folder === null || req.folder === '' ? null : req.folder);
  },
  async 'backup-folder-choose'(ctx) {
    const ledger = requireLedger(ctx);
    if (ctx.mode !== 'desktop' || !ctx.desktop) throw new LedgerError('error.desktopOnly', {});
    const title = ctx.prefs.language === 'zh' ? '选择备份文件夹' : 'Choose the backup folder';
    const picked = await ctx.desktop.chooseFolder(title, chosenBackupFolder(ctx.dataDir, ledger.file) ?? undefined);
    if (picked === null) return { ...folderStatus(ctx), cancelled: true };
    return { ...(await useFolder(ctx, picked)), cancelled: false };
  },
};
