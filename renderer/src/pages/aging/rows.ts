/** The columnar view from main turned into row objects for the grid (once per load). */
import { CLASSES, type CollectionClass } from '../../../../shared/aging-workspace/settings';
import type { AgingCompare, AgingView } from '../../../../shared/aging-workspace/types';

export interface InvoiceRow {
  id: number;
  customerId: number;
  code: string;
  name: string;
  salesperson: string;
  currency: string;
  number: string;
  date: string;
  dueDate: string;
  days: number;
  open: number;
  bucket: number;
  cls: CollectionClass;
  overridden: boolean;
}

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
}

export function invoiceRows(v: AgingView): InvoiceRow[] {
  const c = v.customers;
  const inv = v.invoices;
  if (!inv) return [];
  const out = new Array<InvoiceRow>(inv.id.length);
  for (let i = 0; i < out.length; i++) {
    const k = inv.customer[i];
    out[i] = {
      id: inv.id[i],
      customerId: c.id[k],
      code: c.code[k],
      name: c.name[k],
      salesperson: c.salesperson[k],
      currency: c.currency[k],
      number: inv.number[i],
      date: inv.date[i],
      dueDate: inv.dueDate[i],
      days: inv.days[i],
      open: inv.open[i],
      bucket: inv.bucket[i],
      cls: CLASSES[inv.cls[i]],
      overridden: inv.overridden[i] === 1,
    };
  }
  return out;
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
  }));
}
