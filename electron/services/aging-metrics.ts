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
import { liveInvoices } from './aging-live';

/** Sum of documents of a kind dated in the period, less reversals (dated in it) of documents of that kind. */
async function periodSum(db: Db, kind: 'invoice' | 'receipt', from: string, to: string): Promise<number> {
  const posted = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('s'))
    .where('kind', '=', kind)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .executeTakeFirstOrThrow();
  const reversed = await db
    .selectFrom('documents as r')
    .innerJoin('documents as o', 'o.id', 'r.reverses_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('r.amount'), eb.lit(0)).as('s'))
    .where('r.kind', '=', 'reversal')
    .where('o.kind', '=', kind)
    .where('r.date', '>=', from)
    .where('r.date', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(posted.s) - Number(reversed.s);
}

async function receivables(db: Db, asOf: string): Promise<{ total: number; current: number }> {
  let total = 0;
  let current = 0;
  for (const inv of await liveInvoices(db, asOf)) {
    total += inv.open;
    if (inv.due_date >= asOf) current += inv.open;
  }
  return { total, current };
}

/** A ratio rounded to 4 decimals (shown as a percentage or days); not money. */
const ratio = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

export async function agingMetrics(db: Db, from: string, to: string): Promise<AgingMetrics> {
  if (from > to) throw new LedgerError('error.aging.period', { from, to }, 'from');
  const days = daysBetween(from, to) + 1;
  const opening = await receivables(db, addDays(from, -1));
  const closing = await receivables(db, to);
  const sales = await periodSum(db, 'invoice', from, to);
  const collections = await periodSum(db, 'receipt', from, to);
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
