/**
 * Open receivables per aging bucket at several month ends, for the Overview's trend chart, in one
 * pass instead of one as-of query per date. The rule is `bucketTotals`' (services/aging-trend.ts):
 * an invoice is live on D when date <= D < closed_from, its open amount on D is its amount less
 * the allocations dated on or before D, zero-open items are skipped, the bucket is by D − due date.
 *
 * Two reads of the open-item index (the debit items live on any of the dates: settled after the
 * first, dated on or before the last; and their allocations), each summed by SQLite per due date
 * and date slot (see monthEndTotals). tests/overview holds the result to bucketTotals date by date.
 */
import { sql } from 'kysely';
import { bucketOfDays } from '../../shared/aging-workspace/settings';
import { toBaseAmount } from '../../shared/currency';
import { toDayNumber } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import { rawRows } from '../db/bulk';
import type { Db } from '../db/tx';
import { liveBounds } from './aging-live';
import type { Currencies } from './base-amounts';

/** Bucket totals per date ([date][bucket]), per currency. */
export type MonthEndTotals = Map<string, number[][]>;

/**
 * The ledger's state as two rowids: a posting or an allocation always adds a row (rows are never
 * updated or deleted), so an unchanged pair means unchanged open items on every date.
 */
export async function ledgerVersion(db: Db): Promise<string> {
  const r = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('documents').select((e) => e.fn.max('id').as('m')).as('d'),
      eb.selectFrom('allocations').select((e) => e.fn.max('id').as('m')).as('a'),
    ])
    .executeTakeFirst();
  return `${r?.d ?? 0}/${r?.a ?? 0}`;
}

/**
 * Bucket totals at each of `dates` (ascending), per currency of the customers (or all under
 * `onlyCurrency` when every customer has that one): for each currency, one array per date.
 *
 * Open amounts are linear: an invoice's open amount on D is its amount (when dated on or before D)
 * less its allocations dated on or before D, and that is zero once it is settled. So SQLite sums
 * amounts and allocations per due date and per date slot (the first of `dates` on or after the
 * document's or the allocation's date), and the buckets are filled from those few thousand sums
 * instead of one row per invoice: no object per invoice at 500,000 invoices.
 */
export async function monthEndTotals(db: Db, dates: readonly string[], bounds: readonly number[], opts: { onlyCurrency?: string } = {}): Promise<MonthEndTotals> {
  const out: MonthEndTotals = new Map();
  if (dates.length === 0) return out;
  const n = dates.length;
  const first = dates[0];
  const last = dates[n - 1];
  // Live on some date of the window: enter from the cheaper end, as for one date (on the last).
  const { closedFrom, date } = await liveBounds(db, last, 1);
  const slot = (ref: 'o.date' | 'a.date') => sql<number>`case ${sql.join(
    dates.map((d, k) => sql`when ${sql.ref(ref)} <= ${d} then ${sql.lit(k)}`),
    sql` `,
  )} else ${sql.lit(n)} end`;
  // Debit items live on some date of the window: settled after the first date, dated on or before the last.
  const live = db.selectFrom('open_items as o').where('o.side', '=', 1).where(closedFrom, '>', first).where(date, '<=', last);
  const allocs = live.innerJoin('allocations as a', 'a.target_id', 'o.document_id').where('a.date', '<=', last);
  let amounts: unknown[][];
  let allocated: unknown[][];
  if (opts.onlyCurrency !== undefined) {
    amounts = await rawRows(db, live.select((eb) => ['o.due_date', slot('o.date').as('k'), eb.fn.sum<number>('o.amount').as('s')]).groupBy(['o.due_date', sql`k`]));
    allocated = await rawRows(db, allocs.select((eb) => ['o.due_date', slot('a.date').as('k'), eb.fn.sum<number>('a.amount').as('s')]).groupBy(['o.due_date', sql`k`]));
  } else {
    const withCurrency = live.innerJoin('customers as c', 'c.id', 'o.customer_id');
    amounts = await rawRows(db, withCurrency.select((eb) => ['o.due_date', slot('o.date').as('k'), eb.fn.sum<number>('o.amount').as('s'), 'c.currency']).groupBy(['c.currency', 'o.due_date', sql`k`]));
    allocated = await rawRows(
      db,
      allocs
        .innerJoin('customers as c', 'c.id', 'o.customer_id')
        .select((eb) => ['o.due_date', slot('a.date').as('k'), eb.fn.sum<number>('a.amount').as('s'), 'c.currency'])
        .groupBy(['c.currency', 'o.due_date', sql`k`]),
    );
  }

  const dateDays = dates.map(toDayNumber);
  const nBuckets = bounds.length + 1;
  const totalsOf = (currency: string) => {
    let g = out.get(currency);
    if (!g) out.set(currency, (g = dates.map(() => new Array<number>(nBuckets).fill(0))));
    return g;
  };
  // A sum in slot k counts on dates[k] and every later date, in the bucket of that date.
  const add = (rows: unknown[][], sign: 1 | -1) => {
    for (const r of rows) {
      const k = r[1] as number;
      if (k >= n) continue;
      const g = totalsOf(opts.onlyCurrency ?? (r[3] as string));
      const due = toDayNumber(r[0] as string);
      const amount = sign * (r[2] as number);
      for (let j = k; j < n; j++) g[j][bucketOfDays(dateDays[j] - due, bounds)] += amount;
    }
  };
  add(amounts, 1);
  add(allocated, -1);
  return out;
}

