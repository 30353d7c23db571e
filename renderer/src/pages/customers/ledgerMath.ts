import type { CustomerLedger, LedgerEntry } from '../../../../shared/domain';
import { daysBetween } from '../../../../shared/dates';

/** Invoices that can still take a payment: open, not reversed. */
export function openInvoices(ledger: CustomerLedger): LedgerEntry[] {
  return ledger.entries.filter((e) => e.kind === 'invoice' && e.open > 0 && e.reversedById === null);
}

/** Open amount past its due date on the ledger's as-of date (days overdue > 0, as in aging). */
export function overdueAmount(ledger: CustomerLedger): number {
  let sum = 0;
  for (const e of openInvoices(ledger)) {
    if (e.dueDate && daysBetween(e.dueDate, ledger.asOf) > 0) sum += e.open;
  }
  return sum;
}
