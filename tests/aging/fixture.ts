/**
 * A small ledger with known figures on 2025-06-30:
 *   A: I1 1,000.01 due 2025-01-31, paid 300.00 (Feb) and 100.00 (20 Jun) → 600.01 open, 150 days, 91–180, 准呆账
 *      I2 500.00 dated 2025-06-01 due 2025-07-01 → not yet due, 未收款
 *   B: I3 200.00 due 2023-01-31 → 881 days, over two years, 死账
 *   C: receipt 80.00 with no invoice → unapplied credit
 */
import type { Ledger } from '../../electron/db/open';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { addCustomer, tempLedger } from '../helpers';

export interface Known {
  ledger: Ledger;
  a: number;
  b: number;
  c: number;
  i1: number;
  i2: number;
  i3: number;
}

export async function knownLedger(): Promise<Known> {
  const ledger = await tempLedger();
  const db = ledger.db;
  const a = (await addCustomer(ledger, 'A', { salesperson: 'Li Na' })).id;
  const b = (await addCustomer(ledger, 'B', { salesperson: 'Wang' })).id;
  const c = (await addCustomer(ledger, 'C', { salesperson: 'Wang' })).id;
  // Invoices first (no overdue debt yet, so no credit hold), receipts after.
  const i2 = (await postInvoice(db, { customerId: a, number: 'I2', date: '2025-06-01', dueDate: '2025-07-01', amount: '500.00' })).documentId;
  const i1 = (await postInvoice(db, { customerId: a, number: 'I1', date: '2025-01-01', dueDate: '2025-01-31', amount: '1000.01' })).documentId;
  const i3 = (await postInvoice(db, { customerId: b, number: 'I3', date: '2023-01-01', dueDate: '2023-01-31', amount: '200.00' })).documentId;
  await postPayment(db, { customerId: a, kind: 'receipt', reference: 'R1', date: '2025-02-10', amount: '300.00', appliesTo: 'I1' });
  await postPayment(db, { customerId: a, kind: 'receipt', reference: 'R3', date: '2025-06-20', amount: '100.00', appliesTo: 'I1' });
  await postPayment(db, { customerId: c, kind: 'receipt', reference: 'R9', date: '2025-05-01', amount: '80.00' });
  return { ledger, a, b, c, i1, i2, i3 };
}
