/**
 * The workspace's figures against the foundation's `agingReport` and the `arw aging` CLI output,
 * to the cent, on a demo ledger at many dates (customers with unapplied credit, write-offs, a reversal).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKETS } from '../../shared/aging';
import { InvoiceDates } from '../../shared/aging-workspace/periods';
import { DEFAULT_SETTINGS, FOUNDATION_BUCKET_BOUNDS, ruleRecovery } from '../../shared/aging-workspace/settings';
import { toDecimalString } from '../../shared/money';
import type { Ledger } from '../../electron/db/open';
import { agingReport } from '../../electron/services/aging';
import { setAgingSettings } from '../../electron/services/aging-settings';
import { agingView } from '../../electron/services/aging-view';
import { generateDemo } from '../../electron/services/demo';
import { tempLedger } from '../helpers';

// The last two are on or after the ledger's last date: the current open amounts answer them.
const DATES = ['2024-03-31', '2025-02-28', '2025-12-31', '2026-06-30', '2026-10-31', '2027-01-31'];
let ledger: Ledger;

beforeAll(async () => {
  ledger = await tempLedger();
  await generateDemo(ledger, { customers: 30, invoices: 1200, seed: 5, endDate: '2026-10-31' });
});
afterAll(async () => ledger?.close());

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/arw.ts', ...args], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('aging workspace figures match the foundation to the cent', () => {
  it('by customer with the foundation buckets: every bucket, total, unapplied and net', async () => {
    await setAgingSettings(ledger.db, { ...DEFAULT_SETTINGS, bucketBounds: FOUNDATION_BUCKET_BOUNDS, recoveryBp: ruleRecovery(FOUNDATION_BUCKET_BOUNDS) });
    let creditSeen = 0;
    for (const asOf of DATES) {
      const report = await agingReport(ledger.db, asOf, 'customer');
      const view = await agingView(ledger.db, asOf, 'customer');
      const rows = view.rows!;
      expect(rows.customer.length, asOf).toBe(report.rows.length);
      rows.customer.forEach((k, i) => {
        const r = report.rows[i];
        expect(view.customers.code[k]).toBe(r.customerCode);
        BUCKETS.forEach((b, j) => expect(rows.buckets[j][i], `${b} ${r.customerCode} ${asOf}`).toBe(r[b]));
        expect([rows.total[i], rows.unapplied[i], rows.net[i]]).toEqual([r.total, r.unapplied, r.net]);
      });
      expect(view.summary.bucketTotals).toEqual(BUCKETS.map((b) => report.totals[b]));
      expect([view.summary.total, view.summary.unapplied, view.summary.net]).toEqual([report.totals.total, report.totals.unapplied, report.totals.net]);
      creditSeen += report.totals.unapplied;
    }
    expect(creditSeen).toBeGreaterThan(0); // unapplied credit is part of what is compared
  });

  it('by invoice: the same invoices, open amounts, due dates, days and buckets, in the same order', async () => {
    for (const asOf of DATES) {
      const report = await agingReport(ledger.db, asOf, 'invoice');
      const inv = (await agingView(ledger.db, asOf, 'invoice')).invoices!;
      expect(inv.id).toEqual(report.rows.map((r) => r.invoiceId));
      expect(inv.open).toEqual(report.rows.map((r) => r.total));
      const dates = new InvoiceDates(asOf);
      expect(inv.days.map((d) => dates.dueDate(d))).toEqual(report.rows.map((r) => r.dueDate));
      expect(inv.number).toEqual(report.rows.map((r) => r.invoiceNumber));
      expect(inv.days.map((d, i) => dates.date(d, inv.terms[i]))).toEqual(report.rows.map((r) => r.invoiceDate));
      expect(inv.days).toEqual(report.rows.map((r) => r.daysOverdue));
      expect(inv.bucket.map((b) => BUCKETS[b])).toEqual(report.rows.map((r) => BUCKETS.find((k) => r[k] !== 0)));
    }
  });

  it('equals `arw aging --format json` for every customer (decimal strings) and the default two-year split sums to over_365', async () => {
    await setAgingSettings(ledger.db, DEFAULT_SETTINGS);
    const asOf = '2026-10-31';
    const json = JSON.parse(cli(['aging', '--ledger', ledger.file, '--as-of', asOf, '--by', 'customer', '--format', 'json'])) as {
      rows: Record<string, string>[];
      totals: Record<string, string>;
    };
    const view = await agingView(ledger.db, asOf, 'customer');
    const rows = view.rows!;
    expect(rows.customer.map((k) => view.customers.code[k])).toEqual(json.rows.map((r) => r.customer_code));
    const money = (n: number) => toDecimalString(n, 2);
    rows.customer.forEach((_, i) => {
      const r = json.rows[i];
      BUCKETS.slice(0, 6).forEach((b, j) => expect(money(rows.buckets[j][i]), `${b} of ${r.customer_code}`).toBe(r[b]));
      // Bucket 6 is 366–730 days, bucket 7 over 730: together the CLI's over_365.
      expect(money(rows.buckets[6][i] + rows.buckets[7][i])).toBe(r.over_365);
      expect([money(rows.total[i]), money(rows.unapplied[i]), money(rows.net[i])]).toEqual([r.total, r.unapplied, r.net]);
    });
    expect(money(view.summary.total)).toBe(json.totals.total);
    expect(money(view.summary.net)).toBe(json.totals.net);
    expect(view.summary.bucketTotals.reduce((a, b) => a + b, 0)).toBe(view.summary.total);
    expect(view.summary.bucketTotals[7]).toBeGreaterThan(0); // the demo has debts over two years old
  });

  it('filters to one customer with the same figures as the whole view', async () => {
    const asOf = '2026-06-30';
    const all = await agingView(ledger.db, asOf, 'invoice');
    const k = all.invoices!.customer[0];
    const id = all.customers.id[k];
    const one = await agingView(ledger.db, asOf, 'invoice', id);
    const mine = all.invoices!.id.filter((_, i) => all.customers.id[all.invoices!.customer[i]] === id);
    expect(one.invoices!.id).toEqual(mine);
    expect(one.customers.id).toEqual([id]);
  });
});
