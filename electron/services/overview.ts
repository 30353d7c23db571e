/**
 * The Overview (概览): headline figures, the aging trend by month end, the top debtors and
 * collections against targets, per currency (amounts of different currencies are never added),
 * and, when some customers are in other currencies, the whole ledger in the base currency
 * (`allInBase`: each document at the rate recorded with it, as the aging workspace's totals).
 *
 * Same definitions as the screens they summarise, held to them by tests/overview:
 * - open and overdue on the as-of date are `liveDebits` (the aging workspace's open items);
 *   overdue means due before the as-of date, as in `agingMetrics`;
 * - DSO = open / credit sales × days over the aging workspace's default period (the as-of
 *   date's month up to that date), sales being invoices less reversals of invoices dated in it;
 * - the as-of column of the trend is `bucketTotals` with the workspace's buckets; month ends
 *   come from `monthEndTotals` (one pass over the open-item index);
 * - collections against targets follow `targetReport` (Collections → Targets): targets per
 *   customer and month, receipts dated in the month that were never reversed.
 * Period sums enter the documents through the open-item index by date (documents have no date index).
 */
import { sql } from 'kysely';
import { previousMonthEnd } from '../../shared/aging-workspace/periods';
import { bucketOfDays } from '../../shared/aging-workspace/settings';
import type { Overview, OverviewAll, OverviewCurrency, OverviewDebtor } from '../../shared/api/overview';
import { toBaseAmount } from '../../shared/currency';
import { daysBetween, monthEnd, toDayNumber, todayIso } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { getCompany } from '../repos/company';
import { RateBook } from '../repos/rates';
import { liveDebits } from './aging-live';
import { getAgingSettings } from './aging-settings';
import { baseAmounts, type Currencies } from './base-amounts';
import { foreignMonthEnds, monthEndTotalsCached } from './overview-trend';

export const TOP_DEBTORS = 10;
/** Months of collections against targets: the as-of date's month and the six before it. */
export const TARGET_MONTHS = 7;

interface Customer {
  code: string;
  name: string;
  salesperson: string;
  currency: string;
}

/** The `count` month ends before the as-of date's month, ascending. */
export function monthEndsBefore(asOf: string, count: number): string[] {
  const out: string[] = [];
  let d = asOf;
  for (let i = 0; i < count; i++) out.unshift((d = previousMonthEnd(d)));
  return out;
}

/** 'YYYY-MM' of the as-of date's month and the `count - 1` months before it, ascending. */
export function monthPeriods(asOf: string, count: number): string[] {
  const out = [asOf.slice(0, 7)];
  let d = asOf;
  while (out.length < count) out.unshift((d = previousMonthEnd(d)).slice(0, 7));
  return out;
}

/** A ratio rounded to 4 decimals, as agingMetrics rounds it. */
const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

/** Credit sales per currency in [from, to]: invoices dated in it less reversals of invoices dated in it (agingMetrics' rule). */
async function salesByCurrency(db: Db, from: string, to: string): Promise<Map<string, number>> {
  const posted = await db
    .selectFrom('open_items as o')
    .innerJoin('documents as d', 'd.id', 'o.document_id')
    .innerJoin('customers as c', 'c.id', 'd.customer_id')
    .select((eb) => ['c.currency', eb.fn.sum<number>('d.amount').as('s')])
    .where('o.side', '=', 1)
    .where('o.date', '>=', from)
    .where('o.date', '<=', to)
    .where('d.kind', '=', 'invoice')
    .groupBy('c.currency')
    .execute();
  const reversed = await db
    .selectFrom('open_items as o')
    .innerJoin('documents as r', 'r.id', 'o.document_id')
    .innerJoin('documents as v', 'v.id', 'r.reverses_id')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .select((eb) => ['c.currency', eb.fn.sum<number>('r.amount').as('s')])
    .where('o.side', 'in', [1, -1])
    .where('o.date', '>=', from)
    .where('o.date', '<=', to)
    .where('r.kind', '=', 'reversal')
    .where('v.kind', '=', 'invoice')
    .groupBy('c.currency')
    .execute();
  const out = new Map<string, number>();
  for (const r of posted) out.set(r.currency, Number(r.s));
  for (const r of reversed) out.set(r.currency, (out.get(r.currency) ?? 0) - Number(r.s));
  return out;
}

