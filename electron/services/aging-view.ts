/**
 * The aging workspace's view on an as-of date: open invoices (or one row per customer) bucketed
 * by the workspace's bounds, each with its collection class (manual override or by days), and the
 * summary: bucket totals, counts and sums per class, expected recovery and the provision.
 */
import { recoveryLines } from '../../shared/aging-workspace/provision';
import { bucketOfDays, classOfDays, CLASSES, type AgingSettings } from '../../shared/aging-workspace/settings';
import type { AgingSummary, AgingView, CustomerColumns, InvoiceColumns } from '../../shared/aging-workspace/types';
import { toDayNumber } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { getCompany } from '../repos/company';
import { liveCredits, liveInvoices, liveUnapplied, type LiveInvoices } from './aging-live';
import { baseAmounts, currencies, type Currencies } from './base-amounts';
import { overridesAsOf } from './aging-overrides';
import { getAgingSettings } from './aging-settings';

export interface Classified {
  invoices: LiveInvoices;
  days: Int32Array;
  bucket: Int32Array;
  cls: Int32Array;
  overridden: Uint8Array;
}

/**
 * The ledger's state as three rowids: any posting, allocation or manual class adds a row (rows are
 * never updated or deleted), so an unchanged triple means unchanged open items.
 */
async function ledgerState(db: Db): Promise<string> {
  const r = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('documents').select((e) => e.fn.max('id').as('m')).as('d'),
      eb.selectFrom('allocations').select((e) => e.fn.max('id').as('m')).as('a'),
      eb.selectFrom('invoice_class_overrides').select((e) => e.fn.max('id').as('m')).as('o'),
    ])
    .executeTakeFirst();
  return `${r?.d ?? 0}/${r?.a ?? 0}/${r?.o ?? 0}`;
}

/** The last few classifications: switching between customer and invoice views, or the chart, reuses them. */
const recent = new WeakMap<Db, { key: string; numbers: boolean; value: Classified }[]>();
const KEEP = 2;

/**
 * Bucket and class of every open invoice (cached while the ledger does not change). Invoice
 * numbers and dates come along only when asked for (they cost a join; the customer view needs none).
 */
export async function classify(db: Db, asOf: string, settings: AgingSettings, customerId?: number, numbers = false): Promise<Classified> {
  const key = [asOf, customerId ?? '', settings.bucketBounds.join(','), settings.classBounds.join(','), await ledgerState(db)].join('|');
  const list = recent.get(db) ?? [];
  const hit = list.find((e) => e.key === key && (e.numbers || !numbers));
  if (hit) return hit.value;
  const value = await computeClasses(db, asOf, settings, customerId, numbers);
  recent.set(db, [{ key, numbers, value }, ...list.filter((e) => e.key !== key)].slice(0, KEEP));
  return value;
}

/** Day numbers of ISO dates, each date parsed once (a ledger has a few thousand distinct dates). */
export function dayNumbers(): (iso: string) => number {
  const seen = new Map<string, number>();
  return (iso) => {
    let d = seen.get(iso);
    if (d === undefined) seen.set(iso, (d = toDayNumber(iso)));
    return d;
  };
}

async function computeClasses(db: Db, asOf: string, settings: AgingSettings, customerId: number | undefined, numbers: boolean): Promise<Classified> {
  const dayOf = dayNumbers();
  const base = toDayNumber(asOf);
  const [invoices, overrides] = await Promise.all([liveInvoices(db, asOf, customerId, numbers), overridesAsOf(db, asOf)]);
  const n = invoices.id.length;
  const out: Classified = { invoices, days: new Int32Array(n), bucket: new Int32Array(n), cls: new Int32Array(n), overridden: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const d = base - dayOf(invoices.due[i]);
    out.days[i] = d;
    out.bucket[i] = bucketOfDays(d, settings.bucketBounds);
    const manual = overrides.get(invoices.id[i]);
    out.cls[i] = CLASSES.indexOf(manual ?? classOfDays(d, settings.classBounds));
    out.overridden[i] = manual ? 1 : 0;
  }
  return out;
}

