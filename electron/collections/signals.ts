/**
 * What collections tells the credit review, per customer: promises broken (or only partly kept)
 * in the last N months, and open disputes. Read-only.
 */
import { addDays } from '../../shared/dates';
import type { Db } from '../db/tx';
import { openDisputesByCustomer } from './disputes';
import { promiseViews } from './promises';

export interface PromiseRecord {
  kept: number;
  partlyKept: number;
  broken: number;
}

/** Promises due within the `months` before `asOf` (30-day months), judged as of `asOf`. */
export async function brokenPromisesByCustomer(db: Db, asOf: string, months: number): Promise<Map<number, PromiseRecord>> {
  const from = addDays(asOf, -30 * months);
  const customers = await db.selectFrom('promises').select('customer_id').distinct().where('due_date', '>=', from).where('due_date', '<', asOf).execute();
  const out = new Map<number, PromiseRecord>();
  for (const { customer_id } of customers) {
    const rec: PromiseRecord = { kept: 0, partlyKept: 0, broken: 0 };
    for (const p of await promiseViews(db, customer_id, asOf)) {
      if (p.dueDate < from || p.dueDate >= asOf) continue;
      if (p.status === 'kept') rec.kept++;
      else if (p.status === 'partly_kept') rec.partlyKept++;
      else if (p.status === 'broken') rec.broken++;
    }
    out.set(customer_id, rec);
  }
  return out;
}

export { openDisputesByCustomer };
