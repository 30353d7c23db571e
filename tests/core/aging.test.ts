import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf } from '../../shared/aging';
import { daysBetween } from '../../shared/dates';
import { agingReport } from '../../electron/services/aging';
import { generateDemo } from '../../electron/services/demo';
import { statementData } from '../../electron/services/statement';
import { customerLedger } from '../../electron/services/customer-ledger';
import { checkLedger } from '../../electron/services/check';
import { tempLedger } from '../helpers';

/** Aging recomputed the slow, obvious way from posted documents and allocations. */
async function oracle(ledger: Awaited<ReturnType<typeof tempLedger>>, asOf: string) {
  const docs = await ledger.db.selectFrom('documents').selectAll().where('date', '<=', asOf).execute();
  const allocs = await ledger.db.selectFrom('allocations').selectAll().where('date', '<=', asOf).execute();
  const applied = new Map<number, number>();
  for (const a of allocs) {
    applied.set(a.source_id, (applied.get(a.source_id) ?? 0) + a.amount);
    applied.set(a.target_id, (applied.get(a.target_id) ?? 0) + a.amount);
  }
  const per = new Map<number, Record<string, number>>();
  for (const d of docs) {
    const open = d.amount - (applied.get(d.id) ?? 0);
    if (open === 0) continue;
    const r = per.get(d.customer_id) ?? Object.fromEntries([...BUCKETS, 'total', 'unapplied'].map((k) => [k, 0]));
    if (d.side === 1) {
      const due = d.due_date ?? d.date;
      r[bucketOf(daysBetween(due, asOf))] += open;
      r.total += open;
    } else r.unapplied += open;
    per.set(d.customer_id, r);
  }
  return per;
}

describe('aging on a demo ledger', () => {
  it('matches a brute-force recomputation to the cent at many dates, and statements agree', async () => {
    const ledger = await tempLedger();
    await generateDemo(ledger, { customers: 40, invoices: 1500, seed: 9, endDate: '2026-10-31' });
    expect(await checkLedger(ledger)).toEqual([]);
    for (const asOf of ['2023-12-31', '2024-06-30', '2025-03-15', '2025-12-31', '2026-06-30', '2026-10-31', '2027-06-30']) {
      const report = await agingReport(ledger.db, asOf, 'customer');
      const expected = await oracle(ledger, asOf);
      const got = new Map(report.rows.map((r) => [r.customerId, r]));
      for (const [cid, e] of expected) {
        const g = got.get(cid)!;
        expect(g, `customer ${cid} as of ${asOf}`).toBeDefined();
        for (const k of [...BUCKETS, 'total', 'unapplied'] as const) expect(g[k], `${k} of ${cid} at ${asOf}`).toBe(e[k]);
        expect(g.net).toBe(e.total - e.unapplied);
      }
      expect(report.rows.length).toBe(expected.size);
      const byInvoice = await agingReport(ledger.db, asOf, 'invoice');
      expect(byInvoice.rows.reduce((s, r) => s + r.total, 0)).toBe(report.totals.total);
    }
    // The statement's closing balance equals the customer's ledger balance and its aging net.
    const ids = (await ledger.db.selectFrom('customers').select('id').limit(10).execute()).map((r) => r.id);
    for (const id of ids) {
      const st = await statementData(ledger.db, id, '2026-09');
      const l = await customerLedger(ledger.db, id, '2026-09-30');
      expect(st.closing).toBe(l.balance);
      expect(st.aging.net).toBe(l.balance);
      expect(st.opening + st.lines.reduce((s, x) => s + x.debit - x.credit, 0)).toBe(st.closing);
    }
  });
});
