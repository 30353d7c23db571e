import { describe, expect, it } from 'vitest';
import { importCsv } from '../../electron/import/import';
import { parseCsv } from '../../electron/import/csv';
import { customerLedger } from '../../electron/services/customer-ledger';
import { checkLedger } from '../../electron/services/check';
import { tempLedger } from '../helpers';
import { addRate } from '../../electron/services/rates';

const CUSTOMERS = 'code,name,payment_terms_days,credit_limit,currency\nC1,华东五金有限公司,30,50000.00,CNY\nC2,"Acme, Inc.",45,0,USD\n';

async function counts(ledger: Awaited<ReturnType<typeof tempLedger>>) {
  const docs = await ledger.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const allocs = await ledger.db.selectFrom('allocations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const custs = await ledger.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { docs: Number(docs!.n), allocs: Number(allocs!.n), customers: Number(custs!.n) };
}

describe('CSV parsing', () => {
  it('handles BOM, quotes, doubled quotes, CRLF and embedded newlines', () => {
    const p = parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",2\n');
    expect(p.records.map((r) => r.cells)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', '2']]);
    expect(p.records.map((r) => r.line)).toEqual([1, 2, 3]);
  });
});

describe('arw import', () => {
  it('imports customers, invoices and receipts with allocation, and a re-import writes nothing', async () => {
    const ledger = await tempLedger();
    expect((await importCsv(ledger, 'customers', CUSTOMERS, { fileName: 'c.csv' })).created).toBe(2);
    await addRate(ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' }); // C2's documents are in USD (issue 8)
    const inv = '\ufeffnumber,customer_code,date,due_date,amount\nI1,C1,2026-01-01,,1000.00\nI2,C1,2026-01-05,2026-01-20,500\nU1,C2,2026-01-01,2026-02-01,10.5\n';
    const r1 = await importCsv(ledger, 'invoices', inv, { fileName: 'i.csv' });
    expect(r1).toMatchObject({ created: 3, skipped: 0, problems: [] });
    const rec = 'reference,customer_code,date,amount,applies_to\nR1,C1,2026-02-01,700,\nR2,C2,2026-02-02,10.50,U1\n';
    const r2 = await importCsv(ledger, 'receipts', rec, { fileName: 'r.csv' });
    expect(r2).toMatchObject({ created: 2, allocations: 3 });
    const l = await customerLedger(ledger.db, 1, '2026-12-31');
    // I2 is due first (01-20 vs 01-31 from 30-day terms), so it is paid first.
    expect(Object.fromEntries(l.entries.map((e) => [e.number, e.open]))).toEqual({ I1: 80000, I2: 0, R1: 0 });
    const before = await counts(ledger);
    const again = await importCsv(ledger, 'receipts', rec, { fileName: 'r.csv' });
    expect(again).toMatchObject({ created: 0, skipped: 2, problems: [] });
    expect(await importCsv(ledger, 'invoices', inv, { fileName: 'i.csv' })).toMatchObject({ created: 0, skipped: 3 });
    expect(await importCsv(ledger, 'customers', CUSTOMERS, { fileName: 'c.csv' })).toMatchObject({ created: 0, skipped: 2 });
    expect(await counts(ledger)).toEqual(before);
    expect(await checkLedger(ledger)).toEqual([]);
  });

  it('accepts Chinese headers in any order', async () => {
    const ledger = await tempLedger();
    await importCsv(ledger, 'customers', '客户名称,客户编码,币种,账期天数,信用额度\n华南电子,K1,CNY,60,100000\n', { fileName: 'c.csv' });
    const r = await importCsv(ledger, 'invoices', '客户编码,发票号,日期,金额,到期日\nK1,F-1,2026-03-01,88.80,\n', { fileName: 'i.csv' });
    expect(r).toMatchObject({ created: 1, problems: [] });
    const l = await customerLedger(ledger.db, 1, '2026-12-31');
    expect(l.entries[0]).toMatchObject({ number: 'F-1', amount: 8880, dueDate: '2026-04-30' });
  });

  it('reports every bad row with line, column and reason, and writes nothing', async () => {
    const ledger = await tempLedger();
    await importCsv(ledger, 'customers', CUSTOMERS, { fileName: 'c.csv' });
    const before = await counts(ledger);
    const bad = [
      'number,customer_code,date,due_date,amount',
      'OK1,C1,2026-01-01,,100',
      'B1,NOPE,2026-01-01,,100',
      'B2,C1,2026-02-30,,100',
      'B3,C1,2026-01-01,,1,234.00',
      'B4,C1,2026-01-01,,12.345',
      'B5,C1,2026-01-10,2026-01-01,5',
      'OK1,C1,2026-01-01,,100',
      ',C1,2026-01-01,,5',
      'B6,C1,2026-01-01,,-5',
    ].join('\n');
    const r = await importCsv(ledger, 'invoices', bad, { fileName: 'bad.csv' });
    const got = r.problems.map((p) => [p.line, p.column, p.key]);
    expect(got).toEqual([
      [3, 'customer_code', 'error.unknownCustomer'],
      [4, 'date', 'error.date'],
      [5, '', 'error.csvColumns'],
      [6, 'amount', 'error.amountPrecision'],
      [7, 'due_date', 'error.dueBeforeDate'],
      [8, 'number', 'error.duplicateInFile'],
      [9, 'number', 'error.required'],
      [10, 'amount', 'error.amountPositive'],
    ]);
    expect(await counts(ledger)).toEqual(before);
  });

  it('refuses a file whose header lacks a column, and a conflicting re-import', async () => {
    const ledger = await tempLedger();
    await importCsv(ledger, 'customers', CUSTOMERS, { fileName: 'c.csv' });
    const r = await importCsv(ledger, 'invoices', 'number,customer_code,date\nI1,C1,2026-01-01\n', { fileName: 'x.csv' });
    expect(r.problems[0]).toMatchObject({ line: 1, column: 'amount', key: 'error.csvHeader' });
    await importCsv(ledger, 'invoices', 'number,customer_code,date,due_date,amount\nI1,C1,2026-01-01,,100\n', { fileName: 'a.csv' });
    const c = await importCsv(ledger, 'invoices', 'number,customer_code,date,due_date,amount\nI1,C1,2026-01-01,,999\nI2,C1,2026-01-01,,1\n', { fileName: 'b.csv' });
    expect(c.problems).toEqual([expect.objectContaining({ line: 2, key: 'error.conflict' })]);
    expect((await counts(ledger)).docs).toBe(1);
  });

  it('a dry run validates and counts but writes nothing', async () => {
    const ledger = await tempLedger();
    await importCsv(ledger, 'customers', CUSTOMERS, { fileName: 'c.csv' });
    const before = await counts(ledger);
    const r = await importCsv(ledger, 'invoices', 'number,customer_code,date,due_date,amount\nI1,C1,2026-01-01,,100\n', { fileName: 'a.csv', dryRun: true });
    expect(r).toMatchObject({ created: 1, dryRun: true, problems: [] });
    expect(await counts(ledger)).toEqual(before);
  });
});
