/** Two as-of dates side by side, per customer and bucket: what moved between two month ends. */
import { bucketOfDays } from '../../shared/aging-workspace/settings';
import type { AgingCompare } from '../../shared/aging-workspace/types';
import { daysBetween } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { getCompany } from '../repos/company';
import { getAgingSettings } from './aging-settings';
import { liveDebits } from './aging-live';
import { customerColumns } from './aging-view';

export async function agingCompare(db: Db, a: string, b: string): Promise<AgingCompare> {
  const s = await getAgingSettings(db);
  const nb = s.bucketBounds.length + 1;
  const [da, db2, customers, company] = [await liveDebits(db, a), await liveDebits(db, b), await customerColumns(db), await getCompany(db)];
  const n = customers.columns.id.length;
  const grid = () => Array.from({ length: nb }, () => new Array<number>(n).fill(0));
  const fill = (d: Awaited<ReturnType<typeof liveDebits>>, asOf: string, g: number[][], totals: number[]) => {
    for (let i = 0; i < d.open.length; i++) {
      const k = customers.index.get(d.customer[i])!;
      g[bucketOfDays(daysBetween(d.due[i], asOf), s.bucketBounds)][k] += d.open[i];
      totals[k] += d.open[i];
    }
  };
  const ga = grid();
  const gb = grid();
  const ta = new Array<number>(n).fill(0);
  const tb = new Array<number>(n).fill(0);
  fill(da, a, ga, ta);
  fill(db2, b, gb, tb);
  const keep: number[] = [];
  for (let k = 0; k < n; k++) if (ta[k] !== 0 || tb[k] !== 0) keep.push(k);
  const sumBuckets = (g: number[][]) => g.map((col) => col.reduce((x, y) => x + y, 0));
  const bucketsA = sumBuckets(ga);
  const bucketsB = sumBuckets(gb);
  return {
    a,
    b,
    bounds: s.bucketBounds,
    digits: currencyDigits(company.baseCurrency),
    customers: customers.columns,
    rows: {
      customer: keep,
      a: ga.map((col) => keep.map((k) => col[k])),
      b: gb.map((col) => keep.map((k) => col[k])),
      totalA: keep.map((k) => ta[k]),
      totalB: keep.map((k) => tb[k]),
    },
    bucketsA,
    bucketsB,
    totalA: bucketsA.reduce((x, y) => x + y, 0),
    totalB: bucketsB.reduce((x, y) => x + y, 0),
  };
}
