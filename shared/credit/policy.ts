/**
 * Credit control: when a customer is on hold (前帐未清，不谈下回交易; over the limit; grade too low;
 * put on hold by hand) and what a hold does to a delivery (block, or limited supply 限量供货).
 * Also the warning signals: behaviour that got worse against the customer's own history.
 */
import { formatMoney } from '../money';
import { atOrBelow, type CreditSettings } from './settings';
import { GRADES, type CreditVerdict, type Rating, type Reason, type WarningSignal } from './types';

/** Why the customer is on hold for a delivery of `amount` (minor units); empty when it is not. */
export function holdReasons(r: Rating, status: string, amount: number, digits: number, s: CreditSettings): Reason[] {
  const money = (x: number) => formatMoney(x, digits);
  const reasons: Reason[] = [];
  const m = r.metrics;
  if (status === 'closed') reasons.push({ key: 'credit.reason.closed', params: {} });
  if (status === 'on_hold') reasons.push({ key: 'credit.reason.manualHold', params: {} });
  const maxDays = s.policy.maxOverdueDays;
  if (maxDays !== null && m.oldestOverdueDays > maxDays) {
    reasons.push({ key: 'credit.reason.overdue', params: { invoice: m.oldestOverdueInvoice ?? '', days: m.oldestOverdueDays, max: maxDays, overdue: money(m.overdue) } });
  }
  if (s.policy.overLimit && m.creditLimit > 0 && m.exposure + amount > m.creditLimit) {
    reasons.push({
      key: amount > 0 ? 'credit.reason.overLimit' : 'credit.reason.atLimit',
      params: { exposure: money(m.exposure), amount: money(amount), total: money(m.exposure + amount), limit: money(m.creditLimit) },
    });
  }
  if (s.policy.holdGrade !== null && atOrBelow(r.grade, s.policy.holdGrade)) {
    reasons.push({ key: 'credit.reason.grade', params: { grade: r.grade, level: s.policy.holdGrade, score: r.score } });
  }
  return reasons;
}

/**
 * The verdict for a delivery of `amount`. In limited-supply mode a held customer may still take a
 * delivery up to `limitedPct` of its credit limit; a customer on hold by hand or closed never.
 */
export function verdictFor(r: Rating, status: string, amount: number, digits: number, s: CreditSettings): CreditVerdict {
  const reasons = holdReasons(r, status, amount, digits, s);
  if (reasons.length === 0) return { ok: true };
  const manual = status === 'on_hold' || status === 'closed';
  if (s.policy.action === 'limit' && !manual) {
    const allowedAmount = Math.floor((r.metrics.creditLimit * s.policy.limitedPct) / 100);
    if (amount > 0 && amount <= allowedAmount) return { ok: true };
    return { ok: false, reasons, mode: 'limit', allowedAmount };
  }
  return { ok: false, reasons, mode: 'block' };
}

/** Worsening behaviour against the customer's own history (and its rating some time ago). */
export function warningSignals(now: Rating, before: Rating, s: CreditSettings): WarningSignal[] {
  const out: WarningSignal[] = [];
  const m = now.metrics;
  if (m.recentDaysLate !== null && m.priorDaysLate !== null && m.recentDaysLate - m.priorDaysLate >= s.signals.laterByDays) {
    out.push({ key: 'signal.later', params: { recent: Math.round(m.recentDaysLate), before: Math.round(m.priorDaysLate), days: s.signals.recentDays } });
  }
  if (m.baselineVolume > 0) {
    const drop = 1 - m.recentVolume / m.baselineVolume;
    if (drop * 100 >= s.signals.volumeDropPct) out.push({ key: 'signal.volumeDown', params: { pct: Math.round(drop * 100), days: s.signals.recentDays } });
  }
  if (m.brokenPromises > 0) out.push({ key: 'signal.promisesBroken', params: { count: m.brokenPromises } });
  if (m.openDisputes > 0) out.push({ key: 'signal.disputes', params: { count: m.openDisputes } });
  if (!before.noHistory && GRADES.indexOf(now.computedGrade) > GRADES.indexOf(before.computedGrade)) {
    out.push({ key: 'signal.gradeDown', params: { from: before.computedGrade, to: now.computedGrade, days: s.trendDays } });
  }
  return out;
}
