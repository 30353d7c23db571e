/** Issuing a demand letter (催款函) from the customer's overdue invoices as of a date, with interest to date. */
import type { IssueResult } from '../../shared/api/papers';
import { isIsoDate, todayIso } from '../../shared/dates';
import { divRoundHalfAway } from '../../shared/money';
import type { DemandLetterPaper } from '../pdf/types';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { agingReport } from '../services/aging';
import { localDay, paperBase, type IssueOptions } from './base';
import { nextNumber } from './numbering';
import { companyParty, requireCustomer } from './parties';
import { issueInTx, paperSummary } from './register';

/** Simple interest: open × rate per day × days, rounded half away from zero, never through a float. */
export function interestFor(open: number, bpPerDay: number, days: number): number {
  if (days <= 0 || bpPerDay <= 0) return 0;
  return Number(divRoundHalfAway(BigInt(open) * BigInt(bpPerDay) * BigInt(days), 10_000n));
}

export interface DemandInput extends IssueOptions {
  customerId: number;
  asOf?: string;
  deadline: string;
  interestBpPerDay: number;
}

export async function issueDemandLetter(db: Db, input: DemandInput, actor = currentActor()): Promise<IssueResult> {
  const asOf = input.asOf ?? todayIso();
  if (!isIsoDate(asOf)) throw new LedgerError('error.date', { value: asOf }, 'asOf');
  if (!isIsoDate(input.deadline)) throw new LedgerError('error.date', { value: input.deadline }, 'deadline');
  if (input.deadline < asOf) throw new LedgerError('error.deadlineBeforeDate', {}, 'deadline');
  const res = await writeTx(db, async (trx) => {
    const customer = await requireCustomer(trx, input.customerId);
    const report = await agingReport(trx, asOf, 'invoice', customer.id);
    const overdue = report.rows.filter((r) => (r.daysOverdue ?? 0) > 0 && r.total > 0);
    if (overdue.length === 0) throw new LedgerError('error.nothingOverdue', { code: customer.code }, 'customerId');
    const items = overdue.map((r) => ({
      number: r.invoiceNumber!,
      date: r.invoiceDate!,
      dueDate: r.dueDate!,
      open: r.total,
      daysOverdue: r.daysOverdue!,
      interest: interestFor(r.total, input.interestBpPerDay, r.daysOverdue!),
    }));
    const principal = items.reduce((s, i) => s + i.open, 0);
    const interest = items.reduce((s, i) => s + i.interest, 0);
    // Papers the customer signed for these debts: the evidence a demand letter cites.
    const ids = overdue.map((r) => r.invoiceId!);
    const signed = await trx
      .selectFrom('papers as p')
      .innerJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
      .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
      .select(['p.number', 'p.kind', 'p.source_document_id', 's.outcome'])
      .where('p.customer_id', '=', customer.id)
      .where('v.paper_id', 'is', null)
      .where('s.outcome', 'in', ['signed', 'confirmed'])
      .orderBy('p.issued_at')
      .execute();
    const evidence = signed.filter((p) => (p.kind === 'iou' && ids.includes(p.source_document_id ?? -1)) || p.kind === 'statement' || p.kind === 'price_confirmation').map((p) => p.number);
    const issuedAt = nowStamp();
    const number = await nextNumber(trx, 'demand_letter', localDay(issuedAt));
    const base = paperBase('demand_letter', number, customer, await companyParty(trx), issuedAt, input);
    const data: DemandLetterPaper = { ...base, kind: 'demand_letter', asOf, items, principal, interest, total: principal + interest, interestBpPerDay: input.interestBpPerDay, deadline: input.deadline, evidence };
    return issueInTx(trx, data, { amount: data.total, needsSignature: false, returnBy: null }, actor);
  });
  return { paper: await paperSummary(db, res.id), missingGlyphs: res.missing };
}
