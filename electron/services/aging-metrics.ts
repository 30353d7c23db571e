/**
 * Collection metrics for a period [from, to]:
 *   DSO          = closing receivables / credit sales × days in the period
 *   overdue ratio = overdue receivables / receivables, at the end of the period
 *   CEI          = (opening + sales − closing) / (opening + sales − closing not yet due)
 * Receivables are open invoices (gross of unapplied credit), as in the aging. Every figure is in
 * the base currency: documents of customers in other currencies count at their recorded rates.
 */
import type { AgingMetrics } from '../../shared/aging-workspace/types';
import { addDays, daysBetween } from '../../shared/dates';
import { LedgerError } from '../errors';
import type { Db } from '../db/tx';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { liveDebits } from './aging-live';
import { baseAmounts, currencies, type Currencies } from './base-amounts';

/**
 * Credit sales and collections of a period in two passes: documents dated in it (invoices,
 * receipts), less reversals dated in it of documents of those kinds.
 */
async function periodSums(db: Db, from: string, to: string, cur: Currencies): Promise<{ sales: number; collections: number }> {
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
  const sums = { sales: Number(posted.sales) - Number(reversed.sales), collections: Number(posted.collections) - Number(reversed.collections) };
  if (cur.foreign.size === 0) return sums;
  // Documents in other currencies: their recorded base amounts instead of their own amounts.
  const diff = (eb: ExpressionBuilder<Database & { d: Database['documents']; r: Database['document_rates'] }, 'd' | 'r'>, kind: string, col: 'd.kind' | 'o.kind') =>
    eb.fn.coalesce(eb.fn.sum<number>(eb.case().when(sql.ref(col), '=', kind).then(eb('r.base_amount', '-', eb.ref('d.amount'))).else(0).end()), eb.lit(0));
  const postedBase = await db
    .selectFrom('documents as d')
    .innerJoin('document_rates as r', 'r.document_id', 'd.id')
    .select((eb) => [diff(eb, 'invoice', 'd.kind').as('sales'), diff(eb, 'receipt', 'd.kind').as('collections')])
    .where('d.date', '>=', from)
    .where('d.date', '<=', to)
    .executeTakeFirstOrThrow();
  const reversedBase = await db
    .selectFrom('documents as d')
    .innerJoin('document_rates as r', 'r.document_id', 'd.id')
    .innerJoin('documents as o', 'o.id', 'd.reverses_id')
    .select((eb) => [diff(eb, 'invoice', 'o.kind').as('sales'), diff(eb, 'receipt', 'o.kind').as('collections')])
    .where('d.kind', '=', 'reversal')
    .where('d.date', '>=', from)
    .where('d.date', '<=', to)
    .executeTakeFirstOrThrow();
  return {
    sales: sums.sales + Number(postedBase.sales) - Number(reversedBase.sales),
    collections: sums.collections + Number(postedBase.collections) - Number(reversedBase.collections),
  };
}

async function receivables(db: Db, asOf: string, cur: Currencies): Promise<{ total: number; current: number }> {
  let total = 0;
  let current = 0;
  const d = await liveDebits(db, asOf, cur.foreign.size > 0);
  const opens = (await baseAmounts(db, cur, d.id, d.customer, d.open)).values ?? d.open;
  for (let i = 0; i < d.open.length; i++) {
    total += opens[i];
    if (d.due[i] >= asOf) current += opens[i];
  }
  return { total, current };
}

/** A ratio rounded to 4 decimals (shown as a percentage or days); not money. */
const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

export async function agingMetrics(db: Db, from: string, to: string): Promise<AgingMetrics> {
  if (from > to) throw new LedgerError('error.agingPeriod', { from, to }, 'from');
  const days = daysBetween(from, to) + 1;
  const cur = await currencies(db);
  const opening = await receivables(db, addDays(from, -1), cur);
  const closing = await receivables(db, to, cur);
  const { sales, collections } = await periodSums(db, from, to, cur);
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
