/** The figures every letter and the dossier print, gathered once per case and date. */
import { addDays } from '../../../shared/dates';
import { currencyDigits, formatMoney } from '../../../shared/money';
import type { Db } from '../../db/tx';
import { getCompany } from '../../repos/company';
import { findCustomerById, toCustomer } from '../../repos/customers';
import { caseClaim } from '../claim';
import { formatRatePercent } from '../interest';
import { caseInvoiceIds, findCase } from '../repo';
import { getCollectionsSettings } from '../settings';
import type { LetterFacts } from './templates';

export const DEMAND_DAYS = 7;

export async function letterFacts(db: Db, caseId: number, asOf: string) {
  const c = await findCase(db, caseId);
  const settings = await getCollectionsSettings(db);
  const company = await getCompany(db);
  const customer = toCustomer((await findCustomerById(db, c.customer_id))!);
  const claim = await caseClaim(db, c, await caseInvoiceIds(db, caseId), asOf, settings);
  const digits = currencyDigits(customer.currency);
  // Disputed invoices leave the dunning flow until resolved.
  const lines = claim.lines.filter((l) => l.open > 0 && !l.disputed);
  const contacts = customer.contacts;
  const facts: LetterFacts = {
    company: company.name,
    companyAddress: company.address,
    customer: customer.name,
    customerCode: customer.code,
    contact: contacts.finance.name || contacts.original.name || contacts.decision.name,
    currency: customer.currency,
    asOf,
    deadline: addDays(asOf, DEMAND_DAYS),
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
  const email = contacts.finance.email || contacts.original.email || contacts.decision.email;
  return { c, customer, company, claim, facts, email, settings };
}