/** Targets, and receipts summed per customer and month, over the periods (targetReport's rules, one query each). */
async function targetData(db: Db, periods: string[]) {
  const from = `${periods[0]}-01`;
  const to = monthEnd(`${periods[periods.length - 1]}-01`);
  const [targets, receipts] = await Promise.all([
    db.selectFrom('collection_targets').select(['customer_id', 'period', 'target']).where('period', 'in', periods).execute(),
    db
      .selectFrom('open_items as o')
      .innerJoin('documents as r', 'r.id', 'o.document_id')
      .leftJoin('documents as rev', 'rev.reverses_id', 'r.id')
      .select((eb) => ['r.customer_id', eb.fn<string>('substr', ['r.date', sql.lit(1), sql.lit(7)]).as('period'), eb.fn.sum<number>('r.amount').as('amount')])
      .where('o.side', '=', -1)
      .where('o.date', '>=', from)
      .where('o.date', '<=', to)
      .where('r.kind', '=', 'receipt')
      .where('rev.id', 'is', null)
      .groupBy(['r.customer_id', sql`period`])
      .execute(),
  ]);
  return { targets, receipts };
}

function emptyCurrency(currency: string, trendLength: number, nBuckets: number, periods: string[]): OverviewCurrency {
  return {
    currency,
    digits: currencyDigits(currency),
    open: 0,
    overdue: 0,
    overdueRatio: null,
    sales: 0,
    dso: null,
    customersOpen: 0,
    trend: Array.from({ length: trendLength }, () => ({ date: '', buckets: new Array<number>(nBuckets).fill(0), total: 0 })),
    topDebtors: [],
    targets: periods.map((period) => ({ period, from: `${period}-01`, to: monthEnd(`${period}-01`), target: 0, collected: 0, collectedAll: 0, customersWithTarget: 0 })),
    salespeople: [],
  };
}

/** Fills the as-of column, open, overdue and the debtors of the blocks `blockOf` picks, from the open invoices at `opens`. */
function addAsOf(
  debits: { customer: number[]; due: string[] },
  opens: ArrayLike<number>,
  blockOf: (customerId: number) => OverviewCurrency,
  asOf: string,
  bounds: readonly number[],
  customers: Map<number, Customer>,
): void {
  const perCustomer = new Map<number, OverviewDebtor>();
  const asOfDay = toDayNumber(asOf);
  const dueDay = new Map<string, number>(); // a ledger has a few thousand distinct due dates
  for (let i = 0; i < opens.length; i++) {
    const id = debits.customer[i];
    const open = opens[i];
    const due = debits.due[i];
    let d = dueDay.get(due);
    if (d === undefined) dueDay.set(due, (d = toDayNumber(due)));
    const days = asOfDay - d;
    const b = blockOf(id);
    b.trend[b.trend.length - 1].buckets[bucketOfDays(days, bounds)] += open;
    b.open += open;
    let c = perCustomer.get(id);
    if (!c) {
      const cust = customers.get(id);
      perCustomer.set(id, (c = { customerId: id, code: cust?.code ?? '', name: cust?.name ?? '', notDue: 0, overdue: 0, total: 0, oldestDays: 0 }));
    }
    c.total += open;
    // Due on or after the as-of date is not yet due (agingMetrics' `current`).
    if (days > 0) {
      b.overdue += open;
      c.overdue += open;
      if (days > c.oldestDays) c.oldestDays = days;
    } else c.notDue += open;
  }
  const debtors = new Map<OverviewCurrency, OverviewDebtor[]>();
  for (const c of perCustomer.values()) {
    const b = blockOf(c.customerId);
    const list = debtors.get(b) ?? (debtors.set(b, []), debtors.get(b)!);
    list.push(c);
  }
  for (const [b, list] of debtors) {
    b.customersOpen = list.length;
    b.topDebtors = list.sort((x, y) => y.total - x.total || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)).slice(0, TOP_DEBTORS);
  }
}

