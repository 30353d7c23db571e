/** What the case list and the case page show, assembled from the ledger and the case tables. */
import type { CaseDetail, CaseSummary, CloseReason, DebtorType, IssuedDocumentView, LetterStep, Stage, Temperament } from '../../shared/api/collections-types';
import type { Language } from '../../shared/domain';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { findCustomerById, toCustomer } from '../repos/customers';
import { caseClaim } from './claim';
import { evidenceViews } from './evidence';
import { promiseViews } from './promises';
import { caseInvoiceIds, findCase, overdueInvoices, type CaseRow } from './repo';
import { getCollectionsSettings } from './settings';
import { nextLetterFor } from './stages';
import { DEBTOR_TACTICS, TEMPERAMENT_TACTICS } from './tactics';
import { caseTimeline } from './timeline';

async function summary(db: Db, c: CaseRow, asOf: string): Promise<{ s: CaseSummary; invoiceIds: number[] }> {
  const settings = await getCollectionsSettings(db);
  const customer = (await findCustomerById(db, c.customer_id))!;
  const invoiceIds = await caseInvoiceIds(db, c.id);
  const [claim, promises] = await Promise.all([caseClaim(db, c, invoiceIds, asOf, settings), promiseViews(db, c.customer_id, asOf)]);
  const s: CaseSummary = {
    id: c.id,
    customerId: c.customer_id,
    customerCode: customer.code,
    customerName: customer.name,
    salesperson: customer.salesperson,
    currency: customer.currency,
    digits: currencyDigits(customer.currency),
    stage: c.stage as Stage,
    closeReason: c.close_reason as CloseReason | null,
    owner: c.owner,
    debtorType: c.debtor_type as DebtorType | null,
    temperament: c.temperament as Temperament | null,
    openedOn: c.opened_on,
    claim: claim.total,
    interest: claim.interest,
    nextAction: c.next_action,
    nextActionDate: c.next_action_date,
    limitationExpires: claim.limitation?.expires ?? null,
    brokenPromises: promises.filter((p) => p.status === 'broken' || p.status === 'partly_kept').length,
  };
  return { s, invoiceIds };
}

export async function listCases(db: Db, asOf: string, includeClosed: boolean): Promise<CaseSummary[]> {
  let q = db.selectFrom('collection_cases').selectAll().orderBy('id');
  if (!includeClosed) q = q.where('stage', '<>', 'closed');
  const rows = await q.execute();
  const out: CaseSummary[] = [];
  for (const r of rows) out.push((await summary(db, r, asOf)).s);
  return out;
}

export async function issuedDocuments(db: Db, caseId: number): Promise<IssuedDocumentView[]> {
  const rows = await db.selectFrom('case_documents').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as LetterStep,
    language: r.language as Language,
    date: r.date,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at,
  }));
}

export async function caseDetail(db: Db, id: number, asOf: string): Promise<CaseDetail> {
  const c = await findCase(db, id);
  const { s, invoiceIds } = await summary(db, c, asOf);
  const settings = await getCollectionsSettings(db);
  const customerRow = (await findCustomerById(db, c.customer_id))!;
  const customer = toCustomer(customerRow);
  const [claimDetail, promises, evidence, documents, timeline, overdue] = await Promise.all([
    caseClaim(db, c, invoiceIds, asOf, settings),
    promiseViews(db, c.customer_id, asOf),
    evidenceViews(db, id),
    issuedDocuments(db, id),
    caseTimeline(db, c, invoiceIds, asOf),
    overdueInvoices(db, c.customer_id, asOf),
  ]);
  const inCase = new Set(invoiceIds);
  return {
    ...s,
    customer: {
      code: customer.code,
      name: customer.name,
      contacts: customer.contacts,
      language: customer.language,
      paymentTermsDays: customer.paymentTermsDays,
      creditLimit: customer.creditLimit,
    },
    fees: c.fees,
    interestRatePpm: c.interest_rate_ppm,
    claimDetail,
    promises,
    evidence,
    documents,
    timeline,
    tactics: {
      debtorType: s.debtorType ? DEBTOR_TACTICS[s.debtorType] : null,
      temperament: s.temperament ? TEMPERAMENT_TACTICS[s.temperament] : null,
    },
    otherOpenInvoices: overdue.filter((o) => !inCase.has(o.id)).map((o) => ({ id: o.id, number: o.number, dueDate: o.due_date, open: o.open_amount })),
    nextLetter: nextLetterFor(s.stage, claimDetail.lines.some((l) => l.open > 0 && l.daysOverdue > 0)),
  };
}