export async function customerColumns(db: Db, customerId?: number): Promise<{ columns: CustomerColumns; index: Map<number, number> }> {
  let q = db.selectFrom('customers').select(['id', 'code', 'name', 'salesperson', 'currency']).orderBy('code');
  if (customerId !== undefined) q = q.where('id', '=', customerId);
  const rows = await q.execute();
  return {
    columns: {
      id: rows.map((r) => r.id),
      code: rows.map((r) => r.code),
      name: rows.map((r) => r.name),
      salesperson: rows.map((r) => r.salesperson),
      currency: rows.map((r) => r.currency),
    },
    index: new Map(rows.map((r, i) => [r.id, i])),
  };
}

/** The view's open amounts in the base currency (ledgers with customers in other currencies). */
export interface InBase {
  /** Per classified invoice. */
  open: number[];
  /** Per customer. */
  unapplied: Map<number, number>;
  unrated: number;
}

/**
 * Each open invoice and credit of a customer in another currency at the rate recorded with it
 * (rounded per document); null in a single-currency ledger, which reads nothing for it.
 */
export async function inBase(db: Db, asOf: string, c: Classified, unapplied: Map<number, number>, cur: Currencies, customerId?: number): Promise<InBase | null> {
  if (cur.foreign.size === 0 || (customerId !== undefined && !cur.foreign.has(customerId))) return null;
  const inv = c.invoices;
  const debits = await baseAmounts(db, cur, inv.id, inv.customer, inv.open);
  const credits = await liveCredits(db, asOf, customerId);
  const converted = await baseAmounts(db, cur, credits.id, credits.customer, credits.open);
  const baseUnapplied = new Map(unapplied);
  for (const id of cur.foreign.keys()) baseUnapplied.delete(id);
  for (let i = 0; i < credits.id.length; i++) {
    const k = credits.customer[i];
    if (cur.foreign.has(k)) baseUnapplied.set(k, (baseUnapplied.get(k) ?? 0) + (converted.values?.[i] ?? credits.open[i]));
  }
  return { open: debits.values ?? inv.open, unapplied: baseUnapplied, unrated: debits.unrated + converted.unrated };
}

/** Summary figures in the base currency: `base` when some customers are in other currencies. */
export function summarise(c: Classified, unapplied: Map<number, number>, settings: AgingSettings, base: InBase | null = null): AgingSummary {
  const bucketTotals = new Array<number>(settings.bucketBounds.length + 1).fill(0);
  const classes = CLASSES.map((cls) => ({ cls, count: 0, amount: 0 }));
  let total = 0;
  if (base) unapplied = base.unapplied;
  const opens = base?.open ?? c.invoices.open;
  for (let i = 0; i < opens.length; i++) {
    const open = opens[i];
    bucketTotals[c.bucket[i]] += open;
    classes[c.cls[i]].count++;
    classes[c.cls[i]].amount += open;
    total += open;
  }
  let credit = 0;
  for (const v of unapplied.values()) credit += v;
  return {
    bucketTotals,
    total,
    unapplied: credit,
    net: total - credit,
    invoiceCount: opens.length,
    classes,
    recovery: recoveryLines(bucketTotals, settings.recoveryBp),
  };
}

function invoiceColumns(c: Classified, index: Map<number, number>, base: InBase | null): InvoiceColumns {
  const dayOf = dayNumbers();
  const inv = c.invoices;
  const n = inv.id.length;
  const cust = inv.customer.map((id) => index.get(id)!);
  // Customer code order, oldest due first within each customer, as the foundation's report orders
  // them: one numeric key (customer position, then days overdue descending), numbers only on ties.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = cust[i] * 1e6 - c.days[i];
  const num = inv.number;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a] - key[b] || (num[a] < num[b] ? -1 : num[a] > num[b] ? 1 : 0));
  return {
    customer: order.map((i) => cust[i]),
    id: order.map((i) => inv.id[i]),
    number: order.map((i) => num[i]),
    days: order.map((i) => c.days[i]),
    terms: order.map((i) => dayOf(inv.due[i]) - dayOf(inv.date[i])),
    open: order.map((i) => inv.open[i]),
    bucket: order.map((i) => c.bucket[i]),
    cls: order.map((i) => c.cls[i]),
    overridden: order.map((i) => c.overridden[i]),
    ...(base ? { baseOpen: order.map((i) => base.open[i]) } : {}),
  };
}

