/** Bucket totals on the as-of date and on the previous month end: what the chart compares. */
import type { AgingTrend } from '../../shared/aging-workspace/types';
import { previousMonthEnd } from '../../shared/aging-workspace/periods';
import { bucketOfDays } from '../../shared/aging-workspace/settings';
import { daysBetween } from '../../shared/dates';
import type { Db } from '../db/tx';
import { liveDebits } from './aging-live';
import { getAgingSettings } from './aging-settings';
import { classify } from './aging-view';
import { baseAmounts, currencies, type Currencies } from './base-amounts';

export { previousMonthEnd };

/**
 * Bucket totals on a date, in the base currency (invoices of customers in other currencies at
 * their recorded rates); the as-of date's come from the (shared) classification, others from the index alone.
 */
export async function bucketTotals(db: Db, asOf: string, bounds: readonly number[], cur?: Currencies): Promise<number[]> {
  cur ??= await currencies(db);
  const out = new Array<number>(bounds.length + 1).fill(0);
  const d = await liveDebits(db, asOf, cur.foreign.size > 0);
  const opens = (await baseAmounts(db, cur, d.id, d.customer, d.open)).values ?? d.open;
  for (let i = 0; i < d.open.length; i++) out[bucketOfDays(daysBetween(d.due[i], asOf), bounds)] += opens[i];
  return out;
}

export async function agingTrend(db: Db, asOf: string): Promise<AgingTrend> {
  const s = await getAgingSettings(db);
  const previous = previousMonthEnd(asOf);
  const cur = await currencies(db);
  const c = await classify(db, asOf, s);
  const opens = (await baseAmounts(db, cur, c.invoices.id, c.invoices.customer, c.invoices.open)).values ?? c.invoices.open;
  const current = new Array<number>(s.bucketBounds.length + 1).fill(0);
  for (let i = 0; i < opens.length; i++) current[c.bucket[i]] += opens[i];
  const prior = await bucketTotals(db, previous, s.bucketBounds, cur);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { asOf, previous, bounds: s.bucketBounds, current, prior, currentTotal: sum(current), priorTotal: sum(prior) };
}
