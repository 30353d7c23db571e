/** Ratings from the ledger as of any date: the grid of all customers, one customer's detail, and what-if. */
import { addDays, daysBetween } from '../../shared/dates';
import { emptyRaw, finishMetrics, lookBackStart, openOn, rate, rateFromMetrics, withPayments, type CustomerFacts } from '../../shared/credit/model';
import { holdReasons, verdictFor, warningSignals } from '../../shared/credit/policy';
import type { CreditSettings } from '../../shared/credit/settings';
import type { CreditDetail, CreditRatingsReport, CreditRow, HoldMode, Rating, Reason, WhatIfResult } from '../../shared/credit/types';
import type { Db } from '../db/tx';
import { LedgerError } from '../errors';
import { currencyDigits } from '../../shared/money';
import { bulkRaw, documentNumbers, firstInvoiceDates } from './bulk';
import { syncCreditCache } from './cache';
import { loadFacts, type CustomerHead } from './facts';
import { loadCreditInputs } from './inputs';
import { getCreditSettings, listOverrides, loadProfiles, manualGradeOn, ratingHistory, toProfile, type ProfileRow } from './store';

function holdMode(status: string, s: CreditSettings): HoldMode {
  return status === 'on_hold' || status === 'closed' ? 'block' : s.policy.action;
}

export interface BulkRating {
  customer: CustomerHead;
  digits: number;
  profile: ProfileRow | undefined;
  now: Rating;
  before: Rating;
  hold: HoldMode | null;
  holdReasons: Reason[];
}

/** Every customer's rating as of `asOf` and `settings.trendDays` earlier, from SQL aggregates (sync the cache first). */
export async function bulkRatings(db: Db, asOf: string, s: CreditSettings, explain = false): Promise<BulkRating[]> {
  const trendAsOf = addDays(asOf, -s.trendDays);
  const customers = await db.selectFrom('customers').select(['id', 'code', 'name', 'salesperson', 'currency', 'credit_limit', 'payment_terms_days', 'status']).orderBy('code').execute();
  const [raw, profiles, inputs, firsts] = [
    await bulkRaw(db, [asOf, trendAsOf], s),
    await loadProfiles(db),
    await loadCreditInputs(db, null, asOf, s.windowMonths),
    await firstInvoiceDates(db, lookBackStart(asOf, s)),
  ];
  const rawNow = raw.get(asOf)!;
  const rawBefore = raw.get(trendAsOf)!;
  const numbers = await documentNumbers(db, [...rawNow.values()].flatMap((r) => (r.oldestId === null ? [] : [r.oldestId])));
  return customers.map((c) => {
    const digits = currencyDigits(c.currency);
    const p = profiles.get(c.id);
    const ctx = {
      creditLimit: c.credit_limit,
      pendingOrders: inputs.pendingOrders.get(c.id) ?? 0,
      brokenPromises: inputs.brokenPromises.get(c.id) ?? 0,
      openDisputes: inputs.openDisputes.get(c.id) ?? 0,
      firstInvoiceDate: firsts.get(c.id) ?? null,
    };
    const rn = rawNow.get(c.id) ?? emptyRaw();
    if (rn.oldestId !== null) rn.oldestNumber = numbers.get(rn.oldestId) ?? '';
    const now = rateFromMetrics(finishMetrics(rn, ctx, asOf, s), digits, ctx.firstInvoiceDate, asOf, s, manualGradeOn(p, asOf), explain);
    const before = rateFromMetrics(finishMetrics(rawBefore.get(c.id) ?? emptyRaw(), ctx, trendAsOf, s), digits, ctx.firstInvoiceDate, trendAsOf, s, manualGradeOn(p, trendAsOf), false);
    const holdReasonsNow = holdReasons(now, c.status, 0, digits, s);
    return { customer: c, digits, profile: p, now, before, hold: holdReasonsNow.length ? holdMode(c.status, s) : null, holdReasons: holdReasonsNow };
  });
}

