/**
 * Two as-of dates side by side, per customer and bucket: what moved between two month ends.
 * Rows are in each customer's own currency; the bucket totals in the base currency (invoices of
 * customers in other currencies at their recorded rates, with `rows.base` for the grid's totals).
 */
import { bucketOfDays } from '../../shared/aging-workspace/settings';
import type { AgingCompare } from '../../shared/aging-workspace/types';
import { daysBetween } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { getCompany } from '../repos/company';
import { getAgingSettings } from './aging-settings';
import { liveDebits } from './aging-live';
import { customerColumns } from './aging-view';
import { baseAmounts, currencies } from './base-amounts';

export async function agingCompare(db: Db, a: string, b: string): Promise<AgingCompare> {
  const s = await getAgingSettings(db);
  const nb = s.bucketBounds.length + 1;
  const cur = await currencies(db);
  const multi = cur.foreign.size > 0;
  const [da, db2, customers, company] = [await liveDebits(db, a, multi), await liveDebits(db, b, multi), await customerColumns(db), await getCompany(db)];
  const [baseA, baseB] = [await baseAmounts(db, cur, da.id, da.customer, da.open), await baseAmounts(db, cur, db2.id, db2.customer, db2.open)];
  const n = customers.columns.id.length;
  const grid = () => Array.from({ length: nb }, () => new Array<number>(n).fill(0));
  const fill = (d: Awaited<ReturnType<typeof liveDebits>>, asOf: string, opens: readonly number[], g: number[][], totals: number[]) => {
    for (let i = 0; i < d.open.length; i++) {
      const k = customers.index.get(d.customer[i])!;
      g[bucketOfDays(daysBetween(d.due[i], asOf), s.bucketBounds)][k] += opens[i];
      totals[k] += opens[i];
    }
  };
  const ga = grid();
  const gb = grid();
  const ta = new Array<number>(n).fill(0);
  const tb = new Array<number>(n).fill(0);
  fill(da, a, da.open, ga, ta);
  fill(db2, b, db2.open, gb, tb);
  const keep: number[] = [];
  for (let k = 0; k < n; k++) if (ta[k] !== 0 || tb[k] !== 0) keep.push(k);
  const sumBuckets = (g: number[][]) => g.map((col) => col.reduce((x, y) => x + y, 0));
  const pick = (g: number[][]) => g.map((col) => keep.map((k) => col[k]));
  let base: AgingCompare['rows']['base'];
  let bucketsA = sumBuckets(ga);
  let bucketsB = sumBuckets(gb);
  if (baseA.values || baseB.values) {
    const [xa, xb, ya, yb] = [grid(), grid(), new Array<number>(n).fill(0), new Array<number>(n).fill(0)];
    fill(da, a, baseA.values ?? da.open, xa, ya);
    fill(db2, b, baseB.values ?? db2.open, xb, yb);
    base = { a: pick(xa), b: pick(xb), totalA: keep.map((k) => ya[k]), totalB: keep.map((k) => yb[k]) };
    bucketsA = sumBuckets(xa);
    bucketsB = sumBuckets(xb);
  }
  return {
    a,
    b,
    bounds: s.bucketBounds,
    currency: company.baseCurrency,
    digits: currencyDigits(company.baseCurrency),
    customers: customers.columns,
    rows: {
      customer: keep,
      a: pick(ga),
      b: pick(gb),
      totalA: keep.map((k) => ta[k]),
      totalB: keep.map((k) => tb[k]),
      ...(base ? { base } : {}),
    },
    bucketsA,
    bucketsB,
    totalA: bucketsA.reduce((x, y) => x + y, 0),
    totalB: bucketsB.reduce((x, y) => x + y, 0),
  };
}
