/** Recording promises to pay and judging them against the customer's receipts. */
import type { PromiseHow, PromiseView } from '../../shared/api/collections-types';
import { currencyDigits } from '../../shared/money';
import { writeTx, currentActor, nowStamp, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { findCustomerById } from '../repos/customers';
import { parseAmountField } from '../services/ledger';
import { requireDate } from './cases';
import { evaluatePromises, type ReceiptInput } from './promise-eval';
import { findCase, insertEvent } from './repo';

export interface PromiseInput {
  madeOn: string;
  dueDate: string;
  amount: string;
  promisedBy: string;
  how: PromiseHow;
  invoiceId?: number;
  replacesId?: number;
  note: string;
}

export async function recordPromise(db: Db, caseId: number, p: PromiseInput): Promise<number> {
  requireDate(p.madeOn, 'madeOn');
  requireDate(p.dueDate, 'dueDate');
  if (p.dueDate < p.madeOn) throw new LedgerError('error.promiseBeforeMade', {}, 'dueDate');
  if (!p.promisedBy.trim()) throw new LedgerError('error.required', { field: 'promisedBy' }, 'promisedBy');
  return writeTx(db, async (trx) => {
    const c = await findCase(trx, caseId);
    const customer = (await findCustomerById(trx, c.customer_id))!;
    const amount = parseAmountField(p.amount, currencyDigits(customer.currency), 'amount');
    if (amount <= 0) throw new LedgerError('error.amountPositive', {}, 'amount');
    if (p.invoiceId !== undefined) {
      const doc = await trx.selectFrom('documents').select(['customer_id', 'kind']).where('id', '=', p.invoiceId).executeTakeFirst();
      if (!doc || doc.customer_id !== c.customer_id || doc.kind !== 'invoice') throw new LedgerError('error.documentNotFound', { id: p.invoiceId }, 'invoiceId');
    }
    if (p.replacesId !== undefined) {
      const old = await trx.selectFrom('promises').select('customer_id').where('id', '=', p.replacesId).executeTakeFirst();
      if (!old || old.customer_id !== c.customer_id) throw new LedgerError('error.promiseNotFound', { id: p.replacesId }, 'replacesId');
    }
    const { id } = await trx
      .insertInto('promises')
      .values({
        case_id: caseId,
        customer_id: c.customer_id,
        made_on: p.madeOn,
        due_date: p.dueDate,
        amount,
        promised_by: p.promisedBy,
        how: p.how,
        document_id: p.invoiceId ?? null,
        replaces_id: p.replacesId ?? null,
        note: p.note,
        created_at: nowStamp(),
        created_by: currentActor(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertEvent(trx, { caseId, date: p.madeOn, kind: 'promise', person: p.promisedBy, summary: p.note, refId: id, data: { amount, dueDate: p.dueDate, how: p.how } });
    await audit(trx, { action: 'promise.record', entity: 'promise', entityId: id, after: { ...p, amount } });
    return id;
  });
}

/** Receipts of a customer that stand on `asOf` (a receipt reversed by then does not count). */
export async function customerReceipts(db: Db, customerId: number, asOf: string): Promise<ReceiptInput[]> {
  const rows = await db
    .selectFrom('documents as r')
    .leftJoin('documents as rev', (j) => j.onRef('rev.reverses_id', '=', 'r.id').on('rev.date', '<=', asOf))
    .select(['r.date', 'r.amount'])
    .where('r.customer_id', '=', customerId)
    .where('r.kind', '=', 'receipt')
    .where('r.date', '<=', asOf)
    .where('rev.id', 'is', null)
    .execute();
  return rows;
}

export async function promiseViews(db: Db, customerId: number, asOf: string): Promise<PromiseView[]> {
  const [rows, receipts] = await Promise.all([
    db
      .selectFrom('promises as p')
      .leftJoin('documents as d', 'd.id', 'p.document_id')
      .select(['p.id', 'p.made_on', 'p.due_date', 'p.amount', 'p.promised_by', 'p.how', 'p.replaces_id', 'p.note', 'd.number'])
      .where('p.customer_id', '=', customerId)
      .where('p.made_on', '<=', asOf)
      .orderBy('p.due_date')
      .orderBy('p.id')
      .execute(),
    customerReceipts(db, customerId, asOf),
  ]);
  const replaced = new Set(rows.map((r) => r.replaces_id).filter((x): x is number => x !== null));
  const outcomes = evaluatePromises(
    rows.map((r) => ({ id: r.id, madeOn: r.made_on, dueDate: r.due_date, amount: r.amount, replaced: replaced.has(r.id) })),
    receipts,
    asOf,
  );
  return rows.map((r) => ({
    id: r.id,
    madeOn: r.made_on,
    dueDate: r.due_date,
    amount: r.amount,
    received: outcomes.get(r.id)!.received,
    promisedBy: r.promised_by,
    how: r.how as PromiseHow,
    invoiceNumber: r.number,
    replacesId: r.replaces_id,
    note: r.note,
    status: outcomes.get(r.id)!.status,
  }));
}