/** Fills collections against targets (per month, per salesperson for the as-of month) of the blocks `blockOf` picks. */
function addTargets(
  targets: { customer_id: number; period: string; target: number; unrated?: boolean }[],
  receipts: { customer_id: number; period: string; amount: number }[],
  blockOf: (customerId: number) => OverviewCurrency,
  periods: string[],
  customers: Map<number, Customer>,
): void {
  const monthIndex = new Map(periods.map((p, i) => [p, i]));
  const hasTarget = new Set<string>();
  const currentPeriod = periods[periods.length - 1];
  const people = new Map<OverviewCurrency, Map<string, { target: number; collected: number }>>();
  const person = (b: OverviewCurrency, customerId: number) => {
    const salesperson = customers.get(customerId)?.salesperson ?? '';
    const byName = people.get(b) ?? (people.set(b, new Map()), people.get(b)!);
    return byName.get(salesperson) ?? (byName.set(salesperson, { target: 0, collected: 0 }), byName.get(salesperson)!);
  };
  for (const t of targets) {
    const k = monthIndex.get(t.period);
    // A target without a rate still counts its customer as one with a target (its amount as 0).
    if ((t.target === 0 && !t.unrated) || k === undefined) continue;
    hasTarget.add(`${t.customer_id}|${t.period}`);
    const b = blockOf(t.customer_id);
    b.targets[k].target += t.target;
    b.targets[k].customersWithTarget++;
    if (t.period === currentPeriod) person(b, t.customer_id).target += t.target;
  }
  for (const r of receipts) {
    const k = monthIndex.get(r.period);
    if (k === undefined) continue;
    const b = blockOf(r.customer_id);
    const m = b.targets[k];
    m.collectedAll += r.amount;
    if (hasTarget.has(`${r.customer_id}|${r.period}`)) {
      m.collected += r.amount;
      if (r.period === currentPeriod) person(b, r.customer_id).collected += r.amount;
    }
  }
  for (const [b, byName] of people)
    b.salespeople = [...byName.entries()]
      .map(([salesperson, v]) => ({ salesperson, ...v }))
      .sort((x, y) => y.target - x.target || y.collected - x.collected || x.salesperson.localeCompare(y.salesperson));
}

/** Totals of the trend, the overdue ratio and DSO of a filled block. */
function finish(b: OverviewCurrency, dates: string[], dsoDays: number): void {
  b.trend.forEach((t, k) => {
    t.date = dates[k];
    t.total = t.buckets.reduce((a, x) => a + x, 0);
  });
  b.overdueRatio = ratio(b.overdue, b.open);
  b.dso = b.sales > 0 ? Math.round((b.open / b.sales) * dsoDays * 10) / 10 : null;
}

