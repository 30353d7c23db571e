/** What the aging workspace's operations return. Amounts are integers of minor units. */
import type { DocumentKind } from '../domain';
import type { RecoveryLine } from './provision';
import type { AgingSettings, CollectionClass } from './settings';

/** Customers referred to by index from the rows (names travel once, not once per invoice). */
export interface CustomerColumns {
  id: number[];
  code: string[];
  name: string[];
  salesperson: string[];
  currency: string[];
}

/** Open invoices on the as-of date, column by column: lean over the wire at 100,000 rows. */
export interface InvoiceColumns {
  /** Index into `customers`. */
  customer: number[];
  id: number[];
  number: string[];
  /** As-of date minus due date (the due date is derived from it: see invoiceDates). */
  days: number[];
  /** Due date minus invoice date (the invoice date is derived from it). */
  terms: number[];
  open: number[];
  /** Index of the bucket (settings.bucketBounds). */
  bucket: number[];
  /** Index into CLASSES: the manual class where one is recorded, else by days overdue. */
  cls: number[];
  /** 1 where the class is a manual override. */
  overridden: number[];
  /**
   * Only when some customers are in another currency: each open amount in the base currency at
   * the rate recorded with the invoice (the totals row and subtotals add these).
   */
  baseOpen?: number[];
}

/** Per-row figures in the base currency, [bucket][row] like the rows' own (ledgers with customers in other currencies). */
export interface BaseColumns {
  buckets: number[][];
  total: number[];
  unapplied: number[];
  net: number[];
}

/** One row per customer with anything open: buckets as [bucket][row]. */
export interface CustomerAgingColumns {
  customer: number[];
  buckets: number[][];
  total: number[];
  unapplied: number[];
  net: number[];
  invoices: number[];
  /** Days overdue of the oldest open invoice (0 when none is due). */
  maxDays: number[];
  /** Index into CLASSES of the customer's worst class. */
  worstClass: number[];
  /** Only when some customers are in another currency: the same figures in the base currency. */
  base?: BaseColumns;
}

export interface ClassSummary {
  cls: CollectionClass;
  count: number;
  amount: number;
}

export interface AgingSummary {
  bucketTotals: number[];
  total: number;
  unapplied: number;
  net: number;
  invoiceCount: number;
  classes: ClassSummary[];
  recovery: { lines: RecoveryLine[]; expected: number; provision: number };
}

export interface AgingView {
  asOf: string;
  by: 'customer' | 'invoice';
  customerId: number | null;
  settings: AgingSettings;
  /** The company's base currency and its digits (totals). */
  currency: string;
  digits: number;
  customers: CustomerColumns;
  invoices?: InvoiceColumns;
  rows?: CustomerAgingColumns;
  /** In the base currency: each open document of a customer in another currency at its recorded rate, rounded per document. */
  summary: AgingSummary;
  /** Open documents in another currency with no recorded rate (posted before rates were kept): left out of the summary. */
  unrated?: number;
}

/** Bucket totals on the as-of date and on the previous month end (the chart). */
export interface AgingTrend {
  asOf: string;
  previous: string;
  bounds: number[];
  current: number[];
  prior: number[];
  currentTotal: number;
  priorTotal: number;
}

export interface AgingCompare {
  a: string;
  b: string;
  bounds: number[];
  /** The base currency (totals) and its digits. */
  currency: string;
  digits: number;
  customers: CustomerColumns;
  /** One row per customer open on either date; buckets as [bucket][row]. */
  rows: {
    customer: number[];
    a: number[][];
    b: number[][];
    totalA: number[];
    totalB: number[];
    /** Only when some customers are in another currency: a, b, totalA, totalB in the base currency. */
    base?: { a: number[][]; b: number[][]; totalA: number[]; totalB: number[] };
  };
  /** Totals in the base currency (each open invoice at its recorded rate). */
  bucketsA: number[];
  bucketsB: number[];
  totalA: number;
  totalB: number;
}

export interface AgingMetrics {
  from: string;
  to: string;
  days: number;
  /** Credit sales: invoices dated in the period less reversals of invoices dated in it. */
  sales: number;
  /** Receipts dated in the period (less their reversals). */
  collections: number;
  /** Receivables (open invoices) at the end of the day before `from`, and at `to`. */
  openingAr: number;
  closingAr: number;
  /** Part of the closing receivables not yet due. */
  closingCurrent: number;
  overdue: number;
  /** closingAr / sales × days; null without sales. */
  dso: number | null;
  /** overdue / closingAr; null when nothing is open. */
  overdueRatio: number | null;
  /** (opening + sales − closing) / (opening + sales − closing current); null when undefined. */
  cei: number | null;
}

export interface AllocationLine {
  id: number;
  date: string;
  amount: number;
  sourceId: number;
  kind: DocumentKind;
  number: string;
}

export interface ClassOverride {
  id: number;
  /** null: back to the class by days overdue. */
  cls: CollectionClass | null;
  effectiveDate: string;
  reason: string;
  actor: string;
  at: string;
}

export interface InvoiceDrill {
  asOf: string;
  invoice: {
    id: number;
    number: string;
    date: string;
    dueDate: string;
    amount: number;
    open: number;
    days: number;
    bucket: number;
    customerId: number;
    customerCode: string;
    customerName: string;
    currency: string;
    digits: number;
    autoClass: CollectionClass;
    cls: CollectionClass;
    reversed: boolean;
  };
  /** Allocations dated on or before the as-of date (negative ones undo earlier ones). */
  allocations: AllocationLine[];
  overrides: ClassOverride[];
}
