/**
 * The statistics of every customer's rating (RawMetrics, shared/credit/model.ts) as of several
 * dates at once: payments and volume from the running totals of credit_cum (two look-ups per
 * window), open and overdue amounts from the invoices live on each date (as aging reads them).
 * A 500,000-invoice ledger returns a few thousand rows, never its documents.
 * tests/credit/bulk.test.ts checks every figure against the JS definition, customer by customer.
 */
import { sql } from 'kysely';
import { emptyRaw, windowOf, type RawMetrics } from '../../shared/credit/model';
import type { CreditSettings } from '../../shared/credit/settings';
import type { Db } from '../db/tx';
import { cumAt, ZERO_CUM, type Cum } from './cache';

const num = (v: unknown) => Number(v ?? 0);

/** Call after syncCreditCache (electron/credit/cache.ts). */
export async function bulkRaw(db: Db, dates: string[], s: CreditSettings): Promise<Map<string, Map<number, RawMetrics>>> {
  const out = new Map<string, Map<number, RawMetrics>>();
  for (const d of dates) out.set(d, new Map());
  const get = (d: string, id: number) => {
    const m = out.get(d)!;
    let r = m.get(id);
    if (!r) m.set(id, (r = emptyRaw()));
    return r;
  };

  // Payments and volume: differences of running totals.
  const windows = dates.map((d) => ({ d, ...windowOf(d, s) }));
  const days = [...new Set(windows.flatMap((x) => [x.d, x.windowStart, x.recentStart, x.baselineStart]))];
  const cums = new Map<string, Map<number, Cum>>();
  for (const day of days) cums.set(day, await cumAt(db, day));
  const ids = new Set([...cums.values()].flatMap((m) => [...m.keys()]));
  for (const x of windows) {
    const at = (day: string, id: number) => cums.get(day)!.get(id) ?? ZERO_CUM;
    for (const id of ids) {
      const [now, win, rec, base] = [at(x.d, id), at(x.windowStart, id), at(x.recentStart, id), at(x.baselineStart, id)];
      const r = get(x.d, id);
      r.payW = now.w - win.w;
      r.payB = now.b - win.b;
      r.onTime = now.t - win.t;
      r.payN = now.n - win.n;
      r.partialN = now.p - win.p;
      r.recentW = now.w - rec.w;
      r.recentB = now.b - rec.b;
      r.priorW = r.payW - r.recentW;
      r.priorB = r.payB - r.recentB;
      r.recentVolume = now.v - rec.v;
      r.baselineVolume = rec.v - base.v;
    }
  }

  const earliest = dates.reduce((m, d) => (d < m ? d : m), dates[0]);
  const latest = dates.reduce((m, d) => (d > m ? d : m), dates[0]);
  // Open and overdue: debit documents live on a date, their open amount on it (a reversed
  // invoice, or a receipt's reversal, is fully absorbed from its date on).
  const openOn = (d: string) =>
    sql<number>`(case when o.date <= ${d} and o.closed_from > ${d} then o.amount - coalesce((select sum(y.amount) from allocations y where y.target_id = o.document_id and y.date <= ${d}), 0) else 0 end)`;
  const live = db
    .selectFrom('open_items as o')
    .select(['o.customer_id', 'o.document_id', 'o.due_date', ...dates.map((d, i) => openOn(d).as(`open${i}`))])
    .where('o.side', '=', 1)
    .where('o.closed_from', '>', earliest)
    .where(sql`+o.date`, '<=', latest)
    // A co-routine: LIMIT keeps SQLite from flattening it and re-running the sums per aggregate.
    .limit(-1)
    .as('l');
  const openSelect = dates.flatMap((d, i) => {
    const open = sql.ref(`l.open${i}`);
    const overdueDays = sql<number>`cast(julianday(${d}) - julianday(l.due_date) as integer)`;
    const overdue = sql`(${open} > 0 and l.due_date < ${d})`;
    return [
      sql<number>`sum(case when ${open} > 0 then ${open} else 0 end)`.as(`o${i}`),
      sql<number>`sum(case when ${overdue} then ${open} else 0 end)`.as(`od${i}`),
      sql<string>`min(case when ${overdue} then l.due_date || '|' || printf('%012d', l.document_id) end)`.as(`old${i}`),
      sql<number>`sum(case when ${overdue} and ${overdueDays} > ${s.graceDays} then ${open} * ${overdueDays} else 0 end)`.as(`lw${i}`),
      sql<number>`sum(case when ${overdue} and ${overdueDays} > ${s.graceDays} then ${open} else 0 end)`.as(`lb${i}`),
    ];
  });
  const opens = await db
    .selectFrom(live)
    .select(['l.customer_id', ...openSelect])
    .groupBy('l.customer_id')
    .execute();
  for (const row of opens as Record<string, unknown>[]) {
    dates.forEach((d, i) => {
      const r = get(d, row.customer_id as number);
      r.openInvoices = num(row[`o${i}`]);
      r.overdue = num(row[`od${i}`]);
      r.lateOpenW = num(row[`lw${i}`]);
      r.lateOpenB = num(row[`lb${i}`]);
      const oldest = row[`old${i}`] as string | null;
      if (oldest) {
        r.oldestDue = oldest.slice(0, 10);
        r.oldestId = Number(oldest.slice(11));
      }
    });
  }

  // Unapplied credit: credit documents live on a date.
  const credits = await db
    .selectFrom('open_items as o')
    .select([
      'o.customer_id',
      ...dates.map((d, i) =>
        sql<number>`sum(case when o.date <= ${d} and o.closed_from > ${d} then o.amount - coalesce((select sum(x.amount) from allocations x where x.source_id = o.document_id and x.date <= ${d}), 0) else 0 end)`.as(`u${i}`),
      ),
    ])
    .where('o.side', '=', -1)
    .where('o.closed_from', '>', earliest)
    .where(sql`+o.date`, '<=', latest)
    .groupBy('o.customer_id')
    .execute();
  for (const row of credits as Record<string, unknown>[]) dates.forEach((d, i) => (get(d, row.customer_id as number).unapplied = num(row[`u${i}`])));
  return out;
}

