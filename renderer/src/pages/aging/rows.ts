/** The columnar view from main turned into row objects for the grid (once per load). */
import { CLASSES, type CollectionClass } from '../../../../shared/aging-workspace/settings';
import { InvoiceDates } from '../../../../shared/aging-workspace/periods';
import type { AgingCompare, AgingView } from '../../../../shared/aging-workspace/types';

export interface CustomerRow {
  customerId: number;
  code: string;
  name: string;
  salesperson: string;
  currency: string;
  buckets: number[];
  total: number;
  unapplied: number;
  net: number;
  invoices: number;
  maxDays: number;
  worst: CollectionClass;
  /** Ledgers with customers in other currencies: the row's figures in the base currency. */
  base?: { buckets: number[]; total: number; unapplied: number; net: number };
}

export interface CompareRow {
  customerId: number;
  code: string;
  name: string;
  salesperson: string;
  currency: string;
  a: number[];
  b: number[];
  totalA: number;
  totalB: number;
  /** Ledgers with customers in other currencies: a, b and the totals in the base currency. */
  base?: { a: number[]; b: number[]; totalA: number; totalB: number };
}

/**
 * Open invoices straight from the columnar view: grid rows are indexes (no object per invoice
 * for 100,000 rows), read through these accessors.
 */
export class InvoiceTable {
  readonly rows: number[];
  private readonly dates: InvoiceDates;

  constructor(readonly view: AgingView) {
    const n = view.invoices?.id.length ?? 0;
    this.rows = Array.from({ length: n }, (_, i) => i);
    this.dates = new InvoiceDates(view.asOf);
  }

  private get inv() {
    return this.view.invoices!;
  }

  id = (i: number) => this.inv.id[i];
  customerId = (i: number) => this.view.customers.id[this.inv.customer[i]];
  code = (i: number) => this.view.customers.code[this.inv.customer[i]];
  name = (i: number) => this.view.customers.name[this.inv.customer[i]];
  salesperson = (i: number) => this.view.customers.salesperson[this.inv.customer[i]];
  currency = (i: number) => this.view.customers.currency[this.inv.customer[i]];
  number = (i: number) => this.inv.number[i];
  days = (i: number) => this.inv.days[i];
  dueDate = (i: number) => this.dates.dueDate(this.inv.days[i]);
  date = (i: number) => this.dates.date(this.inv.days[i], this.inv.terms[i]);
  open = (i: number) => this.inv.open[i];
  /** The open amount in the base currency (the same number for invoices in it). */
  baseOpen = (i: number) => (this.inv.baseOpen ? this.inv.baseOpen[i] : this.inv.open[i]);
  /** Some invoices are in another currency than the base. */
  get multi(): boolean {
    return !!this.view.invoices?.baseOpen;
  }
  bucket = (i: number) => this.inv.bucket[i];
  clsIndex = (i: number) => this.inv.cls[i];
  cls = (i: number): CollectionClass => CLASSES[this.inv.cls[i]];
  overridden = (i: number) => this.inv.overridden[i] === 1;
}

export function customerRows(v: AgingView): CustomerRow[] {
  const c = v.customers;
  const r = v.rows;
  if (!r) return [];
  return r.customer.map((k, i) => ({
    customerId: c.id[k],
    code: c.code[k],
    name: c.name[k],
    salesperson: c.salesperson[k],
    currency: c.currency[k],
    buckets: r.buckets.map((b) => b[i]),
    total: r.total[i],
    unapplied: r.unapplied[i],
    net: r.net[i],
    invoices: r.invoices[i],
    maxDays: r.maxDays[i],
    worst: CLASSES[r.worstClass[i]],
    ...(r.base ? { base: { buckets: r.base.buckets.map((b) => b[i]), total: r.base.total[i], unapplied: r.base.unapplied[i], net: r.base.net[i] } } : {}),
  }));
}

export function compareRows(v: AgingCompare): CompareRow[] {
  const c = v.customers;
  return v.rows.customer.map((k, i) => ({
    customerId: c.id[k],
    code: c.code[k],
    name: c.name[k],
    salesperson: c.salesperson[k],
    currency: c.currency[k],
    a: v.rows.a.map((b) => b[i]),
    b: v.rows.b.map((b) => b[i]),
    totalA: v.rows.totalA[i],
    totalB: v.rows.totalB[i],
    ...(v.rows.base
      ? { base: { a: v.rows.base.a.map((b) => b[i]), b: v.rows.base.b.map((b) => b[i]), totalA: v.rows.base.totalA[i], totalB: v.rows.base.totalB[i] } }
      : {}),
  }));
}
