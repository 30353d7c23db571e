import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSES, DEFAULT_SETTINGS } from '../../shared/aging-workspace/settings';
import { invoiceDrill } from '../../electron/services/aging-drill';
import { agingCompare } from '../../electron/services/aging-compare';
import { agingMetrics } from '../../electron/services/aging-metrics';
import { getAgingSettings, setAgingSettings } from '../../electron/services/aging-settings';
import { agingTrend, previousMonthEnd } from '../../electron/services/aging-trend';
import { agingView } from '../../electron/services/aging-view';
import { postPayment } from '../../electron/services/ledger';
import { knownLedger, type Known } from './fixture';

let k: Known;
beforeAll(async () => {
  k = await knownLedger();
});
afterAll(async () => k?.ledger.close());

const classOf = (v: Awaited<ReturnType<typeof agingView>>, id: number) => {
  const i = v.invoices!.id.indexOf(id);
  return { cls: CLASSES[v.invoices!.cls[i]], overridden: v.invoices!.overridden[i] === 1, bucket: v.invoices!.bucket[i], days: v.invoices!.days[i] };
};

describe('aging workspace on a ledger with known figures', () => {
  it('buckets, classes, unapplied credit and the summary', async () => {
    const v = await agingView(k.ledger.db, '2025-06-30', 'invoice');
    expect(v.invoices!.number).toEqual(['I1', 'I2', 'I3']);
    expect(v.invoices!.open).toEqual([60001, 50000, 20000]);
    expect(classOf(v, k.i1)).toEqual({ cls: 'doubtful', overridden: false, bucket: 4, days: 150 });
    expect(classOf(v, k.i2)).toEqual({ cls: 'not_due', overridden: false, bucket: 0, days: -1 });
    expect(classOf(v, k.i3)).toEqual({ cls: 'dead', overridden: false, bucket: 7, days: 881 });
    const s = v.summary;
    expect([s.total, s.unapplied, s.net, s.invoiceCount]).toEqual([130001, 8000, 122001, 3]);
    expect(s.bucketTotals).toEqual([50000, 0, 0, 0, 60001, 0, 0, 20000]);
    expect(s.classes).toEqual([
      { cls: 'not_due', count: 1, amount: 50000 },
      { cls: 'collecting', count: 0, amount: 0 },
      { cls: 'doubtful', count: 1, amount: 60001 },
      { cls: 'bad', count: 0, amount: 0 },
      { cls: 'dead', count: 1, amount: 20000 },
    ]);
  });

  it('expected recovery by the 80/20 two-year rule, rounded half away from zero, and the provision', async () => {
    const { recovery } = (await agingView(k.ledger.db, '2025-06-30', 'customer')).summary;
    expect(recovery.lines.map((l) => l.recoveryBp)).toEqual([8000, 8000, 8000, 8000, 8000, 8000, 8000, 2000]);
    expect(recovery.lines[4]).toEqual({ bucket: 4, amount: 60001, recoveryBp: 8000, expected: 48001, provision: 12000 });
    expect(recovery.lines[7]).toEqual({ bucket: 7, amount: 20000, recoveryBp: 2000, expected: 4000, provision: 16000 });
    expect([recovery.expected, recovery.provision]).toEqual([92001, 38000]);
  });

  it('one row per customer with anything open, including credit-only customers', async () => {
    const v = await agingView(k.ledger.db, '2025-06-30', 'customer');
    const rows = v.rows!;
    expect(rows.customer.map((i) => v.customers.code[i])).toEqual(['A', 'B', 'C']);
    expect(rows.total).toEqual([110001, 20000, 0]);
    expect(rows.unapplied).toEqual([0, 0, 8000]);
    expect(rows.net).toEqual([110001, 20000, -8000]);
    expect(rows.invoices).toEqual([2, 1, 0]);
    expect(rows.maxDays).toEqual([150, 881, 0]);
    expect(rows.worstClass.map((c) => CLASSES[c])).toEqual(['doubtful', 'dead', 'not_due']);
    expect(rows.buckets[4]).toEqual([60001, 0, 0]);
  });

  it('drills an invoice down to the allocations dated on or before the as-of date', async () => {
    const june = await invoiceDrill(k.ledger.db, k.i1, '2025-06-30');
    expect(june.invoice).toMatchObject({ number: 'I1', amount: 100001, open: 60001, days: 150, bucket: 4, customerCode: 'A', autoClass: 'doubtful', cls: 'doubtful' });
    expect(june.allocations.map((a) => [a.date, a.amount, a.kind, a.number])).toEqual([
      ['2025-02-10', 30000, 'receipt', 'R1'],
      ['2025-06-20', 10000, 'receipt', 'R3'],
    ]);
    const feb = await invoiceDrill(k.ledger.db, k.i1, '2025-02-01');
    expect(feb.allocations).toEqual([]);
    expect(feb.invoice.open).toBe(100001);
    await expect(invoiceDrill(k.ledger.db, 999999, '2025-06-30')).rejects.toMatchObject({ key: 'error.documentNotFound' });
  });

  it('compares the previous month end with the as-of date (chart) and two dates side by side', async () => {
    expect(previousMonthEnd('2025-06-30')).toBe('2025-05-31');
    expect(previousMonthEnd('2025-03-15')).toBe('2025-02-28');
    expect(previousMonthEnd('2024-03-01')).toBe('2024-02-29');
    const trend = await agingTrend(k.ledger.db, '2025-06-30');
    expect(trend.previous).toBe('2025-05-31');
    expect(trend.current).toEqual([50000, 0, 0, 0, 60001, 0, 0, 20000]);
    expect(trend.prior).toEqual([0, 0, 0, 0, 70001, 0, 0, 20000]);
    expect([trend.currentTotal, trend.priorTotal]).toEqual([130001, 90001]);

    const cmp = await agingCompare(k.ledger.db, '2025-05-31', '2025-06-30');
    expect(cmp.rows.customer.map((i) => cmp.customers.code[i])).toEqual(['A', 'B']);
    expect(cmp.rows.totalA).toEqual([70001, 20000]);
    expect(cmp.rows.totalB).toEqual([110001, 20000]);
    expect(cmp.rows.a[4]).toEqual([70001, 0]);
    expect(cmp.rows.b[0]).toEqual([50000, 0]);
    expect([cmp.totalA, cmp.totalB]).toEqual([90001, 130001]);
  });

  it('computes DSO, the overdue ratio and CEI for a period', async () => {
    const m = await agingMetrics(k.ledger.db, '2025-06-01', '2025-06-30');
    expect(m).toMatchObject({ days: 30, sales: 50000, collections: 10000, openingAr: 90001, closingAr: 130001, closingCurrent: 50000, overdue: 80001 });
    expect(m.dso).toBe(78);
    expect(m.overdueRatio).toBe(0.6154);
    expect(m.cei).toBe(0.1111);
    const empty = await agingMetrics(k.ledger.db, '2020-01-01', '2020-01-31');
    expect([empty.dso, empty.overdueRatio, empty.cei]).toEqual([null, null, null]);
    await expect(agingMetrics(k.ledger.db, '2025-07-01', '2025-06-01')).rejects.toMatchObject({ key: 'error.agingPeriod' });
  });

  it('keeps settings in the ledger, refuses bad ones, and re-buckets by them', async () => {
    expect(await getAgingSettings(k.ledger.db)).toEqual(DEFAULT_SETTINGS);
    await expect(setAgingSettings(k.ledger.db, { ...DEFAULT_SETTINGS, bucketBounds: [0, 60, 30] })).rejects.toMatchObject({ key: 'error.agingBounds' });
    await expect(setAgingSettings(k.ledger.db, { ...DEFAULT_SETTINGS, recoveryBp: [8000] })).rejects.toMatchObject({ key: 'error.agingRecovery' });
    await expect(setAgingSettings(k.ledger.db, { ...DEFAULT_SETTINGS, classBounds: [90, 60, 730] })).rejects.toMatchObject({ key: 'error.agingClassBounds' });
    const custom = { bucketBounds: [0, 90, 365], classBounds: [30, 120, 360] as [number, number, number], recoveryBp: [10000, 9000, 5000, 1000] };
    await setAgingSettings(k.ledger.db, custom);
    expect(await getAgingSettings(k.ledger.db)).toEqual(custom);
    const v = await agingView(k.ledger.db, '2025-06-30', 'invoice');
    expect(v.summary.bucketTotals).toEqual([50000, 0, 60001, 20000]);
    expect(classOf(v, k.i1).cls).toBe('bad'); // 150 days: past 准呆账's 120, within 呆账's 360
    const audit = await k.ledger.db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'aging.settings').execute();
    expect(audit.length).toBe(1);
    await setAgingSettings(k.ledger.db, DEFAULT_SETTINGS);
  });

  it('sees a new posting at once (views are reused only while the ledger is unchanged)', async () => {
    const before = await agingView(k.ledger.db, '2025-06-30', 'invoice');
    expect(await agingView(k.ledger.db, '2025-06-30', 'customer')).toMatchObject({ summary: before.summary });
    await postPayment(k.ledger.db, { customerId: k.a, kind: 'receipt', reference: 'R4', date: '2025-06-25', amount: '600.01', appliesTo: 'I1' });
    const after = await agingView(k.ledger.db, '2025-06-30', 'invoice');
    expect(after.invoices!.number).toEqual(['I2', 'I3']);
    expect(after.summary.total).toBe(before.summary.total - 60001);
  });
});
