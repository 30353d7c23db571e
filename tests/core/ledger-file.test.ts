import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../electron/db/open';
import { checkLedger } from '../../electron/services/check';
import { backupLedger } from '../../electron/services/backup';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { addCustomer, tempDir, tempLedger } from '../helpers';

async function smallLedger() {
  const ledger = await tempLedger();
  const c = await addCustomer(ledger, 'C1');
  await postInvoice(ledger.db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' });
  await postPayment(ledger.db, { customerId: c.id, kind: 'receipt', reference: 'R1', date: '2026-01-05', amount: '40' });
  return ledger;
}

describe('the ledger file', () => {
  it('is WAL, synchronous FULL, foreign keys on, STRICT tables', async () => {
    const ledger = await tempLedger();
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const sqlText = ledger.sqlite.prepare("select sql from sqlite_master where name = 'documents'").pluck().get() as string;
    expect(sqlText.trim().toLowerCase().endsWith('strict')).toBe(true);
    expect(() => ledger.sqlite.prepare("insert into customers (code,name,payment_terms_days,credit_limit,currency,created_at) values ('X','X','thirty',0,'CNY','t')").run()).toThrow();
  });

  it('refuses a ledger written by a newer app, naming the unknown migration', async () => {
    const ledger = await tempLedger();
    const file = ledger.file;
    await ledger.close();
    const raw = new BetterSqlite3(file);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('20991231_0001_future', '2099-12-31T00:00:00Z')").run();
    raw.close();
    await expect(openLedger(file)).rejects.toMatchObject({ key: 'error.ledgerTooNew', params: { migrations: '20991231_0001_future' } });
  });

  it('refuses a file that is not a ledger', async () => {
    const file = path.join(tempDir(), 'other.db');
    const raw = new BetterSqlite3(file);
    raw.exec('create table foo (x)');
    raw.close();
    await expect(openLedger(file)).rejects.toMatchObject({ key: 'error.notALedger' });
  });

  it('check passes on a good ledger and names what was corrupted by hand', async () => {
    const ledger = await smallLedger();
    expect(await checkLedger(ledger)).toEqual([]);
    const file = ledger.file;
    await ledger.close();
    // Tamper as an outsider would: bypass the append-only triggers and change a posted amount.
    const raw = new BetterSqlite3(file);
    raw.exec('drop trigger documents_no_update');
    raw.prepare("update documents set amount = 99999 where number = 'I1'").run();
    raw.close();
    const again = await openLedger(file);
    const problems = await checkLedger(again);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.detail).join('\n')).toMatch(/document 1/);
    await again.close();
  });

  it('check catches a derived state that disagrees with the posted rows', async () => {
    const ledger = await smallLedger();
    ledger.sqlite.prepare('update open_items set open_amount = 0 where document_id = 1').run();
    const problems = await checkLedger(ledger);
    expect(problems.some((p) => p.check === 'open_items')).toBe(true);
  });

  it('backup makes a consistent copy that opens and checks clean', async () => {
    const ledger = await smallLedger();
    const out = path.join(tempDir(), 'copy.arw');
    const res = await backupLedger(ledger, out);
    expect(fs.existsSync(res.file)).toBe(true);
    const copy = await openLedger(out);
    expect(await checkLedger(copy)).toEqual([]);
    expect(await copy.db.selectFrom('documents').select('number').execute()).toHaveLength(2);
    await expect(backupLedger(ledger, out)).rejects.toMatchObject({ key: 'error.ledgerExists' });
  });
});