function gridRow({ customer: c, digits, profile: p, now, before, hold, holdReasons: reasons }: BulkRating, asOf: string, s: CreditSettings): CreditRow {
  const nextReview = p?.next_review ?? null;
  return {
    customerId: c.id,
    code: c.code,
    name: c.name,
    salesperson: c.salesperson,
    currency: c.currency,
    digits,
    status: c.status,
    grade: now.grade,
    computedGrade: now.computedGrade,
    manual: now.manual,
    noHistory: now.noHistory,
    score: now.score,
    previousScore: before.score,
    creditLimit: c.credit_limit,
    exposure: now.metrics.exposure,
    utilisation: now.metrics.utilisation,
    overdue: now.metrics.overdue,
    oldestOverdueDays: now.metrics.oldestOverdueDays,
    lastReview: p?.last_review ?? null,
    nextReview,
    reviewDue: c.status !== 'closed' && (nextReview === null || nextReview <= asOf),
    hold,
    holdReasons: reasons,
    signals: warningSignals(now, before, s),
  };
}

/** Every customer's rating as of `asOf`, with the trend, hold status and warning signals. */
export async function rateAll(db: Db, asOf: string): Promise<CreditRatingsReport> {
  const started = performance.now();
  const s = await getCreditSettings(db);
  await syncCreditCache(db, s.graceDays);
  const rows = (await bulkRatings(db, asOf, s)).map((b) => gridRow(b, asOf, s));
  return { asOf, rows, millis: Math.round(performance.now() - started) };
}

export interface OneRating {
  customer: CustomerHead;
  facts: CustomerFacts;
  profile: ProfileRow | undefined;
  settings: CreditSettings;
  rating: Rating;
}

/** One customer's rating as of `asOf` (its own documents only: fast enough for every delivery). */
export async function rateCustomer(db: Db, customerId: number, asOf: string, settings?: CreditSettings): Promise<OneRating> {
  const s = settings ?? (await getCreditSettings(db));
  const { customers, facts } = await loadFacts(db, asOf, s, customerId);
  const customer = customers[0];
  if (!customer) throw new LedgerError('error.customerNotFound', { id: customerId }, 'customerId');
  const profile = (await loadProfiles(db, customerId)).get(customerId);
  const f = facts.get(customerId)!;
  return { customer, facts: f, profile, settings: s, rating: rate(f, asOf, s, manualGradeOn(profile, asOf)) };
}

export async function creditDetail(db: Db, customerId: number, asOf: string): Promise<CreditDetail> {
  const one = await rateCustomer(db, customerId, asOf);
  const { customer: c, facts: f, profile: p, settings: s, rating } = one;
  const trendAsOf = addDays(asOf, -s.trendDays);
  const previous = rate(f, trendAsOf, s, manualGradeOn(p, trendAsOf));
  const [history, overrides] = await Promise.all([ratingHistory(db, customerId), listOverrides(db, customerId)]);
  const openInvoices = [];
  for (const inv of f.invoices) {
    const amount = inv.date <= asOf ? openOn(inv, asOf) : 0;
    if (amount > 0) openInvoices.push({ id: inv.id, number: inv.number, dueDate: inv.due, open: amount, daysOverdue: daysBetween(inv.due, asOf) });
  }
  openInvoices.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  return {
    customerId,
    code: c.code,
    name: c.name,
    currency: c.currency,
    digits: f.digits,
    rating,
    previous,
    verdict: verdictFor(rating, c.status, 0, f.digits, s),
    signals: warningSignals(rating, previous, s),
    profile: toProfile(p, rating.grade, s),
    history,
    overrides,
    openInvoices,
  };
}

export interface WhatIfInput {
  /** Pay every invoice overdue by more than this many days. */
  payOverdueDays?: number;
  /** Pay these invoices. */
  payInvoiceIds?: number[];
  /** A delivery of this amount (minor units) to check against the policy before and after. */
  delivery?: number;
}

/** "If they pay the 60-day invoices today, what grade?": the chosen invoices paid in full on the as-of date. */
export async function whatIf(db: Db, customerId: number, asOf: string, input: WhatIfInput): Promise<WhatIfResult> {
  const { customer: c, facts: f, profile: p, settings: s, rating: before } = await rateCustomer(db, customerId, asOf);
  const ids = new Set(input.payInvoiceIds ?? []);
  const scenario = withPayments(f, asOf, (inv, _open, days) => ids.has(inv.id) || (input.payOverdueDays !== undefined && days > input.payOverdueDays));
  const after = rate(scenario.facts, asOf, s, manualGradeOn(p, asOf));
  const amount = input.delivery ?? 0;
  return {
    before,
    after,
    verdictBefore: verdictFor(before, c.status, amount, f.digits, s),
    verdictAfter: verdictFor(after, c.status, amount, f.digits, s),
    paid: scenario.paid,
    paidInvoices: scenario.numbers,
  };
}
