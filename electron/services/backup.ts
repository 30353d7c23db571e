import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../db/open';
import { openLedger } from '../db/open';
import { LedgerError } from '../errors';

/** An online, consistent copy through SQLite's backup API, verified by opening it and running quick_check. */
export async function backupLedger(ledger: Ledger, out: string): Promise<{ file: string; bytes: number }> {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new LedgerError('error.ledgerExists', { file: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await ledger.sqlite.backup(target);
  const copy = await openLedger(target, { readonly: true });
  await copy.close();
  return { file: target, bytes: fs.statSync(target).size };
}