/** The last few answers per database: the Overview asks again whenever it is shown. */
const recent = new WeakMap<Db, { key: string; value: MonthEndTotals }[]>();
const KEEP = 3;

/** monthEndTotals, reused while the ledger does not change (the key includes the ledger's version). */
export async function monthEndTotalsCached(db: Db, dates: readonly string[], bounds: readonly number[], opts: { onlyCurrency?: string } = {}): Promise<MonthEndTotals> {
  const key = [dates.join(','), bounds.join(','), opts.onlyCurrency ?? '*', await ledgerVersion(db)].join('|');
  const list = recent.get(db) ?? [];
  const hit = list.find((e) => e.key === key);
  if (hit) return hit.value;
  const value = await monthEndTotals(db, dates, bounds, opts);
  recent.set(db, [{ key, value }, ...list.filter((e) => e.key !== key)].slice(0, KEEP));
  return value;
}

/** Bucket totals of the documents in other currencies, converted, and the ones without a rate. */
export interface ForeignMonthEnds {
  /** [date][bucket] in minor units of the base currency. */
  totals: number[][];
  /** Documents without a recorded rate (posted before rates were kept), counted as 0. */
  unrated: Set<number>;
}

/**
 * Bucket totals at each of `dates` (ascending) of the invoices of customers in other currencies,
 * each at the rate recorded with it: open amount on the date × rate, rounded half away from zero
 * once per document and date (what bucketTotals does on that date). Only these documents are read,
 * one row each plus one per allocation, so a ledger that is mostly in the base currency pays for
 * its few foreign documents only; a single-currency ledger never calls this.
 */
export async function foreignMonthEnds(db: Db, dates: readonly string[], bounds: readonly number[], cur: Currencies): Promise<ForeignMonthEnds> {
  const n = dates.length;
  const nBuckets = bounds.length + 1;
  const out: ForeignMonthEnds = { totals: dates.map(() => new Array<number>(nBuckets).fill(0)), unrated: new Set() };
  if (n === 0 || cur.foreign.size === 0) return out;
  const first = dates[0];
  const last = dates[n - 1];
  // By customer (the open-item index by customer): only the foreign customers' documents are read.
  const live = db
    .selectFrom('open_items as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .where('o.customer_id', 'in', [...cur.foreign.keys()])
    .where('o.side', '=', 1)
    .where('o.closed_from', '>', first)
    .where('o.date', '<=', last);
  const docs = await rawRows(
    db,
    live.leftJoin('document_rates as r', 'r.document_id', 'o.document_id').select(['o.document_id', 'o.date', 'o.due_date', 'o.amount', 'r.rate_ppm', 'c.currency']),
  );
  const allocs = await rawRows(db, live.innerJoin('allocations as a', 'a.target_id', 'o.document_id').where('a.date', '<=', last).select(['a.target_id', 'a.date', 'a.amount']));
  const slotOf = (d: string) => {
    let k = 0;
    while (k < n && dates[k] < d) k++;
    return k; // the first date on or after d (n: after the last)
  };
  // Allocations per document and slot: an allocation in slot k lowers the open amount from dates[k] on.
  const allocated = new Map<number, number[]>();
  for (const a of allocs) {
    const id = a[0] as number;
    let s = allocated.get(id);
    if (!s) allocated.set(id, (s = new Array<number>(n).fill(0)));
    const k = slotOf(a[1] as string);
    if (k < n) s[k] += a[2] as number;
  }
  const baseDigits = currencyDigits(cur.base);
  const dateDays = dates.map(toDayNumber);
  for (const d of docs) {
    const id = d[0] as number;
    const k0 = slotOf(d[1] as string);
    if (k0 >= n) continue;
    const due = toDayNumber(d[2] as string);
    const rate = d[4] as number | null;
    const digits = currencyDigits(d[5] as string);
    const s = allocated.get(id);
    let open = d[3] as number;
    for (let k = 0; k < k0 && s; k++) open -= s[k];
    for (let k = k0; k < n; k++) {
      if (s) open -= s[k];
      if (open === 0) continue;
      if (rate === null) {
        out.unrated.add(id);
        continue;
      }
      out.totals[k][bucketOfDays(dateDays[k] - due, bounds)] += toBaseAmount(open, rate, digits, baseDigits);
    }
  }
  return out;
}
