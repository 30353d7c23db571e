/**
 * Hand-computed credit cases, posted through the real services. Amounts in major units in the
 * comments; the ledger holds cents.
 *
 * Customer P ("partial payer"): 30-day terms, credit limit 10,000.00.
 *   I1 2026-01-01   1,000.00  due 2026-01-31  paid in full 2026-03-02 (30 days late)
 *   I2 2026-02-01   3,000.00  due 2026-03-03  paid 1,500.00 on 2026-03-03 (on time)
 *                                              and 1,500.00 on 2026-04-02 (30 days late)
 *   I3 2026-03-01   2,000.00  due 2026-03-31  unpaid
 * As of 2026-06-29 (I3 is 90 days overdue):
 *   payments: 1,000×30 + 1,500×0 + 1,500×30 = 75,000 day-units over 4,000.00
 *   unpaid overdue beyond the 5-day grace: 2,000 × 90 = 180,000 over 2,000.00
 *   average days late = 255,000 / 6,000 = 42.5  → daysLate 30 × 42.5/90 = 14.17 → 14
 *   on time 1,500 of 6,000 = 25% → lateShare 15 × 0.75 = 11.25 → 11
 *   overdue share 2,000 / 2,000 = 100% → 15
 *   oldest overdue 90 days → 15 × (90−30)/(180−30) = 6
 *   utilisation 2,000 / 10,000 = 20% → 0
 *   part payments: 2 of 3 positive payments smaller than their invoice → 67% → 5
 *   promises, disputes 0; volume: the customer is younger than the baseline needs → 0
 *   score 100 − (14+11+15+6+0+5+0+0+0) = 49 → D;  hold: I3 90 days overdue > 60
 *
 * Customer V ("volume drop"): 30-day terms, no limit, always pays on the due date.
 *   One 1,000.00 invoice on the 1st of every month 2025-01 … 2026-02, paid on its due date.
 * As of 2026-06-29: nothing invoiced in the last 90 days against 1,000 a month before
 *   → drop 100% → volumeDrop 10; every other factor 0 → score 90 → A, signal volumeDown.
 */
import type { Ledger } from '../../electron/db/open';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { addCustomer } from '../helpers';

export const AS_OF = '2026-06-29';

export async function partialPayer(ledger: Ledger, code = 'P') {
  const c = await addCustomer(ledger, code, { paymentTermsDays: 30, creditLimit: '10000' });
  const inv = (number: string, date: string, amount: string) => postInvoice(ledger.db, { customerId: c.id, number, date, amount });
  const pay = (reference: string, date: string, amount: string, appliesTo: string) => postPayment(ledger.db, { customerId: c.id, kind: 'receipt', reference, date, amount, appliesTo });
  await inv('I1', '2026-01-01', '1000');
  await inv('I2', '2026-02-01', '3000');
  await inv('I3', '2026-03-01', '2000');
  await pay('R1', '2026-03-02', '1000', 'I1');
  await pay('R2', '2026-03-03', '1500', 'I2');
  await pay('R3', '2026-04-02', '1500', 'I2');
  return c;
}

export async function volumeDropper(ledger: Ledger, code = 'V') {
  const c = await addCustomer(ledger, code, { paymentTermsDays: 30 });
  for (let m = 0; m < 14; m++) {
    const y = 2025 + Math.floor(m / 12);
    const mm = String((m % 12) + 1).padStart(2, '0');
    const date = `${y}-${mm}-01`;
    const r = await postInvoice(ledger.db, { customerId: c.id, number: `V${m}`, date, amount: '1000' });
    const due = new Date(Date.UTC(y, m % 12, 31)).toISOString().slice(0, 10);
    await postPayment(ledger.db, { customerId: c.id, kind: 'receipt', reference: `VR${m}`, date: due, amount: '1000', appliesTo: r.number });
  }
  return c;
}
