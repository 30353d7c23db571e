/**
 * Aging in the base currency: rows stay in each customer's currency (the `arw aging` contract),
 * base figures are added, and every total across customers is in the base currency with each open
 * document at its recorded rate, rounded per document. Expected values are computed by hand.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { agingCsv, agingJson } from '../../electron/cli/arw';
import { agingReport } from '../../electron/services/aging';
import { agingCompare } from '../../electron/services/aging-compare';
import { agingMetrics } from '../../electron/services/aging-metrics';
import { agingTrend } from '../../electron/services/aging-trend';
import { agingView } from '../../electron/services/aging-view';
import { checkLedger } from '../../electron/services/check';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { addRate } from '../../electron/services/rates';
import { addCustomer, tempLedger } from '../helpers';
import { fixture, type Fixture } from './fixture';

const AS_OF = '2026-03-31';
let f: Fixture;

beforeAll(async () => {
  f = await fixture();
  const db = f.ledger.db;
  await addRate(db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
  await addRate(db, { currency: 'JPY', date: '2026-01-01', rate: '0.048123' });
  await postInvoice(db, { customerId: f.cny, number: 'C-1', date: '2026-01-05', amount: '1000.00' }); // due 02-04: 55 days
  await postInvoice(db, { customerId: f.usd, number: 'U-1', date: '2026-01-10', amount: '1234.56', rate: '7.05' }); // due 02-09: 50 days
  await postInvoice(db, { customerId: f.usd, number: 'U-2', date: '2026-03-01', amount: '100.01' }); // due 03-31: not due
  await postInvoice(db, { customerId: f.usd, number: 'U-3', date: '2026-03-25', amount: '0.01', rate: '7.25' });
  await postInvoice(db, { customerId: f.usd, number: 'U-4', date: '2026-03-25', amount: '0.01', rate: '7.25' });
  await postPayment(db, { customerId: f.usd, kind: 'receipt', reference: 'R-1', date: '2026-03-10', amount: '234.56', appliesTo: 'U-1' }); // at 7.1
  await postPayment(db, { customerId: f.usd, kind: 'credit_note', reference: 'CN-1', date: '2026-03-12', amount: '20.00', appliesTo: 'U-2', rate: '7.2' });
  // Dated before every invoice: stays unapplied.
  await postPayment(db, { customerId: f.usd, kind: 'receipt', reference: 'R-0', date: '2026-01-05', amount: '10.00', rate: '7.3' });
  await postInvoice(db, { customerId: f.jpy, number: 'J-1', date: '2026-02-01', amount: '123457' }); // due 03-03: 28 days
  await postPayment(db, { customerId: f.jpy, kind: 'receipt', reference: 'JR-1', date: '2026-03-01', amount: '457', appliesTo: 'J-1' });
});

afterAll(async () => {
  await f.ledger.close();
});

// Open on 2026-03-31, and in CNY at each document's rate:
//   C-1  CNY 1,000.00                              = 1,000.00   d31_60
//   U-1  USD 1,000.00 × 7.05                       = 7,050.00   d31_60
//   U-2  USD    80.01 × 7.1  = 568.071             =   568.07   not_due
//   U-3  USD     0.01 × 7.25 = 0.0725              =     0.07   not_due
//   U-4  USD     0.01 × 7.25 = 0.0725              =     0.07   not_due (0.14 in all; the sum at once would give 0.15)
//   J-1  JPY  123,000 × 0.048123 = 5,919.129       = 5,919.13   d1_30
//   R-0  USD    10.00 × 7.3  unapplied             =    73.00
const BASE = { not_due: 56_821, d1_30: 591_913, d31_60: 805_000, d61_90: 0, d91_180: 0, d181_365: 0, over_365: 0, total: 1_453_734, unapplied: 7_300, net: 1_446_434 };

describe('aging in the base currency', () => {
  it('by customer: rows in their own currency with base figures where it differs; totals in CNY', async () => {
    const r = await agingReport(f.ledger.db, AS_OF, 'customer');
    expect(await checkLedger(f.ledger)).toEqual([]);
    expect(r.baseCurrency).toBe('CNY');
    expect(r.baseTotals).toEqual(BASE);
    expect(r.unrated).toBe(0);
    const byCode = new Map(r.rows.map((x) => [x.customerCode, x]));
    expect(byCode.get('CN1')).toMatchObject({ currency: 'CNY', d31_60: 100_000, total: 100_000 });
    expect(byCode.get('CN1')!.base).toBeUndefined();
    expect(byCode.get('US1')).toMatchObject({ currency: 'USD', not_due: 8_003, d31_60: 100_000, total: 108_003, unapplied: 1_000, net: 107_003, base: { total: 761_821, unapplied: 7_300, net: 754_521 } });
    expect(byCode.get('JP1')).toMatchObject({ currency: 'JPY', d1_30: 123_000, total: 123_000, base: { total: 591_913, unapplied: 0, net: 591_913 } });
    // `totals` keeps its old meaning (the rows' own amounts added up).
    expect(r.totals).toMatchObject({ total: 331_003, unapplied: 1_000, net: 330_003 });
  });

  it('by invoice: each foreign invoice carries its base open amount', async () => {
    const r = await agingReport(f.ledger.db, AS_OF, 'invoice');
    const base = Object.fromEntries(r.rows.map((x) => [x.invoiceNumber, x.base?.total ?? null]));
    expect(base).toEqual({ 'C-1': null, 'U-1': 705_000, 'U-2': 56_807, 'U-3': 7, 'U-4': 7, 'J-1': 591_913 });
    expect(r.baseTotals.total).toBe(BASE.total);
  });

  it('`arw aging` keeps every column and format and adds base_currency, base_totals and base_* on foreign rows', async () => {
    const json = agingJson(await agingReport(f.ledger.db, AS_OF, 'customer'));
    expect(json.rows[0]).toEqual({ customer_code: 'CN1', customer_name: 'Customer CN1', currency: 'CNY', not_due: '0.00', d1_30: '0.00', d31_60: '1000.00', d61_90: '0.00', d91_180: '0.00', d181_365: '0.00', over_365: '0.00', total: '1000.00', unapplied: '0.00', net: '1000.00' });
    expect(json.rows[1]).toMatchObject({ customer_code: 'JP1', currency: 'JPY', d1_30: '123000', total: '123000', base_total: '5919.13', base_unapplied: '0.00', base_net: '5919.13' });
    expect(json.rows[2]).toMatchObject({ customer_code: 'US1', currency: 'USD', total: '1080.03', unapplied: '10.00', base_total: '7618.21', base_unapplied: '73.00', base_net: '7545.21' });
    expect(json.base_currency).toBe('CNY');
    expect(json.base_totals).toEqual({ not_due: '568.21', d1_30: '5919.13', d31_60: '8050.00', d61_90: '0.00', d91_180: '0.00', d181_365: '0.00', over_365: '0.00', total: '14537.34', unapplied: '73.00', net: '14464.34' });
    const csv = agingCsv(await agingReport(f.ledger.db, AS_OF, 'customer')).split('\n');
    expect(csv[0]).toBe('customer_code,customer_name,currency,not_due,d1_30,d31_60,d61_90,d91_180,d181_365,over_365,total,unapplied,net,base_currency,base_total,base_unapplied,base_net');
    expect(csv[1]).toBe('CN1,Customer CN1,CNY,0.00,0.00,1000.00,0.00,0.00,0.00,0.00,1000.00,0.00,1000.00,CNY,1000.00,0.00,1000.00');
    expect(csv[3]).toBe('US1,Customer US1,USD,80.03,0.00,1000.00,0.00,0.00,0.00,0.00,1080.03,10.00,1070.03,CNY,7618.21,73.00,7545.21');
  });

  it('a single-currency ledger prints exactly what it always did (base totals equal the totals)', async () => {
    const ledger = await tempLedger('CNY');
    const id = (await addCustomer(ledger, 'A')).id;
    await postInvoice(ledger.db, { customerId: id, number: 'I1', date: '2026-01-01', amount: '100.00' });
    const r = await agingReport(ledger.db, AS_OF, 'invoice');
    expect(r.baseTotals).toEqual(r.totals);
    expect(r.rows[0].base).toBeUndefined();
    const csv = agingCsv(r);
    expect(csv).toBe('customer_code,customer_name,currency,invoice_number,invoice_date,due_date,days_overdue,not_due,d1_30,d31_60,d61_90,d91_180,d181_365,over_365,total,unapplied,net\nA,Customer A,CNY,I1,2026-01-01,2026-01-31,59,0.00,0.00,100.00,0.00,0.00,0.00,0.00,100.00,0.00,100.00\n');
    const json = agingJson(r);
    expect(Object.keys(json.rows[0])).not.toContain('base_total');
    expect(json.base_totals).toEqual(json.totals);
    await ledger.close();
  });

  it('the workspace: summary, classes, recovery and the grids’ base figures in CNY; rows in their own currency', async () => {
    const v = await agingView(f.ledger.db, AS_OF, 'customer');
    expect(v.currency).toBe('CNY');
    expect(v.summary.total).toBe(BASE.total);
    expect(v.summary.unapplied).toBe(BASE.unapplied);
    expect(v.summary.net).toBe(BASE.net);
    expect(v.summary.bucketTotals.reduce((a, b) => a + b, 0)).toBe(BASE.total);
    expect(v.summary.classes.reduce((a, c) => a + c.amount, 0)).toBe(BASE.total);
    const rows = v.rows!;
    const k = (code: string) => rows.customer.findIndex((c) => v.customers.code[c] === code);
    expect(rows.total[k('US1')]).toBe(108_003); // USD cents
    expect(rows.base!.total[k('US1')]).toBe(761_821);
    expect(rows.base!.unapplied[k('US1')]).toBe(7_300);
    expect(rows.base!.total[k('CN1')]).toBe(100_000);
    expect(rows.base!.net.reduce((a, b) => a + b, 0)).toBe(BASE.net);
    for (let b = 0; b < rows.buckets.length; b++) expect(rows.base!.buckets[b].reduce((x, y) => x + y, 0)).toBe(v.summary.bucketTotals[b]);
    const inv = (await agingView(f.ledger.db, AS_OF, 'invoice')).invoices!;
    expect(inv.baseOpen!.reduce((a, b) => a + b, 0)).toBe(BASE.total);
    expect(inv.baseOpen![inv.number.indexOf('U-2')]).toBe(56_807);
    expect(inv.open[inv.number.indexOf('U-2')]).toBe(8_001);
    // One customer in another currency: its own view is in CNY too.
    const one = await agingView(f.ledger.db, AS_OF, 'invoice', f.jpy);
    expect(one.summary.total).toBe(591_913);
  });

  it('chart, comparison and metrics add in CNY', async () => {
    const trend = await agingTrend(f.ledger.db, AS_OF);
    expect(trend.currentTotal).toBe(BASE.total);
    // On 2026-02-28: C-1 1,000.00; U-1 1,234.56 × 7.05 = 8,703.648 → 8,703.65; J-1 123,457 × 0.048123 = 5,941.12.
    expect(trend.priorTotal).toBe(100_000 + 870_365 + 594_112);
    const cmp = await agingCompare(f.ledger.db, '2026-02-28', AS_OF);
    expect(cmp.totalA).toBe(trend.priorTotal);
    expect(cmp.totalB).toBe(BASE.total);
    const us = cmp.rows.customer.findIndex((c) => cmp.customers.code[c] === 'US1');
    expect(cmp.rows.totalB[us]).toBe(108_003);
    expect(cmp.rows.base!.totalB[us]).toBe(761_821);
    const m = await agingMetrics(f.ledger.db, '2026-01-01', AS_OF);
    expect(m.closingAr).toBe(BASE.total);
    // Invoices at their base amounts: 1,000.00 + 8,703.65 + 710.07 + 0.07 + 0.07 + 5,941.12.
    expect(m.sales).toBe(100_000 + 870_365 + 71_007 + 7 + 7 + 594_112);
    // Receipts: 234.56 × 7.1 = 1,665.38; 10.00 × 7.3 = 73.00; JPY 457 × 0.048123 = 21.99.
    expect(m.collections).toBe(166_538 + 7_300 + 2_199);
  });
});
