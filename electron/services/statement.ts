/** The figures of one customer's monthly reconciliation statement (对账单). */
import type { BucketAmounts } from '../../shared/aging';
import { addDays, monthEnd } from '../../shared/dates';
import type { DocumentKind } from '../../shared/domain';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { LedgerError } from '../errors';
import { findCustomerById, toCustomer } from '../repos/customers';
import { agingReport } from './aging';

export interface StatementLine {
  id: number;
  kind: DocumentKind;
  number: string;
  date: string;
  dueDate: string | null;
  debit: number;
  credit: number;
  balance: number;
}

export interface StatementData {
  customer: ReturnType<typeof toCustomer>;
  digits: number;
  month: string;
  from: string;
  to: string;
  opening: number;
  lines: StatementLine[];
  closing: number;
  aging: BucketAmounts & { total: number; unapplied: number; net: number };
}

export async function statementData(db: Db, customerId: number, month: string): Promise<StatementData> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new LedgerError('error.month', { value: month }, 'month');
  const row = await findCustomerById(db, customerId);
  if (!row) throw new LedgerError('error.customerNotFound', { id: customerId }, 'customerId');
  const from = `${month}-01`;
  const to = monthEnd(from);
  const [openingRow, docs, aging] = await Promise.all([
    db
      .selectFrom('documents')
      .select((eb) => eb.fn.sum<number>(eb('side', '*', eb.ref('amount'))).as('s'))
      .where('customer_id', '=', customerId)
      .where('date', '<', from)
      .executeTakeFirst(),
    db
      .selectFrom('documents')
      .select(['id', 'kind', 'side', 'number', 'date', 'due_date', 'amount'])
      .where('customer_id', '=', customerId)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .orderBy('id')
      .execute(),
    agingReport(db, to, 'customer', customerId),
  ]);
  const opening = Number(openingRow?.s ?? 0);
  let balance = opening;
  const lines = docs.map((d) => {
    balance += d.side * d.amount;
    return { id: d.id, kind: d.kind as DocumentKind, number: d.number, date: d.date, dueDate: d.due_date, debit: d.side === 1 ? d.amount : 0, credit: d.side === -1 ? d.amount : 0, balance };
  });
  const r = aging.rows[0];
  const { customerId: _c, customerCode: _cc, customerName: _cn, salesperson: _s, currency: _cur, ...agingAmounts } = r ?? { ...aging.totals, customerId: 0, customerCode: '', customerName: '', salesperson: '', currency: '' };
  return { customer: toCustomer(row), digits: currencyDigits(row.currency), month, from, to: addDays(to, 0), opening, lines, closing: balance, aging: agingAmounts as StatementData['aging'] };
}
