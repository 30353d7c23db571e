/**
 * Aging as of any date. Only documents live on that date (date <= D < closed_from, from the
 * open-item state) are read, and their open amount on D is their amount less allocations dated
 * on or before D: the whole ledger is never scanned.
 */
import { BUCKETS, BUCKET_UPPER, emptyBuckets, type Bucket } from '../../shared/aging';
import { sql } from 'kysely';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../shared/dates';
import type { AgingReport, AgingRow } from '../../shared/domain';
import type { Db } from '../db/tx';
import { baseAmounts, type Currencies } from './base-amounts';

interface LiveRow {
  document_id: number;
  customer_id: number;
  side: number;
  due_date: string;
  open: number;
}

/**
 * Which end of the live interval (date <= D < closed_from) to enter from: documents dated on or
 * before D are few when D is early in the ledger's life, documents still open after D are few when
 * D is recent. The midpoint of the ledger's dates decides (two index look-ups).
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

async function liveItems(db: Db, asOf: string, side: 1 | -1, customerId?: number): Promise<LiveRow[]> {
  const allocCol = side === 1 ? 'a.target_id' : 'a.source_id';
  // SQLite's unary + keeps a column out of index selection, steering the planner to the cheaper
  // end; other dialects' planners choose by themselves (drop the hint there).
  const fromDate = customerId === undefined && (await enterFromDate(db, asOf, side));
  const closedFrom = fromDate ? sql<string>`+o.closed_from` : sql<string>`o.closed_from`;
  const date = fromDate || customerId !== undefined ? sql<string>`o.date` : sql<string>`+o.date`;
  let query = db
    .selectFrom('open_items as o')
    .select((eb) => [
      'o.document_id',
      'o.customer_id',
      'o.side',
      'o.due_date',
      eb(
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
      ).as('open'),
    ])
    .where('o.side', '=', side)
    .where(closedFrom, '>', asOf)
    .where(date, '<=', asOf);
  if (customerId !== undefined) query = query.where('o.customer_id', '=', customerId);
  return (await query.execute()) as LiveRow[];
}

/** Boundary due dates: an item due on or after boundary[i] falls in bucket i (or earlier). */
function bucketBoundaries(asOf: string): string[] {
  return BUCKET_UPPER.map((days) => addDays(asOf, -days));
}

function bucketForDue(due: string, boundaries: string[]): Bucket {
  for (let i = 0; i < boundaries.length; i++) if (due >= boundaries[i]) return BUCKETS[i];
  return BUCKETS[BUCKETS.length - 1];
}

