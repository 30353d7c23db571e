/** `arw demo`: fills a ledger with the demo data through the same import and posting paths users take. */
import { todayIso } from '../../shared/dates';
import type { Ledger } from '../db/open';
import { writeTx } from '../db/tx';
import { LedgerError } from '../errors';
import { importCsv, type ImportSummary } from '../import/import';
import { audit } from '../repos/audit';
import { findCustomerByCode, updateCustomer } from '../repos/customers';
import { generateDemoData, type DemoOptions } from './demo-data';
import { postPayment, reverseDocument } from './ledger';
import { toDecimalString } from '../../shared/money';

export async function generateDemo(ledger: Ledger, opts: Partial<DemoOptions> & { customers: number; invoices: number; seed: number }) {
  const data = generateDemoData({ endDate: todayIso(), ...opts });
  const steps: [Parameters<typeof importCsv>[1], string][] = [
    ['customers', data.customersCsv],
    ['invoices', data.invoicesCsv],
    ['credit-notes', data.creditNotesCsv],
    ['receipts', data.receiptsCsv],
  ];
  const results: ImportSummary[] = [];
  for (const [kind, csv] of steps) {
    const res = await importCsv(ledger, kind, csv, { fileName: `demo-${kind}.csv`, actor: 'demo' });
    if (res.problems.length) throw new LedgerError(res.problems[0].key, { ...res.problems[0].params, line: res.problems[0].line });
    results.push(res);
  }
  await writeTx(ledger.db, async (trx) => {
    for (const [code, c] of data.contacts) {
      const row = await findCustomerByCode(trx, code);
      if (!row) continue;
      const contacts = {
        original: { name: c.original, phone: c.phone, email: '', address: c.city },
        finance: { name: c.finance, phone: '', email: `finance@${code.toLowerCase()}.example.com`, address: '' },
        decision: { name: '', phone: '', email: '', address: '' },
      };
      await updateCustomer(trx, row.id, { contacts_json: JSON.stringify(contacts) });
      await audit(trx, { action: 'customer.update', entity: 'customer', entityId: row.id, after: { contacts } }, 'demo');
    }
  });
  let writeOffs = 0;
  for (const w of data.writeOffs) {
    const customer = await findCustomerByCode(ledger.db, w.customerCode);
    if (!customer) continue;
    const open = await ledger.db
      .selectFrom('documents as d')
      .innerJoin('open_items as o', 'o.document_id', 'd.id')
      .select(['o.open_amount'])
      .where('d.customer_id', '=', customer.id)
      .where('d.number', '=', w.invoice)
      .where('d.kind', '=', 'invoice')
      .executeTakeFirst();
    if (!open || open.open_amount <= 0) continue;
    await postPayment(ledger.db, { customerId: customer.id, kind: 'write_off', reference: `WO-${w.invoice}`, date: w.date, amount: toDecimalString(open.open_amount), appliesTo: w.invoice, memo: 'Bad debt written off / 坏账核销' }, 'demo');
    writeOffs++;
  }
  // One corrected invoice, as happens in every real ledger: reversed, with its reason.
  const first = await ledger.db.selectFrom('documents').select(['id', 'date']).where('kind', '=', 'invoice').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (first) {
    try {
      await reverseDocument(ledger.db, { documentId: first.id, date: todayIso() > first.date ? todayIso() : first.date, reason: 'Wrong price entered / 单价录错，冲销重开' }, 'demo');
    } catch {
      // a demo without a reversible invoice is still a demo
    }
  }
  return { ...data.counts, writeOffs, imports: results.map((r) => ({ kind: r.kind, created: r.created, allocations: r.allocations })) };
}
