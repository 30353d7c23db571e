/**
 * The Overview (概览): headline figures, the aging trend by month end, the top debtors and
 * collections against targets, per currency (amounts of different currencies are never added).
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
import type { Overview, OverviewCurrency, OverviewDebtor } from '../../shared/api/overview';
import { daysBetween, monthEnd, toDayNumber, todayIso } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { getCompany } from '../repos/company';
import { liveDebits } from './aging-live';
import { getAgingSettings } from './aging-settings';
import { monthEndTotalsCached } from './overview-trend';

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
  const monthEnds = monthEndsBefore(asOf, months);
  const dates = [...monthEnds, asOf];
  const periods = monthPeriods(asOf, TARGET_MONTHS);
  const dsoFrom = `${asOf.slice(0, 8)}01`;

  const [past, debits, sales, targets] = await Promise.all([
    monthEndTotalsCached(db, monthEnds, bounds, currencies.size <= 1 ? { onlyCurrency: [...currencies][0] ?? company.baseCurrency } : {}),
    liveDebits(db, asOf),
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

  // Month ends.
  for (const [currency, perDate] of past) perDate.forEach((buckets, k) => (block(currency).trend[k].buckets = buckets.slice()));

  // The as-of date: buckets, open and overdue, per customer for the top debtors.
  const perCustomer = new Map<number, OverviewDebtor>();
  const asOfDay = toDayNumber(asOf);
  const dueDay = new Map<string, number>(); // a ledger has a few thousand distinct due dates
  for (let i = 0; i < debits.open.length; i++) {
    const id = debits.customer[i];
    const open = debits.open[i];
    const due = debits.due[i];
    let d = dueDay.get(due);
    if (d === undefined) dueDay.set(due, (d = toDayNumber(due)));
    const days = asOfDay - d;
    const b = block(currencyOf(id));
    b.trend[dates.length - 1].buckets[bucketOfDays(days, bounds)] += open;
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
  const debtorsByCurrency = new Map<string, OverviewDebtor[]>();
  for (const c of perCustomer.values()) {
    const cur = currencyOf(c.customerId);
    const list = debtorsByCurrency.get(cur) ?? (debtorsByCurrency.set(cur, []), debtorsByCurrency.get(cur)!);
    list.push(c);
  }
  for (const [currency, list] of debtorsByCurrency) {
    const b = block(currency);
    b.customersOpen = list.length;
    b.topDebtors = list.sort((x, y) => y.total - x.total || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)).slice(0, TOP_DEBTORS);
  }

  // DSO over the as-of date's month to date.
  const dsoDays = daysBetween(dsoFrom, asOf) + 1;
  for (const [currency, s] of sales) block(currency).sales = s;

  // Collections against targets, per month, and per salesperson for the as-of month.
  const monthIndex = new Map(periods.map((p, i) => [p, i]));
  const targetOf = new Map<string, number>();
  for (const t of targets.targets) {
    if (t.target === 0) continue;
    targetOf.set(`${t.customer_id}|${t.period}`, t.target);
    const m = block(currencyOf(t.customer_id)).targets[monthIndex.get(t.period)!];
    m.target += t.target;
    m.customersWithTarget++;
  }
  const currentPeriod = periods[periods.length - 1];
  const people = new Map<string, Map<string, { target: number; collected: number }>>();
  const person = (currency: string, salesperson: string) => {
    const byName = people.get(currency) ?? (people.set(currency, new Map()), people.get(currency)!);
    return byName.get(salesperson) ?? (byName.set(salesperson, { target: 0, collected: 0 }), byName.get(salesperson)!);
  };
  for (const [key, target] of targetOf) {
    const [id, period] = key.split('|');
    if (period === currentPeriod) person(currencyOf(Number(id)), customers.get(Number(id))?.salesperson ?? '').target += target;
  }
  for (const r of targets.receipts) {
    const k = monthIndex.get(r.period);
    if (k === undefined) continue;
    const amount = Number(r.amount);
    const currency = currencyOf(r.customer_id);
    const m = block(currency).targets[k];
    m.collectedAll += amount;
    if (targetOf.has(`${r.customer_id}|${r.period}`)) {
      m.collected += amount;
      if (r.period === currentPeriod) person(currency, customers.get(r.customer_id)?.salesperson ?? '').collected += amount;
    }
  }

  for (const b of blocks.values()) {
    b.trend.forEach((t, k) => {
      t.date = dates[k];
      t.total = t.buckets.reduce((a, x) => a + x, 0);
    });
    b.overdueRatio = ratio(b.overdue, b.open);
    b.dso = b.sales > 0 ? Math.round((b.open / b.sales) * dsoDays * 10) / 10 : null;
    b.salespeople = [...(people.get(b.currency) ?? new Map<string, { target: number; collected: number }>()).entries()]
      .map(([salesperson, v]) => ({ salesperson, ...v }))
      .sort((x, y) => y.target - x.target || y.collected - x.collected || x.salesperson.localeCompare(y.salesperson));
  }

  // Other currencies by code: ordering them by amount would compare different currencies.
  const others = [...blocks.values()].filter((b) => b.currency !== company.baseCurrency).sort((x, y) => (x.currency < y.currency ? -1 : 1));
  return {
    asOf,
    baseCurrency: company.baseCurrency,
    bounds,
    dsoFrom,
    dsoTo: asOf,
    currencies: [blocks.get(company.baseCurrency)!, ...others],
    millis: Math.round(performance.now() - started),
  };
}

