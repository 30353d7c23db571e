/** Issuing the IOU (欠款确认书) for one delivery on credit: the invoice's open amount, due date and goods. */
import type { IssueResult } from '../../shared/api/papers';
import { addDays } from '../../shared/dates';
import type { GoodsLine, IouPaper } from '../pdf/types';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { localDay, paperBase, type IssueOptions } from './base';
import { nextNumber } from './numbering';
import { companyParty, requireCustomer } from './parties';
import { issueInTx, paperSummary } from './register';

export interface IouInput extends IssueOptions {
  documentId: number;
  interestBpPerDay?: number;
  returnDays?: number;
}

/** Inside the caller's write transaction (conversion of a price confirmation issues its IOU too). */
export async function issueIouInTx(trx: Db, input: IouInput, actor: string): Promise<{ id: number; missing: string[] }> {
  const doc = await trx.selectFrom('documents').selectAll().where('id', '=', input.documentId).executeTakeFirst();
  if (!doc || doc.kind !== 'invoice') throw new LedgerError('error.paperNotInvoice', { id: input.documentId }, 'documentId');
  const reversed = await trx.selectFrom('documents').select('id').where('reverses_id', '=', doc.id).executeTakeFirst();
  if (reversed) throw new LedgerError('error.alreadyReversed', { number: doc.number }, 'documentId');
  const existing = await trx
    .selectFrom('papers as p')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .select(['p.number'])
    .where('p.kind', '=', 'iou')
    .where('p.source_document_id', '=', doc.id)
    .where('v.voided_at', 'is', null)
    .executeTakeFirst();
  if (existing) throw new LedgerError('error.paperExists', { number: existing.number }, 'documentId');
  const open = await trx.selectFrom('open_items').select('open_amount').where('document_id', '=', doc.id).executeTakeFirst();
  const owed = open?.open_amount ?? doc.amount;
  if (owed <= 0) throw new LedgerError('error.paperNothingOwed', { number: doc.number }, 'documentId');

  // A delivery converted from a price confirmation carries its specs, units and interest clause.
  const conv = await trx
    .selectFrom('price_confirmation_conversions as c')
    .innerJoin('price_confirmations as pc', 'pc.id', 'c.price_confirmation_id')
    .select(['pc.id', 'pc.number', 'pc.interest_bp_per_day', 'pc.acceptance_person', 'pc.acceptance_criteria', 'pc.payment_method', 'pc.payment_responsible'])
    .where('c.document_id', '=', doc.id)
    .executeTakeFirst();
  let lines: GoodsLine[];
  if (conv) {
    const pcLines = await trx.selectFrom('price_confirmation_lines').selectAll().where('price_confirmation_id', '=', conv.id).orderBy('line_no').execute();
    lines = pcLines.map((l) => ({ item: l.item, spec: l.spec, unit: l.unit, quantityMilli: l.quantity_milli, unitPrice: l.unit_price, amount: l.amount }));
  } else {
    const docLines = await trx.selectFrom('document_lines').selectAll().where('document_id', '=', doc.id).orderBy('line_no').execute();
    lines = docLines.map((l) => ({ item: l.item, spec: '', unit: '', quantityMilli: l.quantity_milli, unitPrice: l.unit_price, amount: l.amount }));
  }
  const customer = await requireCustomer(trx, doc.customer_id);
  const issuedAt = nowStamp();
  const number = await nextNumber(trx, 'iou', localDay(issuedAt));
  const base = paperBase('iou', number, customer, await companyParty(trx), issuedAt, input);
  const data: IouPaper = {
    ...base,
    kind: 'iou',
    invoice: { number: doc.number, date: doc.date, amount: doc.amount, memo: doc.memo },
    lines,
    priceConfirmationNumber: conv?.number ?? null,
    amount: owed,
    dueDate: doc.due_date ?? doc.date,
    interestBpPerDay: input.interestBpPerDay ?? conv?.interest_bp_per_day ?? 5,
    returnBy: addDays(base.issuedOn, input.returnDays ?? 7),
    acceptancePerson: doc.acceptance_person ?? conv?.acceptance_person ?? '',
    acceptanceCriteria: doc.acceptance_criteria ?? conv?.acceptance_criteria ?? '',
    paymentMethod: doc.payment_method ?? conv?.payment_method ?? '',
    paymentResponsible: doc.payment_responsible ?? conv?.payment_responsible ?? '',
  };
  return issueInTx(trx, data, { sourceDocumentId: doc.id, amount: owed, needsSignature: true, returnBy: data.returnBy }, actor);
}

export async function issueIou(db: Db, input: IouInput, actor = currentActor()): Promise<IssueResult> {
  const res = await writeTx(db, (trx) => issueIouInTx(trx, input, actor));
  return { paper: await paperSummary(db, res.id), missingGlyphs: res.missing };
}
