/** A small ledger for the collections tests: two customers, a part-paid invoice, an old one near its limitation. */
import type { Ledger } from '../../electron/db/open';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { addCustomer, tempLedger } from '../helpers';

export async function collectionsLedger(): Promise<{ ledger: Ledger; c1: number; c2: number; inv: Record<string, number> }> {
  const ledger = await tempLedger();
  const c1 = (
    await addCustomer(ledger, 'C001', {
      name: '杭州远景贸易有限公司',
      salesperson: 'Li Na',
      contacts: {
        original: { name: '张伟', phone: '0571-8888 0001', email: '', address: '杭州市西湖区文三路 1 号' },
        finance: { name: 'Wang Fang', phone: '0571-8888 1234', email: 'ap@yuanjing.example.com', address: '' },
        decision: { name: '', phone: '', email: '', address: '' },
      },
    })
  ).id;
  const c2 = (await addCustomer(ledger, 'C002', { name: 'Old Debts Ltd', salesperson: 'Zhao Lei', language: 'en' })).id;
  const inv: Record<string, number> = {};
  const post = async (customerId: number, number: string, date: string, dueDate: string, amount: string, extra = {}) => {
    inv[number] = (await postInvoice(ledger.db, { customerId, number, date, dueDate, amount, ...extra })).documentId;
  };
  // Posted first: credit control would hold a delivery to a customer this far overdue.
  await post(c1, 'INV-3', '2026-05-01', '2026-05-31', '20000.00');
  await post(c1, 'INV-1', '2026-01-01', '2026-01-31', '100000.00', { paymentMethod: '银行转账', paymentResponsible: 'Wang Fang', acceptancePerson: '张伟' });
  await post(c1, 'INV-2', '2026-02-01', '2026-03-03', '50000.00');
  await post(c2, 'OLD-1', '2023-01-30', '2023-03-01', '10000.00');
  await postPayment(ledger.db, { customerId: c1, kind: 'receipt', reference: 'RC-1', date: '2026-02-10', amount: '40000.00', appliesTo: 'INV-1' });
  return { ledger, c1, c2, inv };
}

/** A 1×1 PNG: the smallest real image. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
