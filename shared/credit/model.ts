/**
 * The scoring model: pure functions from a customer's documents (as loaded by
 * electron/credit/facts.ts) to a score out of 100, a grade, and each factor's part in plain words.
 * Every factor takes points off 100 along a ramp set in the settings; the points shown add up to
 * the score exactly.
 */
import { addDays, daysBetween } from '../dates';
import { formatMoney } from '../money';
import { gradeFor, type CreditSettings, type Ramp } from './settings';
import type { CreditMetrics, FactorId, FactorResult, Grade, Rating } from './types';

/** An allocation against an invoice, with the kind of document it came from. Negative: an undo. */
export interface AllocFact {
  date: string;
  amount: number;
  kind: string;
}

export interface InvoiceFact {
  id: number;
  number: string;
  date: string;
  due: string;
  amount: number;
  /** In date order. */
  allocs: AllocFact[];
}

/** A credit-side document (receipt, credit note) and its allocations, for unapplied credit. */
export interface CreditDocFact {
  date: string;
  amount: number;
  allocs: { date: string; amount: number }[];
}

/** Everything the model reads about one customer. Amounts in minor units. */
export interface CustomerFacts {
  customerId: number;
  digits: number;
  creditLimit: number;
  /** The earliest invoice date of the customer, or null without any. */
  firstInvoiceDate: string | null;
  /** Invoices dated on or before the as-of date and still open at some point of the look-back. */
  invoices: InvoiceFact[];
  credits: CreditDocFact[];
  /** Inputs from other features (collections, documents); zero until they exist. */
  pendingOrders: number;
  brokenPromises: number;
  openDisputes: number;
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** How far the model looks back from `asOf` (payments, volume, and the trend's earlier date). */
export function lookBackStart(asOf: string, s: CreditSettings): string {
  const trendAsOf = addDays(asOf, -s.trendDays);
  const payments = addMonths(trendAsOf, -s.windowMonths);
  const volume = addDays(trendAsOf, -(s.signals.recentDays + 365));
  return payments < volume ? payments : volume;
}

export function rampPoints(value: number | null, r: Ramp): number {
  if (value === null || !Number.isFinite(value)) return 0;
  const t = Math.min(1, Math.max(0, (value - r.from) / (r.to - r.from)));
  return Math.round(r.max * t);
}

const pct = (x: number) => Math.round(x * 100);

/**
 * The sufficient statistics of a rating as of a date X: additive over documents and allocations,
 * so the bulk path (electron/credit/bulk.ts, cache.ts) computes them in SQL and this file in JS,
 * with the same definitions:
 *  - open(X) = amount − allocations dated on or before X (a reversed invoice is fully absorbed);
 *  - every allocation to an invoice dated in the window (X − windowMonths, X] is a payment, except
 *    the one by which a reversal absorbs its invoice; an undo (negative) counts negative. It is
 *    late by max(0, date − due) days; a part payment is a positive one smaller than its invoice;
 *  - volume: invoices by their date, less invoice reversals by theirs.
 */
export interface RawMetrics {
  openInvoices: number;
  overdue: number;
  oldestDue: string | null;
  oldestId: number | null;
  oldestNumber: string | null;
  /** Overdue beyond the grace, still unpaid: open × days overdue, and open. */
  lateOpenW: number;
  lateOpenB: number;
  payW: number;
  payB: number;
  onTime: number;
  payN: number;
  partialN: number;
  recentW: number;
  recentB: number;
  priorW: number;
  priorB: number;
  recentVolume: number;
  baselineVolume: number;
  unapplied: number;
}

export function emptyRaw(): RawMetrics {
  return {
    openInvoices: 0, overdue: 0, oldestDue: null, oldestId: null, oldestNumber: null, lateOpenW: 0, lateOpenB: 0, payW: 0, payB: 0, onTime: 0,
    payN: 0, partialN: 0, recentW: 0, recentB: 0, priorW: 0, priorB: 0, recentVolume: 0, baselineVolume: 0, unapplied: 0,
  };
}

/** The dates that bound a rating as of X. */
export function windowOf(asOf: string, s: CreditSettings) {
  const recentStart = addDays(asOf, -s.signals.recentDays);
  return { windowStart: addMonths(asOf, -s.windowMonths), recentStart, baselineStart: addDays(recentStart, -365) };
}

export function computeRaw(f: CustomerFacts, asOf: string, s: CreditSettings): RawMetrics {
  const { windowStart, recentStart, baselineStart } = windowOf(asOf, s);
  const r = emptyRaw();
  for (const inv of f.invoices) {
    if (inv.date > asOf) continue;
    if (inv.date > recentStart) r.recentVolume += inv.amount;
    else if (inv.date > baselineStart) r.baselineVolume += inv.amount;
    let open = inv.amount;
    for (const a of inv.allocs) {
      if (a.date > asOf) continue;
      open -= a.amount;
      if (a.kind === 'reversal') {
        if (a.date > recentStart) r.recentVolume -= a.amount;
        else if (a.date > baselineStart) r.baselineVolume -= a.amount;
        continue;
      }
      if (a.date <= windowStart) continue;
      const days = Math.max(0, daysBetween(inv.due, a.date));
      r.payW += a.amount * days;
      r.payB += a.amount;
      if (days <= s.graceDays) r.onTime += a.amount;
      if (a.amount > 0) {
        r.payN++;
        if (a.amount < inv.amount) r.partialN++;
      }
      if (a.date > recentStart) {
        r.recentW += a.amount * days;
        r.recentB += a.amount;
      } else {
        r.priorW += a.amount * days;
        r.priorB += a.amount;
      }
    }
    if (open <= 0) continue;
    r.openInvoices += open;
    if (inv.due >= asOf) continue;
    r.overdue += open;
    if (r.oldestDue === null || inv.due < r.oldestDue || (inv.due === r.oldestDue && inv.id < r.oldestId!)) {
      r.oldestDue = inv.due;
      r.oldestId = inv.id;
      r.oldestNumber = inv.number;
    }
    const days = daysBetween(inv.due, asOf);
    if (days > s.graceDays) {
      r.lateOpenW += open * days;
      r.lateOpenB += open;
    }
  }
  for (const c of f.credits) {
    if (c.date > asOf) continue;
    let open = c.amount;
    for (const a of c.allocs) if (a.date <= asOf) open -= a.amount;
    r.unapplied += open;
  }
  return r;
}

export type FullMetrics = CreditMetrics & { payN: number; partialN: number };

/** From the statistics to the figures the factors read. */
export function finishMetrics(r: RawMetrics, f: Pick<CustomerFacts, 'creditLimit' | 'pendingOrders' | 'brokenPromises' | 'openDisputes' | 'firstInvoiceDate'>, asOf: string, s: CreditSettings): FullMetrics {
  const { recentStart, baselineStart } = windowOf(asOf, s);
  // The volume baseline covers a year, or less for a customer younger than that.
  let baselineDays = 365;
  if (f.firstInvoiceDate && f.firstInvoiceDate > baselineStart) baselineDays = Math.max(0, daysBetween(f.firstInvoiceDate, recentStart));
  const balance = r.openInvoices - r.unapplied;
  const exposure = Math.max(0, balance) + f.pendingOrders;
  const lateB = r.payB + r.lateOpenB;
  return {
    openInvoices: r.openInvoices,
    unapplied: r.unapplied,
    balance,
    overdue: r.overdue,
    oldestOverdueDays: r.oldestDue ? daysBetween(r.oldestDue, asOf) : 0,
    oldestOverdueInvoice: r.oldestDue ? r.oldestNumber ?? '' : null,
    oldestOverdueId: r.oldestId,
    exposure,
    pendingOrders: f.pendingOrders,
    creditLimit: f.creditLimit,
    utilisation: f.creditLimit > 0 ? exposure / f.creditLimit : null,
    avgDaysLate: lateB > 0 ? Math.max(0, (r.payW + r.lateOpenW) / lateB) : null,
    recentDaysLate: r.recentB > 0 ? Math.max(0, r.recentW / r.recentB) : null,
    priorDaysLate: r.priorB > 0 ? Math.max(0, r.priorW / r.priorB) : null,
    onTimeShare: lateB > 0 ? Math.min(1, Math.max(0, r.onTime / lateB)) : null,
    partialShare: r.payN > 0 ? r.partialN / r.payN : null,
    recentVolume: r.recentVolume,
    baselineVolume: baselineDays >= s.signals.recentDays ? Math.round((r.baselineVolume * s.signals.recentDays) / baselineDays) : 0,
    brokenPromises: f.brokenPromises,
    openDisputes: f.openDisputes,
    payN: r.payN,
    partialN: r.partialN,
  };
}

export function computeMetrics(f: CustomerFacts, asOf: string, s: CreditSettings): FullMetrics {
  return finishMetrics(computeRaw(f, asOf, s), f, asOf, s);
}

function factor(id: FactorId, key: string, value: number | null, s: CreditSettings, params: Record<string, string | number>): FactorResult {
  return { id, key, value, points: rampPoints(value, s.factors[id]), params };
}

/** Each factor's points; with `explain` false the sentences' parameters are left out (bulk scores). */
export function scoreFactors(m: FullMetrics, digits: number, s: CreditSettings, explain = true): FactorResult[] {
  const money = (x: number) => (explain ? formatMoney(x, digits) : '');
  const months = s.windowMonths;
  const drop = m.baselineVolume > 0 ? 1 - m.recentVolume / m.baselineVolume : null;
  const lateShare = m.onTimeShare === null ? null : 1 - m.onTimeShare;
  return [
    m.avgDaysLate === null
      ? factor('daysLate', 'credit.factor.daysLate.none', null, s, { months })
      : factor('daysLate', 'credit.factor.daysLate', m.avgDaysLate, s, { days: Math.round(m.avgDaysLate), months }),
    lateShare === null
      ? factor('lateShare', 'credit.factor.lateShare.none', null, s, { months })
      : factor('lateShare', 'credit.factor.lateShare', lateShare, s, { pct: pct(1 - lateShare), grace: s.graceDays, months }),
    m.openInvoices === 0
      ? factor('overdueShare', 'credit.factor.overdueShare.none', null, s, {})
      : factor('overdueShare', 'credit.factor.overdueShare', m.overdue / m.openInvoices, s, { pct: pct(m.overdue / m.openInvoices), overdue: money(m.overdue), open: money(m.openInvoices) }),
    m.oldestOverdueDays === 0
      ? factor('oldestOverdue', 'credit.factor.oldestOverdue.none', null, s, {})
      : factor('oldestOverdue', 'credit.factor.oldestOverdue', m.oldestOverdueDays, s, { days: m.oldestOverdueDays, invoice: m.oldestOverdueInvoice ?? '' }),
    m.utilisation === null
      ? factor('utilisation', 'credit.factor.utilisation.none', null, s, { exposure: money(m.exposure) })
      : factor('utilisation', 'credit.factor.utilisation', m.utilisation, s, { pct: pct(m.utilisation), exposure: money(m.exposure), limit: money(m.creditLimit) }),
    m.partialShare === null
      ? factor('partialPayments', 'credit.factor.partialPayments.none', null, s, { months })
      : factor('partialPayments', 'credit.factor.partialPayments', m.partialShare, s, { count: m.partialN, total: m.payN, pct: pct(m.partialShare), months }),
    factor('brokenPromises', 'credit.factor.brokenPromises', m.brokenPromises, s, { count: m.brokenPromises, months }),
    factor('openDisputes', 'credit.factor.openDisputes', m.openDisputes, s, { count: m.openDisputes }),
    drop === null
      ? factor('volumeDrop', 'credit.factor.volumeDrop.none', null, s, { days: s.signals.recentDays })
      : factor('volumeDrop', drop >= 0 ? 'credit.factor.volumeDrop' : 'credit.factor.volumeUp', drop, s, {
          pct: Math.abs(pct(drop)),
          days: s.signals.recentDays,
          recent: money(m.recentVolume),
          usual: money(m.baselineVolume),
        }),
  ];
}

/** A rating from its metrics; `manualGrade` (if any) is in force, kept beside the computed one. */
export function rateFromMetrics(m: FullMetrics, digits: number, firstInvoiceDate: string | null, asOf: string, s: CreditSettings, manualGrade: Grade | null = null, explain = true): Rating {
  const factors = scoreFactors(m, digits, s, explain);
  const score = Math.max(0, 100 - factors.reduce((sum, x) => sum + x.points, 0));
  const noHistory = firstInvoiceDate === null || firstInvoiceDate > asOf;
  const computedGrade = noHistory ? s.noHistoryGrade : gradeFor(score, s);
  const { payN: _payN, partialN: _partialN, ...metrics } = m;
  return { asOf, score, computedGrade, grade: manualGrade ?? computedGrade, manual: manualGrade !== null, noHistory, factors, metrics };
}

/** The rating of one customer as of a date, from its documents. */
export function rate(f: CustomerFacts, asOf: string, s: CreditSettings, manualGrade: Grade | null = null): Rating {
  return rateFromMetrics(computeMetrics(f, asOf, s), f.digits, f.firstInvoiceDate, asOf, s, manualGrade);
}

/** What is still open of an invoice on `asOf` (zero once reversed). */
export function openOn(inv: InvoiceFact, asOf: string): number {
  let open = inv.amount;
  for (const a of inv.allocs) if (a.date <= asOf) open -= a.amount;
  return open;
}

/** What-if: the chosen invoices paid in full on the as-of date (a receipt dated that day). */
export function withPayments(f: CustomerFacts, asOf: string, pay: (inv: InvoiceFact, open: number, daysOverdue: number) => boolean): { facts: CustomerFacts; paid: number; numbers: string[] } {
  let paid = 0;
  const numbers: string[] = [];
  const invoices = f.invoices.map((inv) => {
    if (inv.date > asOf) return inv;
    const open = openOn(inv, asOf);
    if (open <= 0 || !pay(inv, open, daysBetween(inv.due, asOf))) return inv;
    paid += open;
    numbers.push(inv.number);
    return { ...inv, allocs: [...inv.allocs, { date: asOf, amount: open, kind: 'receipt' }] };
  });
  return { facts: { ...f, invoices }, paid, numbers };
}
