/**
 * Every fixture through the whole pipeline (bytes → posting) into a real ledger: what is created,
 * that a re-import creates nothing, and that a bad file is refused row by row with nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../electron/db/open';
import type { ImportKind } from '../../electron/import/formats';
import { importFile, type FileImportOptions } from '../../electron/import/pipeline';
import { checkLedger } from '../../electron/services/check';
import { customerLedger } from '../../electron/services/customer-ledger';
import { tempLedger } from '../helpers';
import { addRate } from '../../electron/services/rates';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', name)));

function load(ledger: Ledger, kind: ImportKind, name: string, opts: Partial<FileImportOptions> = {}) {
  return importFile(ledger, kind, fixture(name), { fileName: name, actor: 'test', ...opts });
}

async function counts(ledger: Ledger) {
  const n = async (t: 'documents' | 'allocations' | 'customers' | 'import_batches') =>
    Number((await ledger.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())!.n);
  return { docs: await n('documents'), allocs: await n('allocations'), customers: await n('customers'), batches: await n('import_batches') };
}

async function docs(ledger: Ledger) {
  return ledger.db
    .selectFrom('documents as d')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .select(['d.number', 'd.kind', 'c.code', 'd.date', 'd.due_date', 'd.amount'])
    .orderBy('d.number')
    .execute();
}

async function chineseLedger() {
  const ledger = await tempLedger();
  expect(await load(ledger, 'customers', 'customers-gbk.csv')).toMatchObject({ created: 3, problems: [], encoding: 'gb18030' });
  await addRate(ledger.db, { currency: 'HKD', date: '2020-01-01', rate: '0.91' }); // K003's documents are in HKD (issue 8)
  return ledger;
}

describe('files from Chinese offices', () => {
  it('GBK customer list with 月结30天, "５０，０００" and 人民币', async () => {
    const ledger = await chineseLedger();
    const rows = await ledger.db.selectFrom('customers').select(['code', 'name', 'payment_terms_days', 'credit_limit', 'currency', 'salesperson']).orderBy('code').execute();
    expect(rows).toEqual([
      { code: 'K001', name: '华东五金有限公司', payment_terms_days: 30, credit_limit: 12_000_000, currency: 'CNY', salesperson: '李娜' },
      { code: 'K002', name: '深圳市南山电子科技有限公司', payment_terms_days: 60, credit_limit: 5_000_000, currency: 'CNY', salesperson: '王芳' },
      { code: 'K003', name: '香港恒丰贸易行', payment_terms_days: 45, credit_limit: 0, currency: 'HKD', salesperson: '' },
    ]);
    expect(await load(ledger, 'customers', 'customers-gbk.csv')).toMatchObject({ created: 0, skipped: 3, problems: [] });
  });

  it('GBK invoices: 2026年3月1日, 2026/3/15, 2026.2.1, ￥ and full-width digits; re-import creates nothing', async () => {
    const ledger = await chineseLedger();
    const r = await load(ledger, 'invoices', 'invoices-gbk.csv');
    expect(r).toMatchObject({ created: 4, problems: [], encoding: 'gb18030', totals: { CNY: 1_422_560, HKD: 250_000 } });
    expect(await docs(ledger)).toEqual([
      { number: 'FP-0001', kind: 'invoice', code: 'K001', date: '2026-03-01', due_date: '2026-03-31', amount: 1_234_560 },
      { number: 'FP-0002', kind: 'invoice', code: 'K001', date: '2026-03-15', due_date: '2026-04-14', amount: 88_000 },
      { number: 'FP-0003', kind: 'invoice', code: 'K002', date: '2026-02-01', due_date: '2026-04-02', amount: 100_000 },
      { number: 'FP-0004', kind: 'invoice', code: 'K003', date: '2026-01-20', due_date: '2026-03-06', amount: 250_000 },
    ]);
    const before = await counts(ledger);
    expect(await load(ledger, 'invoices', 'invoices-gbk.csv')).toMatchObject({ created: 0, skipped: 4, problems: [] });
    expect(await counts(ledger)).toEqual(before);
  });

  it('Excel "Unicode text" (UTF-16LE, tabs) and a UTF-8 BOM file with semicolons, 1.234,56 and day-first dates', async () => {
    const ledger = await chineseLedger();
    expect(await load(ledger, 'invoices', 'invoices-utf16.txt')).toMatchObject({ created: 3, problems: [], encoding: 'utf-16le', delimiter: '\t' });
    expect(await load(ledger, 'invoices', 'invoices-utf8-bom.csv')).toMatchObject({ created: 3, problems: [], encoding: 'utf-8', delimiter: ';' });
    const byNumber = Object.fromEntries((await docs(ledger)).map((d) => [d.number, [d.date, d.due_date, d.amount]]));
    expect(byNumber).toMatchObject({
      'U-01': ['2026-01-05', '2026-02-04', 123_450],
      'U-02': ['2026-01-06', '2026-03-07', 200_000],
      'E-1': ['2026-02-01', '2026-03-03', 123_456],
      'E-2': ['2026-02-15', '2026-03-17', 9_990],
      'E-3': ['2026-02-28', '2026-03-30', 1_000_000],
    });
  });

  it('XLSX with date cells and serials, in the 1900 and the 1904 date system', async () => {
    const ledger = await chineseLedger();
    expect(await load(ledger, 'invoices', 'invoices-1900.xlsx')).toMatchObject({ created: 3, problems: [], format: 'xlsx' });
    expect(await load(ledger, 'invoices', 'invoices-1904.xlsx')).toMatchObject({ created: 2, problems: [], format: 'xlsx' });
    const byNumber = Object.fromEntries((await docs(ledger)).map((d) => [d.number, [d.date, d.due_date, d.amount]]));
    expect(byNumber).toEqual({
      'X-1': ['2026-03-01', '2026-03-31', 150_025],
      'X-2': ['2026-03-02', '2026-05-01', 200_000],
      'X-3': ['2025-12-31', '2026-01-30', 300_000],
      'M-1': ['2026-03-01', '2026-03-31', 10_000],
      'M-2': ['2024-02-29', '2024-04-29', 50],
    });
    expect(await checkLedger(ledger)).toEqual([]);
  });
});

describe('presets and opening balances', () => {
  it('QuickBooks customer list and A/R aging detail as opening balances at a cut-over date', async () => {
    const ledger = await tempLedger();
    const c = await load(ledger, 'customers', 'quickbooks-customers.csv');
    expect(c).toMatchObject({ created: 3, problems: [], presetId: 'quickbooks-customers' });
    const terms = await ledger.db.selectFrom('customers').select(['code', 'payment_terms_days', 'currency']).orderBy('code').execute();
    expect(terms).toEqual([
      { code: 'Acme Hardware', payment_terms_days: 30, currency: 'USD' },
      { code: 'Birch & Co', payment_terms_days: 0, currency: 'USD' },
      { code: 'Cedar, Inc.', payment_terms_days: 45, currency: 'USD' },
    ]);
    await addRate(ledger.db, { currency: 'USD', date: '2020-01-01', rate: '7.1' }); // USD documents in a CNY ledger (issue 8)
    const o = await load(ledger, 'opening-balances', 'quickbooks-open-invoices.csv', { cutover: '2025-12-31' });
    // The report's own TOTAL (1,950.50) is what the ledger now says is owed.
    expect(o).toMatchObject({ created: 4, settled: 1, ignored: 5, problems: [], presetId: 'quickbooks-open-invoices', totals: { USD: 195_050 } });
    const acme = await customerLedger(ledger.db, 1, '2025-12-31');
    expect(Object.fromEntries(acme.entries.map((e) => [e.number, e.open]))).toEqual({ '1001': 117_000, '1004': 48_050, 'CM-7': 0 });
    expect(await load(ledger, 'opening-balances', 'quickbooks-open-invoices.csv', { cutover: '2025-12-31' })).toMatchObject({ created: 0, skipped: 4 });
    expect(await checkLedger(ledger)).toEqual([]);
  });

  it('refuses opening balances without a cut-over date, or dated after it', async () => {
    const ledger = await tempLedger();
    await load(ledger, 'customers', 'quickbooks-customers.csv');
    expect((await load(ledger, 'opening-balances', 'quickbooks-open-invoices.csv')).problems).toEqual([expect.objectContaining({ key: 'error.cutoverRequired' })]);
    const early = await load(ledger, 'opening-balances', 'quickbooks-open-invoices.csv', { cutover: '2025-12-01' });
    expect(early.problems.map((p) => [p.line, p.column, p.key])).toEqual([
      [8, 'date', 'error.afterCutover'],
      [9, 'date', 'error.afterCutover'],
      [13, 'date', 'error.afterCutover'],
    ]);
    expect((await counts(ledger)).docs).toBe(0);
  });

  it('Kingdee customer list (XLSX, title row above the header) and receivables naming the customer', async () => {
    const ledger = await tempLedger();
    expect(await load(ledger, 'customers', 'kingdee-customers.xlsx')).toMatchObject({ created: 2, problems: [], presetId: 'kingdee-customers' });
    const o = await load(ledger, 'opening-balances', 'kingdee-ar.csv', { cutover: '2026-01-31' });
    expect(o).toMatchObject({ created: 2, ignored: 1, problems: [], presetId: 'kingdee-open', totals: { CNY: 6_350_000 } });
    expect((await docs(ledger)).map((d) => [d.number, d.code, d.amount])).toEqual([
      ['AR00000101', 'KD.001', 5_850_000],
      ['AR00000102', 'KD.002', 500_000],
    ]);
  });
});

describe('bad files', () => {
  it('refuses a bad file row by row, with line, column and reason, and writes nothing', async () => {
    const ledger = await chineseLedger();
    const before = await counts(ledger);
    const r = await load(ledger, 'invoices', 'bad-invoices.csv');
    expect(r.created).toBe(0);
    expect(r.problems.map((p) => [p.line, p.column, p.key])).toEqual([
      [3, 'customer_code', 'error.unknownCustomer'],
      [4, 'date', 'error.date'],
      [5, 'amount', 'error.amountPrecision'],
      [6, 'due_date', 'error.dueBeforeDate'],
      [7, 'amount', 'error.amount'],
      [8, 'amount', 'error.amountPositive'],
      [9, 'number', 'error.required'],
      [10, 'number', 'error.duplicateInFile'],
      [11, '', 'error.csvColumns'],
      [12, 'date', 'error.date'],
    ]);
    expect(await counts(ledger)).toEqual(before);
  });

  it('asks for the date order when 01/03/2026 could be either, and takes the answer', async () => {
    const ledger = await chineseLedger();
    const text = 'number,customer_code,date,amount\nA-1,K001,01/03/2026,5\nA-2,K001,02/03/2026,6\n';
    const bytes = new Uint8Array(Buffer.from(text));
    const asked = await importFile(ledger, 'invoices', bytes, { fileName: 'a.csv' });
    expect(asked.problems).toEqual([expect.objectContaining({ line: 1, column: 'date', key: 'error.dateOrderAmbiguous' })]);
    const mdy = await importFile(ledger, 'invoices', bytes, { fileName: 'a.csv', dateOrder: 'mdy' });
    expect(mdy).toMatchObject({ created: 2, problems: [] });
    expect((await docs(ledger)).map((d) => d.date)).toEqual(['2026-01-03', '2026-02-03']);
  });

  it('remembers a mapping per source and uses it next time', async () => {
    const ledger = await chineseLedger();
    const text = (n: string) => `单号X,往来户,记账日,应收\n${n},K002,2026/05/06,"1,000.00"\n`;
    const mapping = { number: 0, customer_code: 1, date: 2, due_date: null, amount: 3 };
    const first = await importFile(ledger, 'invoices', new Uint8Array(Buffer.from(text('R-1'))), { fileName: 'a.csv', mapping });
    expect(first).toMatchObject({ created: 1, problems: [] });
    // Same source, columns in another order: the remembered names still find them.
    const again = `应收,记账日,往来户,单号X\n"2,000.00",2026/05/07,K002,R-2\n`;
    expect(await importFile(ledger, 'invoices', new Uint8Array(Buffer.from(again)), { fileName: 'b.csv' })).toMatchObject({ created: 1, problems: [] });
    expect((await docs(ledger)).map((d) => [d.number, d.date, d.amount])).toEqual([
      ['R-1', '2026-05-06', 100_000],
      ['R-2', '2026-05-07', 200_000],
    ]);
    // Without the memory these headers mean nothing to the importer.
    const other = await tempLedger();
    expect((await importFile(other, 'invoices', new Uint8Array(Buffer.from(again)), { fileName: 'b.csv' })).problems[0]).toMatchObject({ key: 'error.csvHeader' });
  });
});

describe('Xero invoices with one row per item line', () => {
  it('counts a repeated invoice once, but still refuses a repeat with other data', async () => {
    const ledger = await tempLedger();
    await importFile(ledger, 'customers', new Uint8Array(Buffer.from('*ContactName,AccountNumber,EmailAddress\nRimu Ltd,,ap@rimu.example\n')), { fileName: 'contacts.csv' });
    const head = '*ContactName,*InvoiceNumber,*InvoiceDate,*DueDate,Total,*Description,*Quantity,*UnitAmount,*AccountCode';
    const good = `${head}\nRimu Ltd,INV-0042,3/02/2026,17/02/2026,115.00,Widgets,2,25.00,200\nRimu Ltd,INV-0042,3/02/2026,17/02/2026,115.00,Freight,1,65.00,200\n`;
    const r = await importFile(ledger, 'invoices', new Uint8Array(Buffer.from(good)), { fileName: 'xero.csv' });
    expect(r).toMatchObject({ created: 1, problems: [], presetId: 'xero-invoices' });
    expect((await docs(ledger)).map((d) => [d.number, d.date, d.due_date, d.amount])).toEqual([['INV-0042', '2026-02-03', '2026-02-17', 11_500]]);
    const bad = `${head}\nRimu Ltd,INV-0043,3/02/2026,17/02/2026,115.00,Widgets,2,25.00,200\nRimu Ltd,INV-0043,3/02/2026,17/02/2026,99.00,Freight,1,65.00,200\n`;
    expect((await importFile(ledger, 'invoices', new Uint8Array(Buffer.from(bad)), { fileName: 'xero2.csv' })).problems).toEqual([expect.objectContaining({ line: 3, key: 'error.duplicateInFile' })]);
  });
});