export async function overview(db: Db, opts: { asOf?: string; months?: number } = {}): Promise<Overview> {
  const started = performance.now();
  const asOf = opts.asOf ?? todayIso();
  const months = opts.months ?? 12;
  const [settings, company, customerRows] = await Promise.all([
    getAgingSettings(db),
    getCompany(db),
    db.selectFrom('customers').select(['id', 'code', 'name', 'salesperson', 'currency']).execute(),
  ]);
  const bounds = settings.bucketBounds;
  const nBuckets = bounds.length + 1;
  const customers = new Map<number, Customer>(customerRows.map((c) => [c.id, c]));
  const currencyOf = (id: number) => customers.get(id)?.currency ?? company.baseCurrency;
  const currencies = new Set(customerRows.map((c) => c.currency));
  // Customers in other currencies than the base: the whole ledger in the base currency is offered too.
  const cur: Currencies = { base: company.baseCurrency, foreign: new Map(customerRows.filter((c) => c.currency !== company.baseCurrency).map((c) => [c.id, c.currency])) };
  const mixed = cur.foreign.size > 0;
  const monthEnds = monthEndsBefore(asOf, months);
  const dates = [...monthEnds, asOf];
  const periods = monthPeriods(asOf, TARGET_MONTHS);
  const dsoFrom = `${asOf.slice(0, 8)}01`;

  const [past, debits, sales, targets] = await Promise.all([
    monthEndTotalsCached(db, monthEnds, bounds, currencies.size <= 1 ? { onlyCurrency: [...currencies][0] ?? company.baseCurrency } : {}),
    liveDebits(db, asOf, mixed),
    salesByCurrency(db, dsoFrom, asOf),
    targetData(db, periods),
  ]);

  const blocks = new Map<string, OverviewCurrency>();
  const block = (currency: string) => {
    let b = blocks.get(currency);
    if (!b) blocks.set(currency, (b = emptyCurrency(currency, dates.length, nBuckets, periods)));
    return b;
  };
  block(company.baseCurrency);
  const blockOf = (customerId: number) => block(currencyOf(customerId));

  // Month ends.
  for (const [currency, perDate] of past) perDate.forEach((buckets, k) => (block(currency).trend[k].buckets = buckets.slice()));
  // The as-of date: buckets, open and overdue, per customer for the top debtors.
  addAsOf(debits, debits.open, blockOf, asOf, bounds, customers);
  // DSO over the as-of month to date.
  const dsoDays = daysBetween(dsoFrom, asOf) + 1;
  for (const [currency, s] of sales) block(currency).sales = s;
  // Collections against targets, per month, and per salesperson for the as-of month.
  const receipts = targets.receipts.map((r) => ({ customer_id: r.customer_id, period: r.period, amount: Number(r.amount) }));
  addTargets(targets.targets, receipts, blockOf, periods, customers);
  for (const b of blocks.values()) finish(b, dates, dsoDays);

  const all = mixed ? await allInBase(db, { cur, asOf, dates, periods, bounds, dsoFrom, debits, baseBlock: blocks.get(company.baseCurrency)!, targets: targets.targets, receipts, customers }) : null;
  if (all) finish(all, dates, dsoDays);

  // Other currencies by code: ordering them by amount would compare different currencies.
  const others = [...blocks.values()].filter((b) => b.currency !== company.baseCurrency).sort((x, y) => (x.currency < y.currency ? -1 : 1));
  return {
    asOf,
    baseCurrency: company.baseCurrency,
    bounds,
    dsoFrom,
    dsoTo: asOf,
    currencies: [blocks.get(company.baseCurrency)!, ...others],
    all,
    millis: Math.round(performance.now() - started),
  };
}

/**
 * The whole ledger in the base currency (the aging workspace's totals): open invoices of customers
 * in other currencies at their recorded rates (baseAmounts, as agingView and agingMetrics), the
 * month ends likewise document by document, credit sales and receipts at their recorded base
 * amounts, targets at the latest rate on or before the month's last day.
 */
