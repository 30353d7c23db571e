/** One customer's ledger: documents in date order with running balance, open amounts and allocations as of a date. */
import { todayIso } from '../../shared/dates';
import type { AllocationView, CustomerLedger, DocumentKind, LedgerEntry } from '../../shared/domain';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { LedgerError } from '../errors';
import { findCustomerById, toCustomer } from '../repos/customers';

export async function customerLedger(db: Db, customerId: number, asOf = todayIso()): Promise<CustomerLedger> {
  const row = await findCustomerById(db, customerId);
  if (!row) throw new LedgerError('error.customerNotFound', { id: customerId }, 'id');
  const [docs, allocs] = await Promise.all([
    db
      .selectFrom('documents')
      .select(['id', 'kind', 'side', 'number', 'date', 'due_date', 'amount', 'memo', 'reverses_id', 'applies_to_id'])
      .where('customer_id', '=', customerId)
      .where('date', '<=', asOf)
      .orderBy('date')
      .orderBy('id')
      .execute(),
    // Through the per-document indexes: every allocation has a debit document (its target) of this customer.
    db
      .selectFrom('allocations as a')
      .innerJoin('documents as t', 't.id', 'a.target_id')
      .select(['a.id', 'a.source_id', 'a.target_id', 'a.date', 'a.amount'])
      .where('t.customer_id', '=', customerId)
      .where('a.date', '<=', asOf)
      .orderBy('a.date')
      .orderBy('a.id')
      .execute(),
  ]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const reversedBy = new Map<number, number>();
  for (const d of docs) if (d.reverses_id !== null) reversedBy.set(d.reverses_id, d.id);
  const allocated = new Map<number, number>();
  const views = new Map<number, AllocationView[]>();
  const push = (docId: number, v: AllocationView) => {
    const list = views.get(docId) ?? [];
    list.push(v);
    views.set(docId, list);
  };
  for (const a of allocs) {
    const src = byId.get(a.source_id);
    const tgt = byId.get(a.target_id);
    if (!src || !tgt) continue;
    allocated.set(a.source_id, (allocated.get(a.source_id) ?? 0) + a.amount);
    allocated.set(a.target_id, (allocated.get(a.target_id) ?? 0) + a.amount);
    push(a.target_id, { id: a.id, date: a.date, amount: a.amount, otherId: src.id, otherKind: src.kind as DocumentKind, otherNumber: src.number });
    push(a.source_id, { id: a.id, date: a.date, amount: a.amount, otherId: tgt.id, otherKind: tgt.kind as DocumentKind, otherNumber: tgt.number });
  }
  let balance = 0;
  let openInvoices = 0;
  let unapplied = 0;
  const entries: LedgerEntry[] = docs.map((d) => {
    const signed = d.side * d.amount;
    balance += signed;
    const open = d.amount - (allocated.get(d.id) ?? 0);
    if (d.side === 1) openInvoices += open;
    else unapplied += open;
    return {
      id: d.id,
      kind: d.kind as DocumentKind,
      number: d.number,
      date: d.date,
      dueDate: d.due_date,
      amount: signed,
      open,
      balance,
      memo: d.memo,
      reversesId: d.reverses_id,
      reversedById: reversedBy.get(d.id) ?? null,
      appliesToNumber: d.applies_to_id !== null ? byId.get(d.applies_to_id)?.number ?? null : null,
      allocations: views.get(d.id) ?? [],
    };
  });
  return { customer: toCustomer(row), digits: currencyDigits(row.currency), asOf, entries, balance, openInvoices, unapplied };
}
