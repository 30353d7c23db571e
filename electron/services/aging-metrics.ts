/**
 * Collection metrics for a period [from, to]:
 *   DSO          = closing receivables / credit sales × days in the period
 *   overdue ratio = overdue receivables / receivables, at the end of the period
 *   CEI          = (opening + sales − closing) / (opening + sales − closing not yet due)
 * Receivables are open invoices (gross of unapplied credit), as in the aging.
 */
import type { AgingMetrics } from '../../shared/aging-workspace/types';
import { addDays, daysBetween } from '../../shared/dates';
import { LedgerError } from '../errors';
import type { Db } from '../db/tx';
import { liveDebits } from './aging-live';

/**
 * Credit sales and collections of a period in two passes: documents dated in it (invoices,
 * receipts), less reversals dated in it of documents of those kinds.
 */
async function periodSums(db: Db, from: string, to: string): Promise<{ sales: number; collections: number }> {
  const posted = await db
    .selectFrom('documents')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('kind', '=', 'invoice').then(eb.ref('amount')).else(0).end()), eb.lit(0)).as('sales'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('kind', '=', 'receipt').then(eb.ref('amount')).else(0).end()), eb.lit(0)).as('collections'),
    ])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .executeTakeFirstOrThrow();
  const reversed = await db
    .selectFrom('documents as r')
    .innerJoin('documents as o', 'o.id', 'r.reverses_id')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('o.kind', '=', 'invoice').then(eb.ref('r.amount')).else(0).end()), eb.lit(0)).as('sales'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('o.kind', '=', 'receipt').then(eb.ref('r.amount')).else(0).end()), eb.lit(0)).as('collections'),
    ])
    .where('r.kind', '=', 'reversal')
    .where('r.date', '>=', from)
    .where('r.date', '<=', to)
    .executeTakeFirstOrThrow();
  return { sales: Number(posted.sales) - Number(reversed.sales), collections: Number(posted.collections) - Number(reversed.collections) };
}

async function receivables(db: Db, asOf: string): Promise<{ total: number; current: number }> {
  let total = 0;
  let current = 0;
  const d = await liveDebits(db, asOf);
  for (let i = 0; i < d.open.length; i++) {
    total += d.open[i];
    if (d.due[i] >= asOf) current += d.open[i];
  }
  return { total, current };
}

/** A ratio rounded to 4 decimals (shown as a percentage or days); not money. */
const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

export async function agingMetrics(db: Db, from: string, to: string): Promise<AgingMetrics> {
  if (from > to) throw new LedgerError('error.agingPeriod', { from, to }, 'from');
  const days = daysBetween(from, to) + 1;
  const opening = await receivables(db, addDays(from, -1));
  const closing = await receivables(db, to);
  const { sales, collections } = await periodSums(db, from, to);
  const overdue = closing.total - closing.current;
  const dso = sales > 0 ? Math.round((closing.total / sales) * days * 10) / 10 : null;
  const collectible = opening.total + sales - closing.current;
  return {
    from,
    to,
    days,
    sales,
    collections,
    openingAr: opening.total,
    closingAr: closing.total,
    closingCurrent: closing.current,
    overdue,
    dso,
    overdueRatio: ratio(overdue, closing.total),
    cei: collectible > 0 ? ratio(opening.total + sales - closing.total, collectible) : null,
  };
}
