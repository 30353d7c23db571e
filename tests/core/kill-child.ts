// Child process for the kill test: posts invoices and receipts forever, printing each acknowledged number.
import { openLedger } from '../../electron/db/open';
import { postInvoice, postPayment } from '../../electron/services/ledger';

const [file, prefix] = process.argv.slice(2);
const ledger = await openLedger(file);
for (let i = 0; ; i++) {
  const number = `${prefix}-${i}`;
  await postInvoice(ledger.db, { customerId: 1, number, date: '2026-01-01', lines: [{ item: 'x', quantity: '1', unitPrice: '10.00' }, { item: 'y', quantity: '2', unitPrice: '1.50' }] });
  process.stdout.write(`ack ${number}\n`);
  if (i % 3 === 0) {
    await postPayment(ledger.db, { customerId: 1, kind: 'receipt', reference: `R${number}`, date: '2026-01-02', amount: '7.00' });
    process.stdout.write(`ack R${number}\n`);
  }
}
