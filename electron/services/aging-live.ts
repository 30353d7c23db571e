/**
 * Open items on an as-of date for the aging workspace: every open invoice with its number and
 * date in one pass (joined, not looked up in batches), and each customer's unapplied credit.
 * The same rule as `agingReport` (services/aging.ts): live means date <= D < closed_from, open
 * means amount less allocations dated on or before D, and zero-open items are skipped; the
 * workspace tests hold the two to the cent.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import { fromDayNumber, toDayNumber } from '../../shared/dates';
import { rawRows } from '../db/bulk';
import type { Database } from '../db/schema';
import type { Db } from '../db/tx';

/** Open invoices on a date, column by column (no object per invoice at 100,000 invoices). */
export interface LiveInvoices {
  id: number[];
  customer: number[];
  /** Empty when fetched without numbers. */
  number: string[];
  /** Invoice dates; empty when fetched without numbers. */
  date: string[];
  due: string[];
  open: number[];
}

/**
 * Enter the live interval from its cheaper end: documents dated on or before D are few when D is
 * early in the ledger's life, documents still open after D are few when D is recent.
 */
async function enterFromDate(db: Db, asOf: string, side: 1 | -1): Promise<boolean> {
  const r = await db
    .selectFrom('open_items')
    .select((eb) => [eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
    .where('side', '=', side)
    .executeTakeFirst();
  if (!r?.first || !r.last) return false;
  return asOf < fromDayNumber((toDayNumber(r.first) + toDayNumber(r.last)) / 2);
}

/** SQLite's unary + keeps a column out of index selection, steering the planner to the cheaper end. */
export async function liveBounds(db: Db, asOf: string, side: 1 | -1, customerId?: number) {
  const fromDate = customerId === undefined && (await enterFromDate(db, asOf, side));
  return {
    closedFrom: fromDate ? sql<string>`+o.closed_from` : sql<string>`o.closed_from`,
    date: fromDate || customerId !== undefined ? sql<string>`o.date` : sql<string>`+o.date`,
  };
}

/**
 * Whether nothing is dated after the as-of date: every document has an open-item row, and no
 * allocation is dated after the later of its two documents, so the current open amounts are the
 * open amounts on that date (two index look-ups).
 */
async function isCurrent(db: Db, asOf: string): Promise<boolean> {
  for (const side of [1, -1]) {
    const r = await db.selectFrom('open_items').select((eb) => eb.fn.max('date').as('m')).where('side', '=', side).executeTakeFirst();
    if (r?.m && r.m > asOf) return false;
  }
  return true;
}

/** Amount less allocations dated on or before the as-of date (the open amount on that date). */
function openOn(eb: ExpressionBuilder<Database & { o: Database['open_items'] }, 'o'>, asOf: string, allocCol: 'a.target_id' | 'a.source_id') {
  return eb(
    'o.amount',
    '-',
    eb.fn.coalesce(
      eb
        .selectFrom('allocations as a')
        .select((e) => e.fn.sum<number>('a.amount').as('s'))
        .whereRef(allocCol, '=', 'o.document_id')
        .where('a.date', '<=', asOf),
      eb.lit(0),
    ),
  );
}

/**
 * Open invoices on the as-of date. Their numbers and dates need the documents table (a join);
 * without them the open-item index alone answers (the customer view, totals).
 */
export async function liveInvoices(db: Db, asOf: string, customerId?: number, withNumbers = true): Promise<LiveInvoices> {
  const { closedFrom, date } = await liveBounds(db, asOf, 1, customerId);
  const current = await isCurrent(db, asOf);
  const open = (eb: ExpressionBuilder<Database & { o: Database['open_items'] }, 'o'>) => (current ? eb.ref('o.open_amount') : openOn(eb, asOf, 'a.target_id')).as('open');
  const base = db.selectFrom('open_items as o').where('o.side', '=', 1).where(closedFrom, '>', asOf).where(date, '<=', asOf);
  const filtered = customerId !== undefined ? base.where('o.customer_id', '=', customerId) : base;
  const q = withNumbers
    ? filtered.innerJoin('documents as d', 'd.id', 'o.document_id').select((eb) => ['o.document_id', 'o.customer_id', 'o.due_date', open(eb), 'd.number', 'o.date'])
    : filtered.select((eb) => ['o.document_id', 'o.customer_id', 'o.due_date', open(eb)]);
  const out: LiveInvoices = { id: [], customer: [], number: [], date: [], due: [], open: [] };
  for (const r of await rawRows(db, q)) {
    if (r[3] === 0) continue;
    out.id.push(r[0] as number);
    out.customer.push(r[1] as number);
    out.due.push(r[2] as string);
    out.open.push(r[3] as number);
    if (withNumbers) {
      out.number.push(r[4] as string);
      out.date.push(r[5] as string);
    }
  }
  return out;
}

/**
 * Open invoices on the as-of date without numbers: the open-item index alone answers (chart,
 * comparison, metrics). Their ids only when asked for (a ledger with customers in other
 * currencies converts them at their recorded rates).
 */
export async function liveDebits(db: Db, asOf: string, withIds = false): Promise<Pick<LiveInvoices, 'customer' | 'due' | 'open'> & { id: number[] }> {
  const { closedFrom, date } = await liveBounds(db, asOf, 1);
  const current = await isCurrent(db, asOf);
  const q = db
    .selectFrom('open_items as o')
    .select((eb) => ['o.customer_id', 'o.due_date', (current ? eb.ref('o.open_amount') : openOn(eb, asOf, 'a.target_id')).as('open'), 'o.document_id'])
    .where('o.side', '=', 1)
    .where(closedFrom, '>', asOf)
    .where(date, '<=', asOf);
  const out = { customer: [] as number[], due: [] as string[], open: [] as number[], id: [] as number[] };
  for (const r of await rawRows(db, q)) {
    if (r[2] === 0) continue;
    out.customer.push(r[0] as number);
    out.due.push(r[1] as string);
    out.open.push(r[2] as number);
    if (withIds) out.id.push(r[3] as number);
  }
  return out;
}

/** Unapplied credit document by document on the as-of date (customers in other currencies: converted one by one). */
export async function liveCredits(db: Db, asOf: string, customerId?: number): Promise<{ id: number[]; customer: number[]; open: number[] }> {
  const { closedFrom, date } = await liveBounds(db, asOf, -1, customerId);
  const current = await isCurrent(db, asOf);
  let q = db
    .selectFrom('open_items as o')
    .select((eb) => ['o.document_id', 'o.customer_id', (current ? eb.ref('o.open_amount') : openOn(eb, asOf, 'a.source_id')).as('open')])
    .where('o.side', '=', -1)
    .where(closedFrom, '>', asOf)
    .where(date, '<=', asOf);
  if (customerId !== undefined) q = q.where('o.customer_id', '=', customerId);
  const out = { id: [] as number[], customer: [] as number[], open: [] as number[] };
  for (const r of await rawRows(db, q)) {
    if (r[2] === 0) continue;
    out.id.push(r[0] as number);
    out.customer.push(r[1] as number);
    out.open.push(r[2] as number);
  }
  return out;
}

/** Unapplied credit (receipts and credit notes not yet allocated) per customer on the as-of date. */
export async function liveUnapplied(db: Db, asOf: string, customerId?: number): Promise<Map<number, number>> {
  const { closedFrom, date } = await liveBounds(db, asOf, -1, customerId);
  const current = await isCurrent(db, asOf);
  let q = db
    .selectFrom('open_items as o')
    .select((eb) => ['o.customer_id', (current ? eb.ref('o.open_amount') : openOn(eb, asOf, 'a.source_id')).as('open')])
    .where('o.side', '=', -1)
    .where(closedFrom, '>', asOf)
    .where(date, '<=', asOf);
  if (customerId !== undefined) q = q.where('o.customer_id', '=', customerId);
  const out = new Map<number, number>();
  for (const r of (await q.execute()) as { customer_id: number; open: number }[]) {
    if (r.open !== 0) out.set(r.customer_id, (out.get(r.customer_id) ?? 0) + r.open);
  }
  return out;
}
