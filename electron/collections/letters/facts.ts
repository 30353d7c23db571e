/** The figures every letter and the dossier print, gathered once per case and date. */
import { addDays, daysBetween } from '../../../shared/dates';
import { currencyDigits, formatMoney } from '../../../shared/money';
import type { Db } from '../../db/tx';
import { LedgerError } from '../../errors';
import { getCompany } from '../../repos/company';
import { findCustomerById, toCustomer } from '../../repos/customers';
import { caseClaim } from '../claim';
import { formatRatePercent } from '../interest';
import { caseInvoiceIds, findCase, openCaseOf } from '../repo';
import { getCollectionsSettings } from '../settings';
import type { LetterFacts } from './templates';

export const DEMAND_DAYS = 7;

/** Who writes to whom, and the deadline: the same in a case's letters and a customer's. */
function partyFacts(company: Awaited<ReturnType<typeof getCompany>>, customer: ReturnType<typeof toCustomer>, asOf: string) {
  const contacts = customer.contacts;
  return {
    company: company.name,
    companyAddress: company.address,
    customer: customer.name,
    customerCode: customer.code,
    contact: contacts.finance.name || contacts.original.name || contacts.decision.name,
    currency: customer.currency,
    asOf,
    deadline: addDays(asOf, DEMAND_DAYS),
  };
}

export async function letterFacts(db: Db, caseId: number, asOf: string) {
  const c = await findCase(db, caseId);
  const settings = await getCollectionsSettings(db);
  const company = await getCompany(db);
  const customer = toCustomer((await findCustomerById(db, c.customer_id))!);
  const claim = await caseClaim(db, c, await caseInvoiceIds(db, caseId), asOf, settings);
  const digits = currencyDigits(customer.currency);
  // Disputed invoices leave the dunning flow until resolved.
  const lines = claim.lines.filter((l) => l.open > 0 && !l.disputed);
  const facts: LetterFacts = {
    ...partyFacts(company, customer, asOf),
    invoices: lines.map((l) => ({ number: l.number, date: l.date, dueDate: l.dueDate, open: l.open, daysOverdue: l.daysOverdue, interest: l.interest })),
    principal: lines.reduce((s, l) => s + l.open, 0),
    interest: lines.reduce((s, l) => s + l.interest, 0),
    fees: claim.fees,
    ratePercent: formatRatePercent(claim.ratePpm),
    fmt: (a) => formatMoney(a, digits),
    owner: c.owner,
    stage: c.stage,
    limitationExpires: claim.limitation?.expires ?? null,
  };
  const { contacts } = customer;
  const email = contacts.finance.email || contacts.original.email || contacts.decision.email;
  return { c, customer, company, claim, facts, email, settings };
}

/**
 * Facts for a customer as of a date, for previewing a template in Settings: its open case's when
 * it has one, else its open invoices (no interest, no case owner). Nothing is written.
 */
export async function customerLetterFacts(db: Db, customerId: number, asOf: string): Promise<LetterFacts> {
  const row = await findCustomerById(db, customerId);
  if (!row) throw new LedgerError('error.customerNotFound', { id: customerId }, 'customerId');
  const open = await openCaseOf(db, customerId);
  if (open) return (await letterFacts(db, open.id, asOf)).facts;
  const customer = toCustomer(row);
  const company = await getCompany(db);
  const digits = currencyDigits(customer.currency);
  const invoices = await db
    .selectFrom('open_items as o')
    .innerJoin('documents as d', 'd.id', 'o.document_id')
    .select(['d.number', 'd.date', 'o.due_date', 'o.open_amount'])
    .where('o.customer_id', '=', customerId)
    .where('o.side', '=', 1)
    .where('d.kind', '=', 'invoice')
    .where('o.open_amount', '>', 0)
    .where('d.date', '<=', asOf)
    .orderBy('o.due_date')
    .orderBy('d.id')
    .limit(50)
    .execute();
  const lines = invoices.map((i) => ({ number: i.number, date: i.date, dueDate: i.due_date, open: i.open_amount, daysOverdue: Math.max(0, daysBetween(i.due_date, asOf)), interest: 0 }));
  return {
    ...partyFacts(company, customer, asOf),
    invoices: lines,
    principal: lines.reduce((s, l) => s + l.open, 0),
    interest: 0,
    fees: 0,
    ratePercent: '',
    fmt: (a) => formatMoney(a, digits),
    owner: '',
    stage: '',
    limitationExpires: null,
  };
}
