/** `arw verify`, `arw restore` and `arw backups`: the tamper-evidence check and backups from the command line. */
import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../shared/domain';
import { defaultDataDir } from '../app/context';
import { restoreBackup } from '../backup/restore';
import { backupFolderOf } from '../backup/folder';
import { backupAnchors, listBackups, resolveBackup } from '../backup/store';
import { openLedger, type Ledger } from '../db/open';
import { LedgerError } from '../errors';
import { acquireLock } from './lock';
import { reportText } from './messages';
import { verifyLedger, type Anchor } from './verify';

export const INTEGRITY_USAGE = `  arw verify  --ledger F [--anchor SEAL:HASH]… [--backups DIR] [--format json]
              (recomputes the tamper-evidence chain and every stored file's SHA-256)
  arw backups --ledger F [--backups DIR]
  arw restore --ledger F --from BACKUP [--backups DIR] [--force]
              (BACKUP: a name in the backup folder or a file; the current ledger is backed up first)`;

export class IntegrityUsageError extends Error {}

export interface IntegrityArgs {
  ledger: string;
  anchor?: string[];
  backups?: string;
  from?: string;
  force?: boolean;
  format?: string;
}

function parseAnchor(text: string): Anchor {
  const m = /^(\d+):([0-9a-f]{64})$/i.exec(text.trim());
  if (!m) throw new IntegrityUsageError(`--anchor takes SEAL:HASH (e.g. 42:${'ab'.repeat(32)}), not "${text}"`);
  return { sealId: Number(m[1]), hash: m[2].toLowerCase(), source: '--anchor' };
}

export async function runIntegrityCommand(command: 'verify' | 'backups' | 'restore', args: IntegrityArgs, lang: Language, out: (s: string) => void): Promise<number> {
  const zh = lang === 'zh';
  // Without --backups: the folder the app uses for this ledger (the one chosen in Settings, if any).
  const dir = path.resolve(args.backups ?? backupFolderOf(defaultDataDir(), args.ledger));
  if (command === 'verify') {
    const anchors = [...(args.anchor ?? []).map(parseAnchor), ...backupAnchors(dir)];
    let ledger: Ledger | null = null;
    try {
      ledger = await openLedger(args.ledger, { readonly: true });
      const report = await verifyLedger(ledger, { anchors });
      out(args.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : reportText(lang, report));
      return report.ok ? 0 : 1;
    } finally {
      await ledger?.close();
    }
  }
  if (command === 'backups') {
    const list = listBackups(dir);
    out(`${zh ? '备份文件夹' : 'Backup folder'}: ${dir}\n`);
    for (const b of list) {
      const state = b.verified ? (zh ? '已核验' : 'verified') : zh ? '未核验' : 'NOT verified';
      out(`  ${b.name}  ${b.kind}  ${b.createdAt}  ${b.bytes} bytes  ${zh ? '封签' : 'seal'} ${b.sealId ?? '-'}  ${state}\n`);
    }
    if (!list.length) out(zh ? '  （没有备份）\n' : '  (no backups)\n');
    return 0;
  }
  if (!args.from) throw new IntegrityUsageError('arw restore --ledger F --from BACKUP [--backups DIR] [--force]');
  const backupFile = resolveBackup(dir, args.from, true);
  if (!fs.existsSync(backupFile)) throw new LedgerError('error.backupMissing', { name: args.from });
  // Never swap the file under a running app.
  const lock = fs.existsSync(args.ledger) ? acquireLock(args.ledger) : null;
  try {
    const res = await restoreBackup({ ledgerFile: args.ledger, dir, backupFile, force: args.force });
    await res.ledger.close();
    out(
      zh
        ? `已从 ${res.restored} 恢复账套 ${args.ledger}\n恢复前的账套已备份为 ${res.safetyBackup ?? '（原无账套）'}（${dir}）\n链头：封签 ${res.head?.sealId ?? '-'} ${res.head?.hash ?? ''}\n`
        : `Restored ${args.ledger} from ${res.restored}\nThe ledger as it was is kept as ${res.safetyBackup ?? '(there was none)'} in ${dir}\nChain head: seal ${res.head?.sealId ?? '-'} ${res.head?.hash ?? ''}\n`,
    );
    if (!res.report.ok) process.stderr.write(zh ? '警告：该备份未通过核验，已按 --force 恢复\n' : 'Warning: the backup does not verify; restored because of --force\n');
    return 0;
  } finally {
    lock?.release();
  }
}
