/**
 * Settings operations: how amounts are shown, the base currency, the letter templates, and where
 * this ledger's backups go. (Language, company profile, aging, credit and backup rotation have
 * their own operations in core, aging, credit and integrity.)
 */
import { z } from 'zod';
import type { Language } from '../domain';
import { TEMPLATE_KINDS, type TemplateKind } from '../letter-templates';
import { NUMBER_FORMATS, type NumberFormat } from '../number-format';
import { empty, id, isoDate, op } from './common';
import type { LocationWarning } from './integrity';

export interface DisplaySettings {
  numberFormat: NumberFormat;
  baseCurrency: string;
  /** Documents posted in this ledger: once there is one, the base currency is fixed. */
  documents: number;
  baseCurrencyLocked: boolean;
}

export interface TemplateState {
  text: string;
  /** The ledger has its own version (else `text` is the built-in wording). */
  custom: boolean;
}

export type LetterTemplates = Record<Language, Record<TemplateKind, TemplateState>>;

export interface BackupFolderStatus {
  /** Where this ledger's backups go now. */
  folder: string;
  /** A folder the user chose (else the app's own folder in its data folder). */
  custom: boolean;
  defaultFolder: string;
  /** The folder is in a cloud-synced folder or on a network share (fine for backups; said so). */
  location: LocationWarning | null;
  /** The desktop app can show the system's folder picker; browser mode types a path. */
  canChoose: boolean;
  backups: number;
}

const numberFormatSet = z.object({ numberFormat: z.enum(NUMBER_FORMATS) });
const baseCurrencySet = z.object({ currency: z.string().regex(/^[A-Z]{3}$/, 'error.currency') });
const language = z.enum(['en', 'zh']);
const templateSet = z.object({ language, kind: z.enum(TEMPLATE_KINDS), text: z.string().max(20_000, 'error.templateTooLong').nullable() });
const templatePreview = z.object({ language, kind: z.enum(TEMPLATE_KINDS), text: z.string().max(20_000, 'error.templateTooLong'), customerId: id, date: isoDate.optional() });
/** A folder typed by the user (browser mode); null goes back to the app's own folder. Main checks it. */
const backupFolderSet = z.object({ folder: z.string().trim().max(1000, 'error.folderPath').nullable() });

export const settingsOps = {
  'display-settings-get': op<typeof empty, DisplaySettings>(empty),
  'number-format-set': op<typeof numberFormatSet, DisplaySettings>(numberFormatSet),
  'base-currency-set': op<typeof baseCurrencySet, DisplaySettings>(baseCurrencySet),
  'letter-templates-get': op<typeof empty, LetterTemplates>(empty),
  'letter-template-set': op<typeof templateSet, LetterTemplates>(templateSet),
  'letter-template-preview': op<typeof templatePreview, { text: string; customer: string }>(templatePreview),
  'backup-folder-get': op<typeof empty, BackupFolderStatus>(empty),
  'backup-folder-set': op<typeof backupFolderSet, BackupFolderStatus>(backupFolderSet),
  'backup-folder-choose': op<typeof empty, BackupFolderStatus & { cancelled: boolean }>(empty),
};
