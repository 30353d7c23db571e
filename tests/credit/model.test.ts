/** The scoring model against hand-computed cases (tests/credit/fixture.ts), factor by factor. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../electron/db/open';
import { creditDetail, whatIf } from '../../electron/credit/ratings';
import { setManualGrade } from '../../electron/credit/review';
import { factorText } from '../../shared/credit/messages';
import { rampPoints } from '../../shared/credit/model';
import { gradeFor, DEFAULT_CREDIT_SETTINGS } from '../../shared/credit/settings';
import { addCustomer, tempLedger } from '../helpers';
import { AS_OF, partialPayer, volumeDropper } from './fixture';

let ledger: Ledger;
afterEach(async () => ledger?.close());

const points = (d: Awaited<ReturnType<typeof creditDetail>>) => Object.fromEntries(d.rating.factors.map((f) => [f.id, f.points]));

describe('credit scoring, hand-computed', () => {
  it('ramps and grade thresholds', () => {
    const r = { from: 30, to: 180, max: 15 };
    expect([rampPoints(null, r), rampPoints(10, r), rampPoints(30, r), rampPoints(90, r), rampPoints(180, r), rampPoints(400, r)]).toEqual([0, 0, 0, 6, 15, 15]);
    const s = DEFAULT_CREDIT_SETTINGS;
    expect([100, 85, 84, 70, 69, 55, 54, 40, 39, 0].map((x) => gradeFor(x, s))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E']);
  });

  it('a partial, late payer: every factor, the score, the grade and the words', async () => {
    ledger = await tempLedger();
    const c = await partialPayer(ledger);
    const d = await creditDetail(ledger.db, c.id, AS_OF);
    const m = d.rating.metrics;
    expect(m.avgDaysLate).toBeCloseTo(42.5, 9);
    expect(m.onTimeShare).toBeCloseTo(0.25, 9);
    expect([m.openInvoices, m.overdue, m.oldestOverdueDays, m.oldestOverdueInvoice, m.exposure]).toEqual([200000, 200000, 90, 'I3', 200000]);
    expect(m.utilisation).toBeCloseTo(0.2, 9);
    expect(m.partialShare).toBeCloseTo(2 / 3, 9);
    expect(points(d)).toEqual({ daysLate: 14, lateShare: 11, overdueShare: 15, oldestOverdue: 6, utilisation: 0, partialPayments: 5, brokenPromises: 0, openDisputes: 0, volumeDrop: 0 });
    expect(d.rating.score).toBe(49);
    expect(d.rating.grade).toBe('D');
    const words = d.rating.factors.map((f) => factorText('en', f));
    expect(words[0]).toBe('paid 43 days after the due date on average over 12 months (unpaid invoices counted to date): −14');
    expect(words[2]).toBe('100% of the open balance is overdue (2,000.00 of 2,000.00): −15');
    expect(words[3]).toBe('oldest overdue invoice I3 is 90 days past due: −6');
    expect(words[4]).toBe('uses 20% of its credit limit (2,000.00 of 10,000.00): 0');
    expect(words[5]).toBe('2 of 3 invoices paid in the last 12 months were paid in parts (67%): −5');
    expect(factorText('zh', d.rating.factors[0])).toBe('近 12 个月平均在到期后 43 天付款（未付发票计至今日）：−14');
    // Held: I3 is 90 days overdue, beyond the 60 the policy allows; grade D is above the hold grade E.
    expect(d.verdict).toEqual({ ok: false, mode: 'block', reasons: [{ key: 'credit.reason.overdue', params: { invoice: 'I3', days: 90, max: 60, overdue: '2,000.00' } }] });
  });

  it('an on-time payer whose orders stopped: the volume factor and the warning signal', async () => {
    ledger = await tempLedger();
    const c = await volumeDropper(ledger);
    const d = await creditDetail(ledger.db, c.id, AS_OF);
    expect(points(d)).toEqual({ daysLate: 0, lateShare: 0, overdueShare: 0, oldestOverdue: 0, utilisation: 0, partialPayments: 0, brokenPromises: 0, openDisputes: 0, volumeDrop: 10 });
    expect(d.rating.metrics.recentVolume).toBe(0);
    expect(d.rating.metrics.baselineVolume).toBe(Math.round((1_100_000 * 90) / 365));
    expect([d.rating.score, d.rating.grade]).toEqual([90, 'A']);
    expect(d.signals).toEqual([{ key: 'signal.volumeDown', params: { pct: 100, days: 90 } }]);
    expect(d.verdict).toEqual({ ok: true });
    expect(factorText('en', d.rating.factors[4])).toBe('no credit limit set (exposure 0.00): 0');
  });

  it('a customer without invoices gets the grade for new customers', async () => {
    ledger = await tempLedger();
    const c = await addCustomer(ledger, 'N');
    const d = await creditDetail(ledger.db, c.id, AS_OF);
    expect([d.rating.noHistory, d.rating.score, d.rating.grade]).toEqual([true, 100, 'C']);
  });

  it('a manual grade needs a reason and is kept beside the computed one, in the history', async () => {
    ledger = await tempLedger();
    const c = await partialPayer(ledger);
    await expect(setManualGrade(ledger.db, c.id, 'B', '  ', AS_OF)).rejects.toMatchObject({ key: 'error.reasonRequired' });
    await setManualGrade(ledger.db, c.id, 'B', 'Owner guarantees personally; bank letter on file', AS_OF, 'lead');
    const d = await creditDetail(ledger.db, c.id, AS_OF);
    expect([d.rating.grade, d.rating.computedGrade, d.rating.manual]).toEqual(['B', 'D', true]);
    expect(d.profile).toMatchObject({ manualGrade: 'B', manualReason: 'Owner guarantees personally; bank letter on file', manualBy: 'lead' });
    expect(d.history[0]).toMatchObject({ kind: 'manual', grade: 'B', computedGrade: 'D', score: 49, reason: 'Owner guarantees personally; bank letter on file', createdBy: 'lead' });
    // Before the day it was set, the computed grade stands.
    expect((await creditDetail(ledger.db, c.id, '2026-04-01')).rating.manual).toBe(false);
  });

  it('what-if: paying the invoices over 60 days overdue today lifts D to B and lifts the hold', async () => {
    ledger = await tempLedger();
    const c = await partialPayer(ledger);
    const r = await whatIf(ledger.db, c.id, AS_OF, { payOverdueDays: 60 });
    expect([r.before.score, r.before.grade, r.after.score, r.after.grade]).toEqual([49, 'D', 71, 'B']);
    expect(r.paidInvoices).toEqual(['I3']);
    expect(r.paid).toBe(200000);
    expect(r.verdictBefore.ok).toBe(false);
    expect(r.verdictAfter).toEqual({ ok: true });
  });
});
