/**
 * The Overview's figures against a small ledger computed by hand (month ends, top debtors,
 * collections against targets, currencies kept apart), and against the services they summarise
 * (bucketTotals, agingMetrics, targetReport) on a demo ledger, including the cache's invalidation.
 *
 * The hand ledger (CNY, 30-day terms unless a due date is given), as of 2025-06-30:
 *   A (Li Na): I1 1,000.00 dated 2025-01-10 due 2025-02-09; R1 400.00 on 03-15 and R2 600.00 on 05-20 → closed 05-20
 *              I2 500.00 dated 2025-04-01 due 2025-05-31 → open
 *   B (Wang):  I3 300.00 dated 2024-12-01 due 2024-12-31; R4 100.00 on 04-15 to I3, reversed on 05-15 → I3 open 300.00
 *              I4 200.00 dated 2025-05-05, reversed on 05-10
 *   C (Wang):  I5 800.00 dated 2025-06-10 due 2025-07-10; R3 100.00 on 06-20 naming no invoice → I5 open 700.00
 *   D (Wang):  I6 300.00 dated 2025-06-25 due 2025-07-25
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext } from '../../electron/app/context';
import { targetReport, setTarget } from '../../electron/collections/targets';
import type { Ledger } from '../../electron/db/open';
import { agingMetrics } from '../../electron/services/aging-metrics';
import { agingView } from '../../electron/services/aging-view';
import { addRate } from '../../electron/services/rates';
import { bucketTotals } from '../../electron/services/aging-trend';
import { generateDemo } from '../../electron/services/demo';
import { postInvoice, postPayment, reverseDocument } from '../../electron/services/ledger';
import { monthEndsBefore, monthPeriods, overview } from '../../electron/services/overview';
import { monthEndTotals, monthEndTotalsCached } from '../../electron/services/overview-trend';
import { DEFAULT_BUCKET_BOUNDS } from '../../shared/aging-workspace/settings';
import { addCustomer, tempDir, tempLedger } from '../helpers';

const AS_OF = '2025-06-30';
const OK = { override: { reason: 'test ledger' } };
/** Buckets of the default bounds [0, 30, 60, 90, 180, 365, 730]: not due, 1–30, 31–60, 61–90, 91–180, 181–365, 366–730, > 730. */
const buckets = (entries: Record<number, number>) => Array.from({ length: 8 }, (_, i) => entries[i] ?? 0);

let ledger: Ledger;
const ids: Record<string, number> = {};

beforeAll(async () => {
  ledger = await tempLedger();
  const db = ledger.db;
  ids.A = (await addCustomer(ledger, 'A', { salesperson: 'Li Na' })).id;
  ids.B = (await addCustomer(ledger, 'B', { salesperson: 'Wang' })).id;
  ids.C = (await addCustomer(ledger, 'C', { salesperson: 'Wang' })).id;
  ids.D = (await addCustomer(ledger, 'D', { salesperson: 'Wang' })).id;
  await postInvoice(db, { customerId: ids.A, number: 'I1', date: '2025-01-10', amount: '1000.00', ...OK });
  await postInvoice(db, { customerId: ids.A, number: 'I2', date: '2025-04-01', dueDate: '2025-05-31', amount: '500.00', ...OK });
  await postInvoice(db, { customerId: ids.B, number: 'I3', date: '2024-12-01', amount: '300.00', ...OK });
  const i4 = await postInvoice(db, { customerId: ids.B, number: 'I4', date: '2025-05-05', amount: '200.00', ...OK });
  await postInvoice(db, { customerId: ids.C, number: 'I5', date: '2025-06-10', amount: '800.00', ...OK });
  await postInvoice(db, { customerId: ids.D, number: 'I6', date: '2025-06-25', amount: '300.00', ...OK });
  await postPayment(db, { customerId: ids.A, kind: 'receipt', reference: 'R1', date: '2025-03-15', amount: '400.00', appliesTo: 'I1' });
  await postPayment(db, { customerId: ids.A, kind: 'receipt', reference: 'R2', date: '2025-05-20', amount: '600.00', appliesTo: 'I1' });
  const r4 = await postPayment(db, { customerId: ids.B, kind: 'receipt', reference: 'R4', date: '2025-04-15', amount: '100.00', appliesTo: 'I3' });
  await reverseDocument(db, { documentId: r4.documentId, date: '2025-05-15', reason: 'bounced' });
  await reverseDocument(db, { documentId: i4.documentId, date: '2025-05-10', reason: 'wrong price' });
  await postPayment(db, { customerId: ids.C, kind: 'receipt', reference: 'R3', date: '2025-06-20', amount: '100.00' });
  // Monthly targets; a quarterly one is not a month's target.
  await setTarget(db, ids.B, '2025-04', '100.00');
  await setTarget(db, ids.A, '2025-05', '500.00');
  await setTarget(db, ids.C, '2025-06', '150.00');
  await setTarget(db, ids.A, '2025-06', '50.00');
  await setTarget(db, ids.B, '2025-Q2', '999.00');
});

