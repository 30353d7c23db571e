/** Domain types shared by main and renderer. Amounts are integers of minor units. */
import type { BucketAmounts } from './aging';

export type DocumentKind = 'invoice' | 'receipt' | 'credit_note' | 'write_off' | 'reversal';
export type CustomerStatus = 'active' | 'on_hold' | 'closed';
export type Language = 'en' | 'zh';

export interface Contact {
  name: string;
  phone: string;
  email: string;
  address: string;
}

export interface Contacts {
  original: Contact;
  finance: Contact;
  decision: Contact;
}

export interface Customer {
  id: number;
  code: string;
  name: string;
  contacts: Contacts;
  salesperson: string;
  paymentTermsDays: number;
  creditLimit: number;
  currency: string;
  language: Language;
  notes: string;
  status: CustomerStatus;
  createdAt: string;
}

export interface CustomerSummary {
  id: number;
  code: string;
  name: string;
  salesperson: string;
  currency: string;
  digits: number;
  status: CustomerStatus;
  paymentTermsDays: number;
  creditLimit: number;
  balance: number;
  overdue: number;
  oldestDueDate: string | null;
}

export interface Company {
  name: string;
  address: string;
  taxId: string;
  baseCurrency: string;
  defaultTermsDays: number;
  hasLogo: boolean;
  hasSeal: boolean;
}

export interface AllocationView {
  id: number;
  date: string;
  amount: number;
  /** The other document of the allocation. */
  otherId: number;
  otherKind: DocumentKind;
  otherNumber: string;
}

export interface LedgerEntry {
  id: number;
  kind: DocumentKind;
  number: string;
  date: string;
  dueDate: string | null;
  /** Signed effect on the balance: + for debit documents, − for credit documents. */
  amount: number;
  open: number;
  balance: number;
  memo: string;
  reversesId: number | null;
  reversedById: number | null;
  appliesToNumber: string | null;
  allocations: AllocationView[];
}

export interface CustomerLedger {
  customer: Customer;
  digits: number;
  asOf: string;
  entries: LedgerEntry[];
  balance: number;
  openInvoices: number;
  unapplied: number;
}

export interface AgingRow extends BucketAmounts {
  customerId: number;
  customerCode: string;
  customerName: string;
  salesperson: string;
  currency: string;
  total: number;
  unapplied: number;
  net: number;
  /** Only when by invoice. */
  invoiceId?: number;
  invoiceNumber?: string;
  invoiceDate?: string;
  dueDate?: string;
  daysOverdue?: number;
  /**
   * Rows in a currency other than the base: the same figures in the base currency, each open
   * document at the rate recorded with it, rounded per document.
   */
  base?: { total: number; unapplied: number; net: number };
}

export interface AgingReport {
  asOf: string;
  by: 'customer' | 'invoice';
  rows: AgingRow[];
  /** Sums of the rows' own amounts (as before: meaningful when every row is in one currency). */
  totals: BucketAmounts & { total: number; unapplied: number; net: number };
  /** The company's base currency. */
  baseCurrency: string;
  /** The totals in the base currency: each open document at its recorded rate, rounded per document. */
  baseTotals: BucketAmounts & { total: number; unapplied: number; net: number };
  /** Open documents in another currency with no recorded rate (posted before rates were kept): not in baseTotals. */
  unrated: number;
}

export interface PostResult {
  documentId: number;
  number: string;
  allocations: number;
}
