/**
 * credit_cum: per customer and day, running totals of the payment and volume statistics, so the
 * figures of any window (as of any date) are two index look-ups per customer. Derived and
 * rebuildable, like open_items. Documents and allocations are append-only with growing ids, so the
 * cache knows exactly what it has not seen: it catches up lazily, before ratings are read, from
 * the earliest date each new row touches (a back-dated receipt rewrites that customer's totals
 * from its date on).
 */
import { sql } from 'kysely';
import type { Db } from '../db/tx';
import { writeTx } from '../db/tx';

export interface Cum {
  w: number;
  b: number;
  t: number;
  n: number;
  p: number;
  v: number;
}

export const ZERO_CUM: Cum = { w: 0, b: 0, t: 0, n: 0, p: 0, v: 0 };
const COLS = ['w', 'b', 't', 'n', 'p', 'v'] as const;
/** Above this many customers touched, one full rebuild is cheaper than per-customer catch-up. */
const PARTIAL_LIMIT = 150;

/**
 * What each day adds: payments (allocations to invoices, except a reversal absorbing its invoice),
 * late by max(0, date − due) days; invoices dated that day; invoice reversals dated that day.
 */
function events(db: Db, grace: number, customerId?: number, from?: string) {
  const late = sql<number>`(case when a.date > t.due_date then cast(julianday(a.date) - julianday(t.due_date) as integer) else 0 end)`;
  let pay = db
    .selectFrom('allocations as a')
    .innerJoin('documents as t', 't.id', 'a.target_id')
    .innerJoin('documents as s', 's.id', 'a.source_id')
    .select([
      't.customer_id',
      'a.date as day',
      sql<number>`a.amount * ${late}`.as('w'),
      'a.amount as b',
      sql<number>`(case when ${late} <= ${grace} then a.amount else 0 end)`.as('t'),
      sql<number>`(a.amount > 0)`.as('n'),
      sql<number>`(a.amount > 0 and a.amount < t.amount)`.as('p'),
      sql<number>`0`.as('v'),
    ])
    .where('t.kind', '=', 'invoice')
    .where('s.kind', '<>', 'reversal');
  let invoiced = db
    .selectFrom('documents as i')
    .select(['i.customer_id', 'i.date as day', sql<number>`0`.as('w'), sql<number>`0`.as('b'), sql<number>`0`.as('t'), sql<number>`0`.as('n'), sql<number>`0`.as('p'), 'i.amount as v'])
    .where('i.kind', '=', 'invoice');
  let reversed = db
    .selectFrom('documents as r')
    .innerJoin('documents as i', 'i.id', 'r.reverses_id')
    .select(['r.customer_id', 'r.date as day', sql<number>`0`.as('w'), sql<number>`0`.as('b'), sql<number>`0`.as('t'), sql<number>`0`.as('n'), sql<number>`0`.as('p'), sql<number>`-r.amount`.as('v')])
    .where('r.kind', '=', 'reversal')
    .where('i.kind', '=', 'invoice');
  if (customerId !== undefined) {
    pay = pay.where('t.customer_id', '=', customerId);
    invoiced = invoiced.where('i.customer_id', '=', customerId);
    reversed = reversed.where('r.customer_id', '=', customerId);
  }
  if (from !== undefined) {
    pay = pay.where('a.date', '>=', from);
    invoiced = invoiced.where('i.date', '>=', from);
    reversed = reversed.where('r.date', '>=', from);
  }
  return pay.unionAll(invoiced).unionAll(reversed);
}

/** Inserts running totals for the events (of one customer from a date, or of all), on top of `base`. */
async function insertRunning(trx: Db, grace: number, base: Cum, customerId?: number, from?: string): Promise<void> {
  const daily = trx
    .selectFrom(events(trx, grace, customerId, from).as('e'))
    .select((eb) => ['e.customer_id', 'e.day', ...COLS.map((c) => eb.fn.sum<number>(`e.${c}`).as(c))])
    .groupBy(['e.customer_id', 'e.day'])
    .as('d');
  await trx
    .insertInto('credit_cum')
    .columns(['customer_id', 'day', ...COLS])
    .expression(
      trx
        .selectFrom(daily)
        .select((eb) => [
          'd.customer_id',
          'd.day',
          ...COLS.map((c) => sql<number>`${base[c]} + ${eb.fn.sum<number>(`d.${c}`).over((ob) => ob.partitionBy('d.customer_id').orderBy('d.day'))}`.as(c)),
        ]),
    )
    .execute();
}