async function allInBase(
  db: Db,
  a: {
    cur: Currencies;
    asOf: string;
    dates: string[];
    periods: string[];
    bounds: readonly number[];
    dsoFrom: string;
    debits: { id: number[]; customer: number[]; due: string[]; open: number[] };
    baseBlock: OverviewCurrency;
    targets: { customer_id: number; period: string; target: number }[];
    receipts: { customer_id: number; period: string; amount: number }[];
    customers: Map<number, Customer>;
  },
): Promise<OverviewAll> {
  const { cur } = a;
  const all: OverviewAll = { ...emptyCurrency(cur.base, a.dates.length, a.bounds.length + 1, a.periods), unrated: 0, targetsUnrated: 0 };
  const [opens, foreign, sales, foreignReceipts, rates] = await Promise.all([
    baseAmounts(db, cur, a.debits.id, a.debits.customer, a.debits.open),
    foreignMonthEnds(db, a.dates, a.bounds, cur),
    baseSales(db, a.dsoFrom, a.asOf, a.baseBlock.sales),
    receiptsInBase(db, cur, a.periods),
    RateBook.load(db, cur.base, cur.foreign.values()),
  ]);
  // Month ends: the base currency's own block plus the documents in other currencies (the as-of column comes from addAsOf).
  for (let k = 0; k < a.dates.length - 1; k++) all.trend[k].buckets = a.baseBlock.trend[k].buckets.map((v, j) => v + foreign.totals[k][j]);
  addAsOf(a.debits, opens.values ?? a.debits.open, () => all, a.asOf, a.bounds, a.customers);
  all.sales = sales;
  const baseDigits = currencyDigits(cur.base);
  let targetsUnrated = 0;
  const targets = a.targets.map((t) => {
    const currency = cur.foreign.get(t.customer_id);
    if (currency === undefined || t.target === 0) return t;
    const rate = rates.lookup(currency, monthEnd(`${t.period}-01`));
    if (!rate) targetsUnrated++;
    return { ...t, target: rate ? toBaseAmount(t.target, rate.ratePpm, currencyDigits(currency), baseDigits) : 0, unrated: !rate };
  });
  addTargets(targets, [...a.receipts.filter((r) => !cur.foreign.has(r.customer_id)), ...foreignReceipts.rows], () => all, a.periods, a.customers);
  for (const id of foreignReceipts.unrated) foreign.unrated.add(id);
  all.unrated = foreign.unrated.size;
  all.targetsUnrated = targetsUnrated;
  return all;
}

/** Credit sales of [from, to] in the base currency: the base currency's own plus the recorded base amounts of invoices (less reversals) in other currencies. */
async function baseSales(db: Db, from: string, to: string, own: number): Promise<number> {
  const [posted, reversed] = await Promise.all([
    db
      .selectFrom('open_items as o')
      .innerJoin('documents as d', 'd.id', 'o.document_id')
      .innerJoin('document_rates as x', 'x.document_id', 'd.id')
      .select((eb) => eb.fn.sum<number>('x.base_amount').as('s'))
      .where('o.side', '=', 1)
      .where('o.date', '>=', from)
      .where('o.date', '<=', to)
      .where('d.kind', '=', 'invoice')
      .executeTakeFirst(),
    db
      .selectFrom('open_items as o')
      .innerJoin('documents as r', 'r.id', 'o.document_id')
      .innerJoin('documents as v', 'v.id', 'r.reverses_id')
      .innerJoin('document_rates as x', 'x.document_id', 'r.id')
      .select((eb) => eb.fn.sum<number>('x.base_amount').as('s'))
      .where('o.side', 'in', [1, -1])
      .where('o.date', '>=', from)
      .where('o.date', '<=', to)
      .where('r.kind', '=', 'reversal')
      .where('v.kind', '=', 'invoice')
      .executeTakeFirst(),
  ]);
  return own + Number(posted?.s ?? 0) - Number(reversed?.s ?? 0);
}

/** Receipts of customers in other currencies over the periods (never reversed), at their recorded base amounts, per customer and month. */
async function receiptsInBase(db: Db, cur: Currencies, periods: string[]) {
  const rows = await db
    .selectFrom('open_items as o')
    .innerJoin('documents as r', 'r.id', 'o.document_id')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('documents as rev', 'rev.reverses_id', 'r.id')
    .leftJoin('document_rates as x', 'x.document_id', 'r.id')
    .select(['r.id', 'r.customer_id', 'r.date', 'x.base_amount'])
    .where('r.customer_id', 'in', [...cur.foreign.keys()])
    .where('o.side', '=', -1)
    .where('o.date', '>=', `${periods[0]}-01`)
    .where('o.date', '<=', monthEnd(`${periods[periods.length - 1]}-01`))
    .where('r.kind', '=', 'receipt')
    .where('rev.id', 'is', null)
    .execute();
  const unrated: number[] = [];
  const out = rows.map((r) => {
    if (r.base_amount === null) unrated.push(r.id);
    return { customer_id: r.customer_id, period: r.date.slice(0, 7), amount: r.base_amount ?? 0 };
  });
  return { rows: out, unrated };
}