function customerRows(c: Classified, unapplied: Map<number, number>, customers: CustomerColumns, index: Map<number, number>, nBuckets: number, base: InBase | null) {
  const n = customers.id.length;
  const buckets = Array.from({ length: nBuckets }, () => new Array<number>(n).fill(0));
  const total = new Array<number>(n).fill(0);
  const baseBuckets = base ? Array.from({ length: nBuckets }, () => new Array<number>(n).fill(0)) : null;
  const baseTotal = base ? new Array<number>(n).fill(0) : null;
  const count = new Array<number>(n).fill(0);
  const maxDays = new Array<number>(n).fill(0);
  const worst = new Array<number>(n).fill(-1);
  const { customer, open } = c.invoices;
  for (let i = 0; i < open.length; i++) {
    const k = index.get(customer[i])!;
    buckets[c.bucket[i]][k] += open[i];
    total[k] += open[i];
    if (baseBuckets && baseTotal) {
      baseBuckets[c.bucket[i]][k] += base!.open[i];
      baseTotal[k] += base!.open[i];
    }
    count[k]++;
    if (c.days[i] > maxDays[k]) maxDays[k] = c.days[i];
    if (c.cls[i] > worst[k]) worst[k] = c.cls[i];
  }
  // One row per customer with anything open (invoices or unapplied credit), in code order.
  const keep: number[] = [];
  for (let k = 0; k < n; k++) if (count[k] > 0 || (unapplied.get(customers.id[k]) ?? 0) !== 0) keep.push(k);
  return {
    customer: keep,
    buckets: buckets.map((b) => keep.map((k) => b[k])),
    total: keep.map((k) => total[k]),
    unapplied: keep.map((k) => unapplied.get(customers.id[k]) ?? 0),
    net: keep.map((k) => total[k] - (unapplied.get(customers.id[k]) ?? 0)),
    invoices: keep.map((k) => count[k]),
    maxDays: keep.map((k) => maxDays[k]),
    worstClass: keep.map((k) => Math.max(0, worst[k])),
    ...(base && baseBuckets && baseTotal
      ? {
          base: {
            buckets: baseBuckets.map((b) => keep.map((k) => b[k])),
            total: keep.map((k) => baseTotal[k]),
            unapplied: keep.map((k) => base.unapplied.get(customers.id[k]) ?? 0),
            net: keep.map((k) => baseTotal[k] - (base.unapplied.get(customers.id[k]) ?? 0)),
          },
        }
      : {}),
  };
}

export async function agingView(db: Db, asOf: string, by: 'customer' | 'invoice', customerId?: number): Promise<AgingView> {
  const settings = await getAgingSettings(db);
  const [classified, unapplied, customers, company, cur] = await Promise.all([
    classify(db, asOf, settings, customerId, by === 'invoice'),
    liveUnapplied(db, asOf, customerId),
    customerColumns(db, customerId),
    getCompany(db),
    currencies(db),
  ]);
  const base = await inBase(db, asOf, classified, unapplied, cur, customerId);
  const view: AgingView = {
    asOf,
    by,
    customerId: customerId ?? null,
    settings,
    currency: company.baseCurrency,
    digits: currencyDigits(company.baseCurrency),
    customers: customers.columns,
    summary: summarise(classified, unapplied, settings, base),
    ...(base?.unrated ? { unrated: base.unrated } : {}),
  };
  if (by === 'invoice') view.invoices = invoiceColumns(classified, customers.index, base);
  else view.rows = customerRows(classified, unapplied, customers.columns, customers.index, settings.bucketBounds.length + 1, base);
  return view;
}
