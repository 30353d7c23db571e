/** Bucket totals on the as-of date and on the previous month end: what the chart compares. */
import type { AgingTrend } from '../../shared/aging-workspace/types';
import { previousMonthEnd } from '../../shared/aging-workspace/periods';
import type { Db } from '../db/tx';
import { getAgingSettings } from './aging-settings';
import { classify } from './aging-view';

export { previousMonthEnd };

export async function bucketTotals(db: Db, asOf: string, bounds: readonly number[], classBounds: [number, number, number]): Promise<number[]> {
  const c = await classify(db, asOf, { bucketBounds: [...bounds], classBounds, recoveryBp: [] });
  const out = new Array<number>(bounds.length + 1).fill(0);
  for (let i = 0; i < c.invoices.length; i++) out[c.bucket[i]] += c.invoices[i].open;
  return out;
}

export async function agingTrend(db: Db, asOf: string): Promise<AgingTrend> {
  const s = await getAgingSettings(db);
  const previous = previousMonthEnd(asOf);
  const current = await bucketTotals(db, asOf, s.bucketBounds, s.classBounds);
  const prior = await bucketTotals(db, previous, s.bucketBounds, s.classBounds);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return { asOf, previous, bounds: s.bucketBounds, current, prior, currentTotal: sum(current), priorTotal: sum(prior) };
}
