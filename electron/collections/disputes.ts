/** Disputed invoices (争议): out of the dunning flow until resolved. The log is append-only. */
import { writeTx, currentActor, nowStamp, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { requireDate } from './cases';
import { disputeStates, insertEvent, openCaseOf } from './repo';

export async function setDispute(db: Db, invoiceId: number, req: { open: boolean; reason: string; date: string }): Promise<void> {
  requireDate(req.date, 'date');
  if (!req.reason.trim()) throw new LedgerError('error.whyRequired', {}, 'reason');
  await writeTx(db, async (trx) => {
    const doc = await trx.selectFrom('documents').select(['id', 'kind', 'customer_id', 'number']).where('id', '=', invoiceId).executeTakeFirst();
    if (!doc || doc.kind !== 'invoice') throw new LedgerError('error.documentNotFound', { id: invoiceId }, 'invoiceId');
    const state = (await disputeStates(trx, doc.customer_id)).get(invoiceId);
    if ((state?.open ?? false) === req.open) throw new LedgerError(req.open ? 'error.alreadyDisputed' : 'error.notDisputed', { number: doc.number }, 'invoiceId');
    const { id } = await trx
      .insertInto('disputes')
      .values({ customer_id: doc.customer_id, document_id: invoiceId, action: req.open ? 'open' : 'resolve', date: req.date, reason: req.reason, created_at: nowStamp(), created_by: currentActor() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await openCaseOf(trx, doc.customer_id);
    if (c) await insertEvent(trx, { caseId: c.id, date: req.date, kind: req.open ? 'dispute' : 'dispute_resolved', summary: doc.number, outcome: req.reason, refId: invoiceId });
    await audit(trx, { action: req.open ? 'dispute.open' : 'dispute.resolve', entity: 'dispute', entityId: id, after: { invoiceId, ...req } });
  });
}

/** Open disputes per customer: count and open amount of the disputed invoices (for credit reviews). */
export async function openDisputesByCustomer(db: Db): Promise<Map<number, { count: number; amount: number }>> {
  const states = await disputeStates(db);
  const ids = [...states].filter(([, s]) => s.open).map(([id]) => id);
  const out = new Map<number, { count: number; amount: number }>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('open_items').select(['document_id', 'customer_id', 'open_amount']).where('document_id', 'in', ids).execute();
  for (const r of rows) {
    const cur = out.get(r.customer_id) ?? { count: 0, amount: 0 };
    out.set(r.customer_id, { count: cur.count + 1, amount: cur.amount + r.open_amount });
  }
  return out;
}