afterAll(async () => {
  await ledger?.close();
});

describe('month ends and periods', () => {
  it('lists the month ends before the as-of month, and the months of the targets', () => {
    expect(monthEndsBefore('2025-06-30', 3)).toEqual(['2025-03-31', '2025-04-30', '2025-05-31']);
    expect(monthEndsBefore('2024-03-10', 2)).toEqual(['2024-01-31', '2024-02-29']);
    expect(monthEndsBefore('2025-01-01', 1)).toEqual(['2024-12-31']);
    expect(monthPeriods('2025-02-14', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});

describe('overview of a ledger computed by hand', () => {
  it('buckets the open receivables at each month end and on the as-of date', async () => {
    const o = await overview(ledger.db, { asOf: AS_OF, months: 3 });
    expect(o.currencies.map((c) => c.currency)).toEqual(['CNY']);
    const c = o.currencies[0];
    expect(c.trend.map((t) => t.date)).toEqual(['2025-03-31', '2025-04-30', '2025-05-31', AS_OF]);
    // 03-31: I1 600.00 50 days (31–60), I3 300.00 90 days (61–90).
    expect(c.trend[0].buckets).toEqual(buckets({ 2: 60000, 3: 30000 }));
    // 04-30: I2 500.00 not due, I1 600.00 80 days, I3 200.00 (R4 not yet reversed) 120 days.
    expect(c.trend[1].buckets).toEqual(buckets({ 0: 50000, 3: 60000, 4: 20000 }));
    // 05-31: I1 paid, I4 reversed, I2 due that day (not yet due), I3 reopened 300.00 at 151 days.
    expect(c.trend[2].buckets).toEqual(buckets({ 0: 50000, 4: 30000 }));
    // 06-30: I5 700.00 and I6 300.00 not due, I2 30 days, I3 181 days.
    expect(c.trend[3].buckets).toEqual(buckets({ 0: 100000, 1: 50000, 5: 30000 }));
    expect(c.trend.map((t) => t.total)).toEqual([90000, 130000, 80000, 180000]);
  });

  it('gives the headline figures: open, overdue, overdue ratio and DSO over the month to date', async () => {
    const o = await overview(ledger.db, { asOf: AS_OF });
    const c = o.currencies[0];
    expect([o.dsoFrom, o.dsoTo]).toEqual(['2025-06-01', AS_OF]);
    expect(c.open).toBe(180000);
    expect(c.overdue).toBe(80000);
    expect(c.overdueRatio).toBe(0.4444);
    // June sales: I5 800.00 + I6 300.00; DSO = 1,800 / 1,100 × 30 = 49.09.
    expect(c.sales).toBe(110000);
    expect(c.dso).toBe(49.1);
    expect(c.customersOpen).toBe(4);
    const m = await agingMetrics(ledger.db, o.dsoFrom, o.dsoTo);
    expect({ open: c.open, overdue: c.overdue, ratio: c.overdueRatio, dso: c.dso, sales: c.sales }).toEqual({
      open: m.closingAr,
      overdue: m.overdue,
      ratio: m.overdueRatio,
      dso: m.dso,
      sales: m.sales,
    });
  });

  it('orders the top debtors by open balance, ties by code, split into not yet due and overdue', async () => {
    const c = (await overview(ledger.db, { asOf: AS_OF })).currencies[0];
    expect(c.topDebtors.map((d) => [d.code, d.notDue, d.overdue, d.total, d.oldestDays])).toEqual([
      ['C', 70000, 0, 70000, 0],
      ['A', 0, 50000, 50000, 30],
      ['B', 0, 30000, 30000, 181],
      ['D', 30000, 0, 30000, 0],
    ]);
    expect(c.topDebtors[0].customerId).toBe(ids.C);
    expect(c.topDebtors[0].name).toBe('Customer C');
  });

  it('sets collections against the monthly targets, and per salesperson for the as-of month', async () => {
    const c = (await overview(ledger.db, { asOf: AS_OF })).currencies[0];
    expect(c.targets.map((m) => m.period)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    const byPeriod = Object.fromEntries(c.targets.map((m) => [m.period, [m.target, m.collected, m.collectedAll, m.customersWithTarget]]));
    expect(byPeriod['2025-03']).toEqual([0, 0, 40000, 0]);
    // B's target; its receipt R4 was reversed, so nothing counts (as in Collections → Targets).
    expect(byPeriod['2025-04']).toEqual([10000, 0, 0, 1]);
    expect(byPeriod['2025-05']).toEqual([50000, 60000, 60000, 1]);
    expect(byPeriod['2025-06']).toEqual([20000, 10000, 10000, 2]);
    expect(c.salespeople).toEqual([
      { salesperson: 'Wang', target: 15000, collected: 10000 },
      { salesperson: 'Li Na', target: 5000, collected: 0 },
    ]);
    // The same figures as the Collections → Targets report, month by month.
    for (const m of c.targets) {
      const r = await targetReport(ledger.db, m.period);
      const targeted = r.rows.filter((x) => x.target > 0);
      expect([m.target, m.collected, m.collectedAll, m.customersWithTarget], m.period).toEqual([
        targeted.reduce((s, x) => s + x.target, 0),
        targeted.reduce((s, x) => s + x.received, 0),
        r.rows.reduce((s, x) => s + x.received, 0),
        targeted.length,
      ]);
    }
  });

  it('keeps the top ten only', async () => {
    const l = await tempLedger();
    for (let i = 1; i <= 12; i++) {
      const code = `K${String(i).padStart(2, '0')}`;
      const id = (await addCustomer(l, code)).id;
      await postInvoice(l.db, { customerId: id, number: `N${i}`, date: '2025-06-01', amount: `${i * 10}.00`, ...OK });
    }
    const c = (await overview(l.db, { asOf: AS_OF })).currencies[0];
    expect(c.topDebtors.map((d) => d.code)).toEqual(['K12', 'K11', 'K10', 'K09', 'K08', 'K07', 'K06', 'K05', 'K04', 'K03']);
    expect(c.customersOpen).toBe(12);
    await l.close();
  });
});

describe('currencies', () => {
  it('never adds two currencies together: the base currency first, each other one apart', async () => {
    const l = await tempLedger('CNY');
    const a = (await addCustomer(l, 'A')).id;
    const u = (await addCustomer(l, 'U', { currency: 'USD', salesperson: 'Emily' })).id;
    const j = (await addCustomer(l, 'J', { currency: 'JPY' })).id;
    await postInvoice(l.db, { customerId: a, number: 'A1', date: '2025-06-01', amount: '100.00', ...OK });
    await postInvoice(l.db, { customerId: u, number: 'U1', date: '2025-05-01', dueDate: '2025-06-15', amount: '2500.00', rate: '7.1', ...OK });
    await postInvoice(l.db, { customerId: j, number: 'J1', date: '2025-06-20', amount: '90000', rate: '0.05', ...OK });
    await postPayment(l.db, { customerId: u, kind: 'receipt', reference: 'UR', date: '2025-06-20', amount: '500.00', rate: '7.1' });
    await setTarget(l.db, u, '2025-06', '1000.00');
    const o = await overview(l.db, { asOf: AS_OF, months: 2 });
    expect(o.baseCurrency).toBe('CNY');
    // The base currency first, then the others by code.
    expect(o.currencies.map((c) => [c.currency, c.digits, c.open, c.overdue])).toEqual([
      ['CNY', 2, 10000, 0],
      ['JPY', 0, 90000, 0],
      ['USD', 2, 200000, 200000],
    ]);
    const usd = o.currencies[2];
    expect(usd.trend.map((t) => t.total)).toEqual([0, 250000, 200000]);
    expect(usd.topDebtors.map((d) => d.code)).toEqual(['U']);
    expect(usd.sales).toBe(0);
    expect(usd.dso).toBeNull();
    expect(usd.targets[6]).toMatchObject({ period: '2025-06', target: 100000, collected: 50000, collectedAll: 50000 });
    expect(usd.salespeople).toEqual([{ salesperson: 'Emily', target: 100000, collected: 50000 }]);
    expect(o.currencies[0].targets.every((m) => m.target === 0 && m.collectedAll === 0)).toBe(true);
    expect(o.currencies[0].topDebtors.map((d) => d.code)).toEqual(['A']);
    await l.close();
  });
});

/**
 * The whole ledger in the base currency, by hand (CNY base; months 2: 04-30, 05-31, as of 06-30):
 *   A (CNY, Li):    A1 1,000.00 dated 05-10 due 06-09; AR1 200.00 on 06-25 → open 800.00, 21 days
 *                   A2 300.00 dated 06-05 due 07-05 → not due
 *   U (USD, Emily): U1 100.00 dated 04-01 due 05-01 at 7.1; UR1 40.00 on 05-20 at 7.2, UR2 30.00 on 06-20 at 7.25
 *                   → 30.00 open × 7.1 = 213.00, 60 days
 *                   U2 10.05 dated 06-10 due 07-10 at 7.1 → 71.355, rounded half away: 71.36
 *                   U3 20.00 dated 06-01, its rate removed (posted before rates were kept) → counts 0
 *                   U4 5.00 dated 06-12 at 7.1, reversed on 06-14 → no sales
 *   Rates table: USD 7.0 from 06-15, 7.5 from 07-01. Targets: A 06 500.00; U 06 100.00 USD (7.0 → 700.00),
 *   U 05 50.00 USD (no rate on or before 05-31 → 0).
 */
describe('the whole ledger in the base currency', () => {
  let l: Ledger;
  let a: number;
  let u: number;
  beforeAll(async () => {
    l = await tempLedger('CNY');
    const db = l.db;
    a = (await addCustomer(l, 'A', { salesperson: 'Li' })).id;
    u = (await addCustomer(l, 'U', { currency: 'USD', salesperson: 'Emily' })).id;
    await addRate(db, { currency: 'USD', date: '2025-06-15', rate: '7.0' });
    await addRate(db, { currency: 'USD', date: '2025-07-01', rate: '7.5' });
    await postInvoice(db, { customerId: a, number: 'A1', date: '2025-05-10', amount: '1000.00', ...OK });
    await postInvoice(db, { customerId: a, number: 'A2', date: '2025-06-05', amount: '300.00', ...OK });
    await postPayment(db, { customerId: a, kind: 'receipt', reference: 'AR1', date: '2025-06-25', amount: '200.00', appliesTo: 'A1' });
    await postInvoice(db, { customerId: u, number: 'U1', date: '2025-04-01', amount: '100.00', rate: '7.1', ...OK });
    await postInvoice(db, { customerId: u, number: 'U2', date: '2025-06-10', amount: '10.05', rate: '7.1', ...OK });
    const u3 = await postInvoice(db, { customerId: u, number: 'U3', date: '2025-06-01', amount: '20.00', rate: '7.1', ...OK });
    const u4 = await postInvoice(db, { customerId: u, number: 'U4', date: '2025-06-12', amount: '5.00', rate: '7.1', ...OK });
    await reverseDocument(db, { documentId: u4.documentId, date: '2025-06-14', reason: 'wrong customer' });
    await postPayment(db, { customerId: u, kind: 'receipt', reference: 'UR1', date: '2025-05-20', amount: '40.00', rate: '7.2', appliesTo: 'U1' });
    await postPayment(db, { customerId: u, kind: 'receipt', reference: 'UR2', date: '2025-06-20', amount: '30.00', rate: '7.25', appliesTo: 'U1' });
    await setTarget(db, a, '2025-06', '500.00');
    await setTarget(db, u, '2025-06', '100.00');
    await setTarget(db, u, '2025-05', '50.00');
    // As a ledger upgraded by the currency migration: U3 predates recorded rates.
    l.sqlite.exec('drop trigger document_rates_no_delete');
    l.sqlite.prepare('delete from document_rates where document_id = ?').run(u3.documentId);
  });
  afterAll(async () => {
    await l?.close();
  });

  it('converts open, overdue, the buckets, the month ends, the top debtors and DSO document by document', async () => {
    const o = await overview(l.db, { asOf: AS_OF, months: 2 });
    const all = o.all!;
    expect(all.currency).toBe('CNY');
    expect(all.trend.map((t) => t.date)).toEqual(['2025-04-30', '2025-05-31', AS_OF]);
    // 04-30: U1 100.00 × 7.1, due the next day. 05-31: A1 not due; U1 60.00 × 7.1 at 30 days.
    expect(all.trend[0].buckets).toEqual(buckets({ 0: 71000 }));
    expect(all.trend[1].buckets).toEqual(buckets({ 0: 100000, 1: 42600 }));
    // 06-30: A2 300.00 + U2 71.36 (71.355 rounded half away) not due, A1 800.00 at 21 days, U1 213.00 at 60 days; U3 counts 0.
    expect(all.trend[2].buckets).toEqual(buckets({ 0: 37136, 1: 80000, 2: 21300 }));
    expect([all.open, all.overdue, all.overdueRatio]).toEqual([138436, 101300, 0.7317]);
    // June's credit sales: A2 300.00 + U2 71.36 (U4 and its reversal cancel; U3 has no rate).
    expect(all.sales).toBe(37136);
    expect(all.dso).toBe(111.8);
    expect(all.unrated).toBe(1);
    expect(all.topDebtors.map((d) => [d.code, d.notDue, d.overdue, d.total, d.oldestDays])).toEqual([
      ['A', 30000, 80000, 110000, 21],
      ['U', 7136, 21300, 28436, 60],
    ]);
    expect(all.customersOpen).toBe(2);
    // The per-currency views are unchanged: never added.
    expect(o.currencies.map((c) => [c.currency, c.open])).toEqual([
      ['CNY', 110000],
      ['USD', 3000 + 1005 + 2000],
    ]);
  });

  it('equals the aging workspace\'s base-currency figures', async () => {
    const o = await overview(l.db, { asOf: AS_OF, months: 2 });
    const all = o.all!;
    const view = await agingView(l.db, AS_OF, 'customer');
    expect(all.trend[2].buckets).toEqual(view.summary.bucketTotals);
    expect(all.open).toBe(view.summary.total);
    expect(all.unrated).toBe(view.unrated);
    const m = await agingMetrics(l.db, o.dsoFrom, AS_OF);
    expect([all.open, all.overdue, all.overdueRatio]).toEqual([m.closingAr, m.overdue, m.overdueRatio]);
    for (const t of all.trend) expect(t.buckets, t.date).toEqual(await bucketTotals(l.db, t.date, DEFAULT_BUCKET_BOUNDS));
  });

  it('converts receipts at their recorded rates and targets at the rate of the month\'s last day', async () => {
    const all = (await overview(l.db, { asOf: AS_OF, months: 2 })).all!;
    const byPeriod = Object.fromEntries(all.targets.map((m) => [m.period, [m.target, m.collected, m.collectedAll, m.customersWithTarget]]));
    // June: 500.00 + 100.00 USD at 7.0 (not 7.5, dated after the month); AR1 200.00 + UR2 30.00 × 7.25 = 217.50.
    expect(byPeriod['2025-06']).toEqual([120000, 41750, 41750, 2]);
    // May: U's target has no rate on or before 05-31 (counts 0); UR1 40.00 × 7.2 = 288.00.
    expect(byPeriod['2025-05']).toEqual([0, 28800, 28800, 1]);
    expect(all.targetsUnrated).toBe(1);
    expect(all.salespeople).toEqual([
      { salesperson: 'Emily', target: 70000, collected: 21750 },
      { salesperson: 'Li', target: 50000, collected: 20000 },
    ]);
  });

  it('is absent from a single-currency ledger', async () => {
    expect((await overview(ledger.db, { asOf: AS_OF })).all).toBeNull();
  });
});

describe('against the aging services on a demo ledger', () => {
  it('equals bucketTotals at every date and agingMetrics on the as-of date, early and late in the ledger', { timeout: 120_000 }, async () => {
    const l = await tempLedger();
    await generateDemo(l, { customers: 40, invoices: 2500, seed: 7, endDate: '2026-10-31' });
    for (const asOf of ['2026-10-31', '2026-06-15', '2024-03-31']) {
      const o = await overview(l.db, { asOf, months: 12 });
      const c = o.currencies[0];
      for (const t of c.trend) expect(t.buckets, `${asOf} at ${t.date}`).toEqual(await bucketTotals(l.db, t.date, DEFAULT_BUCKET_BOUNDS));
      const m = await agingMetrics(l.db, o.dsoFrom, asOf);
      expect([c.open, c.overdue, c.overdueRatio, c.dso, c.sales], asOf).toEqual([m.closingAr, m.overdue, m.overdueRatio, m.dso, m.sales]);
    }
    await l.close();
  });

  it('recomputes the month ends when the ledger changes, and reuses them while it does not', async () => {
    const dates = ['2025-03-31', '2025-04-30', '2025-05-31'];
    const cached = () => monthEndTotalsCached(ledger.db, dates, DEFAULT_BUCKET_BOUNDS, { onlyCurrency: 'all' });
    const first = await cached();
    expect(await cached()).toBe(first);
    // An invoice dated back in April changes the April and May month ends.
    await postInvoice(ledger.db, { customerId: ids.D, number: 'I7', date: '2025-04-10', dueDate: '2025-04-20', amount: '40.00', ...OK });
    const after = await overview(ledger.db, { asOf: AS_OF, months: 3 });
    const t = after.currencies[0].trend;
    expect(t[0].buckets).toEqual(buckets({ 2: 60000, 3: 30000 }));
    expect(t[1].buckets).toEqual(buckets({ 0: 50000, 1: 4000, 3: 60000, 4: 20000 }));
    expect(t[2].buckets).toEqual(buckets({ 0: 50000, 2: 4000, 4: 30000 }));
    const second = await cached();
    expect(second).not.toBe(first);
    expect(second.get('all')).toEqual(t.slice(0, 3).map((x) => x.buckets));
    expect((await monthEndTotals(ledger.db, ['2025-04-30'], DEFAULT_BUCKET_BOUNDS)).get('CNY')![0]).toEqual(t[1].buckets);
  });
});

describe('the overview-get operation', () => {
  it('validates months and the as-of date, and answers for a ledger', async () => {
    const ctx = await createContext({ mode: 'web', version: 'test', dataDir: tempDir('arw-ov-api-') });
    expect(await dispatch(ctx, 'ledger-create', { companyName: 'Ov Co.', currency: 'CNY' })).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'overview-get', { months: 0 })).toMatchObject({ ok: false, error: { field: 'months' } });
    expect(await dispatch(ctx, 'overview-get', { months: 25 })).toMatchObject({ ok: false, error: { field: 'months' } });
    expect(await dispatch(ctx, 'overview-get', { asOf: '2025-02-30' })).toMatchObject({ ok: false, error: { key: 'error.date', field: 'asOf' } });
    expect(await dispatch(ctx, 'overview-get', { asOf: '0099-03-01' })).toMatchObject({ ok: false, error: { key: 'error.date' } });
    for (const asOf of ['1900-01-01', '9999-12-31']) expect(await dispatch(ctx, 'overview-get', { asOf, months: 24 }), asOf).toMatchObject({ ok: true });
    const r = await dispatch(ctx, 'overview-get', { asOf: '2025-02-14' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const o = r.value as Awaited<ReturnType<typeof overview>>;
      expect(o.currencies).toHaveLength(1);
      expect(o.currencies[0].trend).toHaveLength(13);
      expect(o.currencies[0].trend[0].date).toBe('2024-02-29');
      expect(o.currencies[0].open).toBe(0);
    }
    await ctx.ledger?.close();
  });
});
