/**
 * The credit inputs the other features already record, registered as sources (inputs.ts):
 *  - collections: promises to pay broken or only partly kept in the rating window; disputed invoices;
 *  - papers: statements the customer signed back as disputed and not yet resolved; price
 *    confirmations issued (not voided, not yet turned into a delivery) as unshipped confirmed orders.
 * Loaded on first use (a dynamic import), so the credit module never imports them at start-up.
 */
import type { Db } from '../db/tx';
import { brokenPromisesByCustomer, openDisputesByCustomer } from '../collections/signals';
import { registerCreditInputs } from './inputs';

function only(ids: number[] | null, m: Map<number, number>): Map<number, number> {
  if (!ids) return m;
  const keep = new Set(ids);
  return new Map([...m].filter(([id]) => keep.has(id)));
}

async function disputedStatements(db: Db, ids: number[] | null, asOf: string): Promise<Map<number, number>> {
  let q = db
    .selectFrom('paper_sign_backs as s')
    .innerJoin('papers as p', 'p.id', 's.paper_id')
    .leftJoin('paper_dispute_resolutions as r', (j) => j.onRef('r.sign_back_id', '=', 's.id').on('r.resolved_on', '<=', asOf))
    .select((eb) => ['p.customer_id', eb.fn.countAll<number>().as('n')])
    .where('s.outcome', '=', 'disputed')
    .where('s.returned_on', '<=', asOf)
    .where('r.sign_back_id', 'is', null)
    .groupBy('p.customer_id');
  if (ids) q = q.where('p.customer_id', 'in', ids);
  return new Map((await q.execute()).map((r) => [r.customer_id, Number(r.n)]));
}

async function unshippedConfirmations(db: Db, ids: number[] | null, asOf: string): Promise<Map<number, number>> {
  let q = db
    .selectFrom('price_confirmations as pc')
    .innerJoin('papers as p', 'p.price_confirmation_id', 'pc.id')
    .leftJoin('paper_voids as v', (j) => j.onRef('v.paper_id', '=', 'p.id').on('v.voided_at', '<=', `${asOf}T99`)) // a timestamp: voided on or before that day
    .leftJoin('price_confirmation_conversions as c', 'c.price_confirmation_id', 'pc.id')
    .select((eb) => ['pc.customer_id', eb.fn.sum<number>('pc.total').as('total')])
    .where('pc.date', '<=', asOf)
    .where('v.paper_id', 'is', null)
    .where('c.price_confirmation_id', 'is', null)
    .groupBy('pc.customer_id');
  if (ids) q = q.where('pc.customer_id', 'in', ids);
  return new Map((await q.execute()).map((r) => [r.customer_id, Number(r.total)]));
}

export function registerDefaultSources(): void {
  registerCreditInputs({
    name: 'collections',
    async brokenPromises(db, ids, asOf, months) {
      const m = new Map<number, number>();
      for (const [id, r] of await brokenPromisesByCustomer(db, asOf, months)) m.set(id, r.broken + r.partlyKept);
      return only(ids, m);
    },
    async openDisputes(db, ids) {
      const m = new Map<number, number>();
      for (const [id, r] of await openDisputesByCustomer(db)) m.set(id, r.count);
      return only(ids, m);
    },
  });
  registerCreditInputs({ name: 'papers', openDisputes: disputedStatements, pendingOrders: unshippedConfirmations });
}
