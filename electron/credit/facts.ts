/**
 * Loads what the credit model reads, for all customers or one, as of a date: the invoices that
 * were open at some point of the look-back (from the open-item state, so invoices settled long
 * before are never read), their allocations with the kind of document each came from, and the
 * credit documents that were unapplied at the as-of date or the trend's earlier date.
 */
import { addDays } from '../../shared/dates';
import { lookBackStart, type CustomerFacts, type InvoiceFact } from '../../shared/credit/model';
import type { CreditSettings } from '../../shared/credit/settings';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { firstInvoiceDates } from './bulk';
import { loadCreditInputs } from './inputs';

export interface CustomerHead {
  id: number;
  code: string;
  name: string;
  salesperson: string;
  currency: string;
  credit_limit: number;
  payment_terms_days: number;
  status: string;
}

export interface LoadedFacts {
  customers: CustomerHead[];
  facts: Map<number, CustomerFacts>;
}

export async function loadFacts(db: Db, asOf: string, s: CreditSettings, customerId?: number): Promise<LoadedFacts> {
  const lo = lookBackStart(asOf, s);
  const creditsFrom = addDays(asOf, -s.trendDays);
  const one = customerId !== undefined;

  let customersQ = db.selectFrom('customers').select(['id', 'code', 'name', 'salesperson', 'currency', 'credit_limit', 'payment_terms_days', 'status']);
  if (one) customersQ = customersQ.where('id', '=', customerId);

  let invoicesQ = db
    .selectFrom('open_items as o')
    .innerJoin('documents as d', 'd.id', 'o.document_id')
    .select(['o.document_id', 'o.customer_id', 'o.date', 'o.due_date', 'o.amount', 'd.number'])
    .where('o.side', '=', 1)
    .where('d.kind', '=', 'invoice')
    .where('o.closed_from', '>', lo)
    .where('o.date', '<=', asOf);
  let allocsQ = db
    .selectFrom('open_items as o')
    .innerJoin('allocations as a', 'a.target_id', 'o.document_id')
    .innerJoin('documents as src', 'src.id', 'a.source_id')
    .select(['a.target_id', 'a.date', 'a.amount', 'src.kind'])
    .where('o.side', '=', 1)
    .where('o.closed_from', '>', lo)
    .where('o.date', '<=', asOf)
    .where('a.date', '<=', asOf);
  let creditsQ = db
    .selectFrom('open_items as o')
    .select(['o.document_id', 'o.customer_id', 'o.date', 'o.amount'])
    .where('o.side', '=', -1)
    .where('o.closed_from', '>', creditsFrom)
    .where('o.date', '<=', asOf);
  let creditAllocsQ = db
    .selectFrom('open_items as o')
    .innerJoin('allocations as a', 'a.source_id', 'o.document_id')
    .select(['a.source_id', 'a.date', 'a.amount'])
    .where('o.side', '=', -1)
    .where('o.closed_from', '>', creditsFrom)
    .where('o.date', '<=', asOf)
    .where('a.date', '<=', asOf);
  if (one) {
    invoicesQ = invoicesQ.where('o.customer_id', '=', customerId);
    allocsQ = allocsQ.where('o.customer_id', '=', customerId);
    creditsQ = creditsQ.where('o.customer_id', '=', customerId);
    creditAllocsQ = creditAllocsQ.where('o.customer_id', '=', customerId);
  }
  const [customers, invoices, allocs, credits, creditAllocs, inputs] = await Promise.all([
    customersQ.execute(),
    invoicesQ.execute(),
    allocsQ.execute(),
    creditsQ.execute(),
    creditAllocsQ.execute(),
    loadCreditInputs(db, one ? [customerId] : null, asOf, s.windowMonths),
  ]);

  const facts = new Map<number, CustomerFacts>();
  for (const c of customers) {
    facts.set(c.id, {
      customerId: c.id,
      digits: currencyDigits(c.currency),
      creditLimit: c.credit_limit,
      firstInvoiceDate: null,
      invoices: [],
      credits: [],
      pendingOrders: inputs.pendingOrders.get(c.id) ?? 0,
      brokenPromises: inputs.brokenPromises.get(c.id) ?? 0,
      openDisputes: inputs.openDisputes.get(c.id) ?? 0,
    });
  }
  const byId = new Map<number, InvoiceFact>();
  for (const r of invoices) {
    const f = facts.get(r.customer_id);
    if (!f) continue;
    const inv: InvoiceFact = { id: r.document_id, number: r.number, date: r.date, due: r.due_date, amount: r.amount, allocs: [] };
    byId.set(inv.id, inv);
    f.invoices.push(inv);
  }
  for (const a of allocs) byId.get(a.target_id)?.allocs.push({ date: a.date, amount: a.amount, kind: a.kind });

  const creditById = new Map<number, CustomerFacts['credits'][number]>();
  for (const r of credits) {
    const c = { date: r.date, amount: r.amount, allocs: [] as { date: string; amount: number }[] };
    creditById.set(r.document_id, c);
    facts.get(r.customer_id)?.credits.push(c);
  }
  for (const a of creditAllocs) creditById.get(a.source_id)?.allocs.push({ date: a.date, amount: a.amount });

  const firsts = await firstInvoiceDates(db, lo, customerId);
  for (const f of facts.values()) f.firstInvoiceDate = firsts.get(f.customerId) ?? null;
  return { customers, facts };
}