async function maxIds(db: Db) {
  const a = await db.selectFrom('allocations').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  const d = await db.selectFrom('documents').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
  return { allocationId: Number(a?.m ?? 0), documentId: Number(d?.m ?? 0) };
}

export interface SyncResult {
  mode: 'current' | 'partial' | 'full';
  customers: number;
}

/** Brings credit_cum up to date with the ledger (and the grace days it was built with). */
export async function syncCreditCache(db: Db, grace: number): Promise<SyncResult> {
  const state = await db.selectFrom('credit_cache_state').selectAll().executeTakeFirst();
  const ids = await maxIds(db);
  if (state && state.grace_days === grace && state.allocation_id === ids.allocationId && state.document_id === ids.documentId) return { mode: 'current', customers: 0 };
  return writeTx(db, async (trx) => {
    const now = await maxIds(trx); // taken under the write lock: nothing can slip in between
    const st = await trx.selectFrom('credit_cache_state').selectAll().executeTakeFirst();
    let result: SyncResult;
    const touched = st && st.grace_days === grace ? await touchedSince(trx, st.allocation_id, st.document_id) : null;
    if (!touched || touched.size > PARTIAL_LIMIT) {
      await trx.deleteFrom('credit_cum').execute();
      await insertRunning(trx, grace, ZERO_CUM);
      result = { mode: 'full', customers: -1 };
    } else {
      for (const [customerId, from] of touched) {
        const prev = await trx
          .selectFrom('credit_cum')
          .select(COLS)
          .where('customer_id', '=', customerId)
          .where('day', '<', from)
          .orderBy('day', 'desc')
          .limit(1)
          .executeTakeFirst();
        await trx.deleteFrom('credit_cum').where('customer_id', '=', customerId).where('day', '>=', from).execute();
        await insertRunning(trx, grace, prev ?? ZERO_CUM, customerId, from);
      }
      result = { mode: 'partial', customers: touched.size };
    }
    const row = { allocation_id: now.allocationId, document_id: now.documentId, grace_days: grace };
    await trx.insertInto('credit_cache_state').values({ id: 1, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    return result;
  });
}

/** The customers touched by rows added after the given ids, each with the earliest date touched. */
async function touchedSince(trx: Db, allocationId: number, documentId: number): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const add = (id: number, date: string) => {
    const d = out.get(id);
    if (d === undefined || date < d) out.set(id, date);
  };
  const allocs = await trx
    .selectFrom('allocations')
    .select((eb) => ['customer_id', eb.fn.min<string>('date').as('d')])
    .where('id', '>', allocationId)
    .groupBy('customer_id')
    .execute();
  for (const r of allocs) add(r.customer_id, r.d);
  const docs = await trx
    .selectFrom('documents')
    .select((eb) => ['customer_id', eb.fn.min<string>('date').as('d')])
    .where('id', '>', documentId)
    .groupBy('customer_id')
    .execute();
  for (const r of docs) add(r.customer_id, r.d);
  return out;
}

/** Every customer's running totals as of `day` (the last row on or before it). */
export async function cumAt(db: Db, day: string): Promise<Map<number, Cum>> {
  const rows = await db
    .selectFrom('customers as c')
    .innerJoin('credit_cum as k', (join) =>
      join.onRef('k.customer_id', '=', 'c.id').on('k.day', '=', (eb) =>
        eb.selectFrom('credit_cum as m').select((e) => e.fn.max('m.day').as('d')).whereRef('m.customer_id', '=', 'c.id').where('m.day', '<=', day),
      ),
    )
    .select(['c.id', 'k.w', 'k.b', 'k.t', 'k.n', 'k.p', 'k.v'])
    .execute();
  return new Map(rows.map((r) => [r.id, { w: r.w, b: r.b, t: r.t, n: r.n, p: r.p, v: r.v }]));
}

/**
 * After a bulk import: bring the running totals up to date in the background, so the first
 * Credit page after importing 900k documents does not pay the catch-up (3 s at 500k invoices).
 * Errors are only logged: the next rating catches up anyway.
 */
export function catchUpSoon(db: Db, graceDays: () => Promise<number>, log: (message: string, detail: unknown) => void): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      graceDays()
        .then((grace) => syncCreditCache(db, grace))
        .catch((e: unknown) => log('credit cache catch-up after an import failed', e))
        .finally(() => resolve());
    }, 0);
  });
}