/** Invoice numbers of the given document ids. */
export async function documentNumbers(db: Db, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('documents').select(['id', 'number']).where('id', 'in', ids.slice(i, i + 500)).execute()) out.set(r.id, r.number);
  }
  return out;
}

/**
 * The first invoice date of each customer, where it matters: exact when it is after `since`; for a
 * customer provably older (its earliest-settled invoice is dated on or before `since`) that date.
 */
export async function firstInvoiceDates(db: Db, since: string, customerId?: number): Promise<Map<number, string>> {
  let q = db.selectFrom('customers as c').select((eb) => [
    'c.id',
    eb
      .selectFrom('open_items as o')
      .select('o.date')
      .whereRef('o.customer_id', '=', 'c.id')
      .where('o.side', '=', 1)
      .orderBy('o.closed_from')
      .limit(1)
      .as('early'),
  ]);
  if (customerId !== undefined) q = q.where('c.id', '=', customerId);
  const out = new Map<number, string>();
  const unknown: number[] = [];
  for (const r of await q.execute()) {
    if (r.early === null) continue;
    if (r.early <= since) out.set(r.id, r.early);
    else unknown.push(r.id);
  }
  for (let i = 0; i < unknown.length; i += 500) {
    const rows = await db
      .selectFrom('open_items')
      .select((eb) => ['customer_id', eb.fn.min<string>('date').as('first')])
      .where('customer_id', 'in', unknown.slice(i, i + 500))
      .where('side', '=', 1)
      .groupBy('customer_id')
      .execute();
    for (const r of rows) out.set(r.customer_id, r.first);
  }
  return out;
}
