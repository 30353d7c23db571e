/** Imports in another currency: an optional `rate` column, else the latest rate on or before each row's date. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../electron/import/import';
import { checkLedger } from '../../electron/services/check';
import { addRate } from '../../electron/services/rates';
import { tempDir } from '../helpers';
import { counts, fixture } from './fixture';

async function rates(f: Awaited<ReturnType<typeof fixture>>) {
  return f.ledger.db
    .selectFrom('document_rates as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select(['d.number', 'r.rate_ppm', 'r.base_amount', 'r.source'])
    .orderBy('d.number')
    .execute();
}

describe('importing documents in another currency', () => {
  it('without a rate column: each row at the latest rate on or before its date; base-currency rows record nothing', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-02-01', rate: '7.2' });
    await addRate(f.ledger.db, { currency: 'JPY', date: '2026-01-01', rate: '0.048123' });
    const csv = 'number,customer_code,date,due_date,amount\nU-1,US1,2026-01-15,,100.00\nU-2,US1,2026-02-01,,0.07\nJ-1,JP1,2026-01-20,,1000\nC-1,CN1,2026-01-20,,50.00\n';
    const r = await importCsv(f.ledger, 'invoices', csv, { fileName: 'inv.csv' });
    expect(r.problems).toEqual([]);
    expect(r.created).toBe(4);
    expect(await rates(f)).toEqual([
      { number: 'J-1', rate_ppm: 48_123, base_amount: 4_812, source: 'table' }, // 48.123 → 48.12
      { number: 'U-1', rate_ppm: 7_100_000, base_amount: 71_000, source: 'table' },
      { number: 'U-2', rate_ppm: 7_200_000, base_amount: 50, source: 'table' }, // 0.504 → 0.50
    ]);
    // The same file again: nothing new.
    expect(await importCsv(f.ledger, 'invoices', csv, { fileName: 'inv.csv' })).toMatchObject({ created: 0, skipped: 4, problems: [] });
    expect(await checkLedger(f.ledger)).toEqual([]);
    await f.ledger.close();
  });

  it('with a rate column (English or 汇率): the rate of each row as written, decimal comma included; receipts too', async () => {
    const f = await fixture();
    const inv = 'number,customer_code,date,due_date,amount,rate\nU-1,US1,2026-01-15,,100.00,7.0501\nC-1,CN1,2026-01-20,,50.00,\nC-2,CN1,2026-01-20,,50.00,1\n';
    expect(await importCsv(f.ledger, 'invoices', inv, { fileName: 'inv.csv' })).toMatchObject({ created: 3, problems: [] });
    const rc = '参考号;客户编码;日期;金额;核销发票;汇率\nR-1;US1;2026-02-01;10,00;U-1;7,2\n';
    expect(await importCsv(f.ledger, 'receipts', rc, { fileName: 'rc.csv', decimal: ',' })).toMatchObject({ created: 1, problems: [] });
    expect(await rates(f)).toEqual([
      { number: 'R-1', rate_ppm: 7_200_000, base_amount: 7_200, source: 'entered' },
      { number: 'U-1', rate_ppm: 7_050_100, base_amount: 70_501, source: 'entered' },
    ]);
    // Again with the same rate: skipped; with another rate: refused, naming the rate column.
    expect(await importCsv(f.ledger, 'invoices', inv, { fileName: 'inv.csv' })).toMatchObject({ created: 0, skipped: 3, problems: [] });
    const other = await importCsv(f.ledger, 'invoices', inv.replace('7.0501', '7.06'), { fileName: 'inv2.csv' });
    expect(other.problems).toEqual([expect.objectContaining({ line: 2, column: 'rate', key: 'error.conflict' })]);
    expect(await checkLedger(f.ledger)).toEqual([]);
    await f.ledger.close();
  });

  it('refuses the whole file, row by row, when a rate is missing, unreadable or given to the base currency', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-02-01', rate: '7.2' });
    const before = counts(f.ledger);
    // Cells that are not rates (or a rate other than 1 for the base currency) are reported first…
    const cells = [
      'number,customer_code,date,due_date,amount,rate',
      'U-1,US1,2026-02-15,,100.00,', // fine: the table's 7.2
      'U-3,US1,2026-02-15,,100.00,seven',
      'U-4,US1,2026-02-15,,100.00,7.1234567',
      'C-1,CN1,2026-02-15,,100.00,7.2',
    ].join('\n');
    const bad = await importCsv(f.ledger, 'invoices', cells + '\n', { fileName: 'bad.csv' });
    expect(bad.created).toBe(0);
    expect(bad.problems.map((p) => [p.line, p.column, p.key, p.params.currency ?? p.params.value])).toEqual([
      [3, 'rate', 'error.exchangeRate', 'seven'],
      [4, 'rate', 'error.exchangeRate', '7.1234567'],
      [5, 'rate', 'error.rateBaseCurrency', 'CNY'],
    ]);
    // …then rows with no rate on or before their date, naming the currency and the date.
    const missing = [
      'number,customer_code,date,due_date,amount,rate',
      'U-1,US1,2026-02-15,,100.00,',
      'U-2,US1,2026-01-31,,100.00,', // before the first USD rate
      'J-1,JP1,2026-01-20,,1000,', // no JPY rate at all
    ].join('\n');
    const none = await importCsv(f.ledger, 'invoices', missing + '\n', { fileName: 'missing.csv' });
    expect(none.created).toBe(0);
    expect(none.problems.map((p) => [p.line, p.column, p.key, p.params.currency, p.params.date])).toEqual([
      [3, 'rate', 'error.noExchangeRate', 'USD', '2026-01-31'],
      [4, 'rate', 'error.noExchangeRate', 'JPY', '2026-01-20'],
    ]);
    expect(counts(f.ledger)).toEqual(before);
    await f.ledger.close();
  });

  it('opening balances in another currency take a rate too, and a dry run writes nothing', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2025-12-31', rate: '7.0' });
    const csv = 'number,customer_code,date,due_date,amount,rate\nOB-1,US1,2025-11-01,2025-12-01,250.00,\nOB-2,US1,2025-12-01,,-20.00,6.9\n';
    const before = counts(f.ledger);
    expect(await importCsv(f.ledger, 'opening-balances', csv, { fileName: 'ob.csv', cutover: '2025-12-31', dryRun: true })).toMatchObject({ created: 0, problems: [
      expect.objectContaining({ line: 2, key: 'error.noExchangeRate', params: expect.objectContaining({ currency: 'USD', date: '2025-11-01' }) }),
    ] });
    await addRate(f.ledger.db, { currency: 'USD', date: '2025-10-01', rate: '7.05' });
    const dry = await importCsv(f.ledger, 'opening-balances', csv, { fileName: 'ob.csv', cutover: '2025-12-31', dryRun: true });
    expect(dry).toMatchObject({ created: 2, problems: [], dryRun: true });
    expect(counts(f.ledger).document_rates).toBe(before.document_rates);
    expect(await importCsv(f.ledger, 'opening-balances', csv, { fileName: 'ob.csv', cutover: '2025-12-31' })).toMatchObject({ created: 2, problems: [] });
    expect(await rates(f)).toEqual([
      { number: 'OB-1', rate_ppm: 7_050_000, base_amount: 176_250, source: 'table' },
      { number: 'OB-2', rate_ppm: 6_900_000, base_amount: 13_800, source: 'entered' },
    ]);
    expect(await checkLedger(f.ledger)).toEqual([]);
    await f.ledger.close();
  });
});

describe('rates on the command line', () => {
  it('`arw rate` records a rate, `arw rates` lists it, and an import without a rate column uses it', { timeout: 120_000 }, () => {
    const root = path.resolve(__dirname, '../..');
    const arw = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/arw.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const dir = tempDir();
    const ledger = path.join(dir, 'l.arw');
    expect(arw(['init', '--ledger', ledger, '--currency', 'CNY']).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'c.csv'), 'code,name,payment_terms_days,credit_limit,currency\nU1,Acme,30,0,USD\n');
    fs.writeFileSync(path.join(dir, 'i.csv'), 'number,customer_code,date,due_date,amount\nI1,U1,2026-02-01,,100.00\n');
    expect(arw(['import', 'customers', path.join(dir, 'c.csv'), '--ledger', ledger]).code).toBe(0);
    const refused = arw(['import', 'invoices', path.join(dir, 'i.csv'), '--ledger', ledger, '--lang', 'zh']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('第 2 行，列 rate：没有 USD 在 2026-02-01 或之前的汇率');
    expect(arw(['rate', '--ledger', ledger, '--currency', 'USD', '--date', '2026-01-01', '--rate', '7.1'])).toMatchObject({ code: 0, out: 'Rate recorded: on 2026-01-01, 1 USD = 7.1 CNY\n' });
    expect(arw(['rate', '--ledger', ledger, '--currency', 'USD', '--date', '2026-01-01', '--rate', 'x']).code).toBe(1);
    expect(arw(['rate', '--ledger', ledger, '--currency', 'USD']).code).toBe(2);
    expect(JSON.parse(arw(['rates', '--ledger', ledger]).out)).toMatchObject({ base_currency: 'CNY', rates: [{ currency: 'USD', date: '2026-01-01', rate: '7.1', superseded: false }] });
    expect(arw(['import', 'invoices', path.join(dir, 'i.csv'), '--ledger', ledger]).out).toMatch(/1 created/);
    const aging = JSON.parse(arw(['aging', '--ledger', ledger, '--as-of', '2026-03-31']).out);
    expect(aging.rows[0]).toMatchObject({ currency: 'USD', total: '100.00', base_total: '710.00' });
    expect(aging.base_totals.total).toBe('710.00');
    expect(arw(['check', '--ledger', ledger]).code).toBe(0);
  });
});
