/**
 * Collection targets (回款目标) per customer and period: the company's target, what the customer
 * promised (promises falling due in the period), what came in, and the gap; totals per salesperson.
 */
import { monthEnd } from '../../shared/dates';
import type { TargetReport, TargetRow } from '../../shared/api/collections-types';
import { currencyDigits } from '../../shared/money';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { findCustomerById } from '../repos/customers';
import { parseAmountField } from '../services/ledger';

/** '2026' | '2026-Q3' | '2026-07' → the dates it covers. */
export function periodRange(period: string): { from: string; to: string } {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    const last = String(first + 2).padStart(2, '0');
    return { from: `${m[1]}-${String(first).padStart(2, '0')}-01`, to: monthEnd(`${m[1]}-${last}-01`) };
  }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return { from: `${period}-01`, to: monthEnd(`${period}-01`) };
  throw new LedgerError('error.period', { value: period }, 'period');
}

export async function setTarget(db: Db, customerId: number, period: string, amount: string): Promise<void> {
  periodRange(period);
  await writeTx(db, async (trx) => {
    const customer = await findCustomerById(trx, customerId);
    if (!customer) throw new LedgerError('error.customerNotFound', { id: customerId }, 'customerId');
    const target = parseAmountField(amount, currencyDigits(customer.currency), 'target');
    const before = await trx.selectFrom('collection_targets').selectAll().where('customer_id', '=', customerId).where('period', '=', period).executeTakeFirst();
    const row = { customer_id: customerId, period, target, updated_at: nowStamp(), updated_by: currentActor() };
    await trx
      .insertInto('collection_targets')
      .values(row)
      .onConflict((oc) => oc.columns(['customer_id', 'period']).doUpdateSet({ target, updated_at: row.updated_at, updated_by: row.updated_by }))
      .execute();
    await audit(trx, { action: 'target.set', entity: 'collection_target', entityId: `${customerId}/${period}`, before: before ?? undefined, after: row });
  });
}

export async function targetReport(db: Db, period: string): Promise<TargetReport> {
  const { from, to } = periodRange(period);
  const [targets, promises, receipts, customers] = await Promise.all([
    db.selectFrom('collection_targets').select(['customer_id', 'target']).where('period', '=', period).execute(),
    db
      .selectFrom('promises as p')
      .select(['p.customer_id', 'p.amount'])
      .where('p.due_date', '>=', from)
      .where('p.due_date', '<=', to)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('promises as n').select('n.id').whereRef('n.replaces_id', '=', 'p.id'))))
      .execute(),
    db
      .selectFrom('documents as r')
      .leftJoin('documents as rev', 'rev.reverses_id', 'r.id')
      .select(['r.customer_id', 'r.amount'])
      .where('r.kind', '=', 'receipt')
      .where('r.date', '>=', from)
      .where('r.date', '<=', to)
      .where('rev.id', 'is', null)
      .execute(),
    db.selectFrom('customers').select(['id', 'code', 'name', 'salesperson', 'currency']).execute(),
  ]);
  const acc = new Map<number, { target: number; promised: number; received: number }>();
  const get = (id: number) => acc.get(id) ?? (acc.set(id, { target: 0, promised: 0, received: 0 }), acc.get(id)!);
  for (const t of targets) get(t.customer_id).target = t.target;
  for (const p of promises) get(p.customer_id).promised += p.amount;
  for (const r of receipts) get(r.customer_id).received += r.amount;
  const rows: TargetRow[] = customers
    .filter((c) => acc.has(c.id))
    .map((c) => {
      const a = acc.get(c.id)!;
      // Without a target there is no gap to speak of (receipts alone are not a shortfall).
      return { customerId: c.id, customerCode: c.code, customerName: c.name, salesperson: c.salesperson, digits: currencyDigits(c.currency), period, ...a, gap: a.target > 0 ? a.target - a.received : 0 };
    })
    .sort((a, b) => b.gap - a.gap || a.customerCode.localeCompare(b.customerCode));
  const bySp = new Map<string, { salesperson: string; target: number; promised: number; received: number; gap: number }>();
  for (const r of rows) {
    const s = bySp.get(r.salesperson) ?? { salesperson: r.salesperson, target: 0, promised: 0, received: 0, gap: 0 };
    s.target += r.target;
    s.promised += r.promised;
    s.received += r.received;
    s.gap += r.gap;
    bySp.set(r.salesperson, s);
  }
  return { period, from, to, rows, bySalesperson: [...bySp.values()].sort((a, b) => b.gap - a.gap) };
}