export async function agingReport(db: Db, asOf: string, by: 'customer' | 'invoice', customerId?: number): Promise<AgingReport> {
  const [debits, credits, customers] = await Promise.all([
    liveItems(db, asOf, 1, customerId),
    liveItems(db, asOf, -1, customerId),
    customerId === undefined
      ? db.selectFrom('customers').select(['id', 'code', 'name', 'salesperson', 'currency']).execute()
      : db.selectFrom('customers').select(['id', 'code', 'name', 'salesperson', 'currency']).where('id', '=', customerId).execute(),
  ]);
  const cust = new Map(customers.map((c) => [c.id, c]));
  const boundaries = bucketBoundaries(asOf);
  const perCustomer = new Map<number, AgingRow>();
  const row = (customerId: number): AgingRow => {
    let r = perCustomer.get(customerId);
    if (!r) {
      const c = cust.get(customerId)!;
      r = { customerId, customerCode: c.code, customerName: c.name, salesperson: c.salesperson, currency: c.currency, ...emptyBuckets(), total: 0, unapplied: 0, net: 0 };
      perCustomer.set(customerId, r);
    }
    return r;
  };
  const invoiceRows: { item: LiveRow; bucket: Bucket }[] = [];
  for (const it of [...debits, ...credits]) {
    if (it.open === 0) continue;
    const r = row(it.customer_id);
    if (it.side === 1) {
      const b = bucketForDue(it.due_date, boundaries);
      r[b] += it.open;
      r.total += it.open;
      if (by === 'invoice') invoiceRows.push({ item: it, bucket: b });
    } else {
      r.unapplied += it.open;
    }
  }
  for (const r of perCustomer.values()) r.net = r.total - r.unapplied;

  let rows: AgingRow[];
  if (by === 'customer') {
    rows = [...perCustomer.values()].sort((a, b) => (a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0));
  } else {
    const ids = invoiceRows.map((r) => r.item.document_id);
    const docs = new Map<number, { number: string; date: string }>();
    for (let i = 0; i < ids.length; i += 5000) {
      const part = await db.selectFrom('documents').select(['id', 'number', 'date']).where('id', 'in', ids.slice(i, i + 5000)).execute();
      for (const d of part) docs.set(d.id, d);
    }
    rows = invoiceRows.map(({ item, bucket }) => {
      const c = cust.get(item.customer_id)!;
      const d = docs.get(item.document_id)!;
      const r: AgingRow = {
        customerId: item.customer_id,
        customerCode: c.code,
        customerName: c.name,
        salesperson: c.salesperson,
        currency: c.currency,
        ...emptyBuckets(),
        total: item.open,
        unapplied: 0,
        net: item.open,
        invoiceId: item.document_id,
        invoiceNumber: d.number,
        invoiceDate: d.date,
        dueDate: item.due_date,
        daysOverdue: daysBetween(item.due_date, asOf),
      };
      r[bucket] = item.open;
      return r;
    });
    rows.sort((a, b) => (a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : a.invoiceNumber! < b.invoiceNumber! ? -1 : 1));
  }
  const totals = { ...emptyBuckets(), total: 0, unapplied: 0, net: 0 };
  for (const r of perCustomer.values()) {
    for (const b of BUCKETS) totals[b] += r[b];
    totals.total += r.total;
    totals.unapplied += r.unapplied;
    totals.net += r.net;
  }
  const base = await inBaseCurrency(db, debits, credits, cust, boundaries, rows, by);
  return { asOf, by, rows, totals, baseCurrency: base.currency, baseTotals: base.totals ?? { ...totals }, unrated: base.unrated };
}

/**
 * The base-currency figures: totals with each open document at its recorded rate (rounded per
 * document), and `base` on the rows of customers in another currency. A ledger whose open items
 * are all in the base currency only learns the base currency's name (the totals are the same).
 */
async function inBaseCurrency(db: Db, debits: LiveRow[], credits: LiveRow[], cust: Map<number, { currency: string }>, boundaries: string[], rows: AgingRow[], by: 'customer' | 'invoice') {
  const company = await db.selectFrom('company').select('base_currency').where('id', '=', 1).executeTakeFirst();
  const currency = company?.base_currency ?? 'CNY';
  const cur: Currencies = { base: currency, foreign: new Map() };
  for (const [id, c] of cust) if (c.currency !== currency) cur.foreign.set(id, c.currency);
  if (cur.foreign.size === 0) return { currency, totals: null, unrated: 0 };
  const items = debits.concat(credits);
  const converted = await baseAmounts(
    db,
    cur,
    items.map((it) => it.document_id),
    items.map((it) => it.customer_id),
    items.map((it) => it.open),
  );
  if (!converted.values) return { currency, totals: null, unrated: 0 };
  const totals = { ...emptyBuckets(), total: 0, unapplied: 0, net: 0 };
  const perCustomer = new Map<number, { total: number; unapplied: number }>();
  const perInvoice = new Map<number, number>();
  items.forEach((it, i) => {
    if (it.open === 0) return;
    const v = converted.values![i];
    const foreign = cur.foreign.has(it.customer_id);
    const c = foreign ? perCustomer.get(it.customer_id) ?? { total: 0, unapplied: 0 } : null;
    if (it.side === 1) {
      totals[bucketForDue(it.due_date, boundaries)] += v;
      totals.total += v;
      if (c) c.total += v;
      if (foreign) perInvoice.set(it.document_id, v);
    } else {
      totals.unapplied += v;
      if (c) c.unapplied += v;
    }
    if (c) perCustomer.set(it.customer_id, c);
  });
  totals.net = totals.total - totals.unapplied;
  for (const r of rows) {
    if (by === 'invoice') {
      const v = perInvoice.get(r.invoiceId!);
      if (v !== undefined) r.base = { total: v, unapplied: 0, net: v };
    } else {
      const c = perCustomer.get(r.customerId);
      if (c) r.base = { total: c.total, unapplied: c.unapplied, net: c.total - c.unapplied };
    }
  }
  return { currency, totals, unrated: converted.unrated };
}
