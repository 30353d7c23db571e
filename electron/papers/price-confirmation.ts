/**
 * The sales flow on paper: a price confirmation (供货价格确认书) is created and printed, comes back
 * signed, becomes an invoice posted to the ledger, and that delivery gets its IOU.
 */
import type { IssueResult, PcCreateInput, PriceConfirmationView } from '../../shared/api/papers';
import { addDays, isIsoDate } from '../../shared/dates';
import type { PostResult } from '../../shared/domain';
import { currencyDigits, lineAmount, parseQuantity, toDecimalString } from '../../shared/money';
import type { PriceConfirmationPaper } from '../pdf/types';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { parseAmountField, postInvoice, type InvoiceInput } from '../services/ledger';
import { localDay, paperBase } from './base';
import { creditCheck } from './credit-seam';
import { nextNumber } from './numbering';
import { companyParty, requireCustomer } from './parties';
import { issueInTx, paperSummary } from './register';
import { issueIou } from './iou';
import { recordSignBack } from './sign-back';

function requireDate(value: string | undefined, field: string) {
  if (value !== undefined && !isIsoDate(value)) throw new LedgerError('error.date', { value }, field);
}

export async function createPriceConfirmation(db: Db, input: PcCreateInput, actor = currentActor()): Promise<IssueResult> {
  requireDate(input.date, 'date');
  requireDate(input.paymentDeadline, 'paymentDeadline');
  requireDate(input.deliveryDate, 'deliveryDate');
  if (input.paymentDeadline && input.paymentDeadline < input.date) throw new LedgerError('error.dueBeforeDate', {}, 'paymentDeadline');
  const res = await writeTx(db, async (trx) => {
    const customer = await requireCustomer(trx, input.customerId);
    const digits = currencyDigits(customer.currency);
    const lines = input.lines.map((l, i) => {
      const quantityMilli = parseQuantity(l.quantity);
      if (quantityMilli === null || quantityMilli <= 0) throw new LedgerError('error.quantity', { value: l.quantity }, `lines.${i}.quantity`);
      const unitPrice = parseAmountField(l.unitPrice, digits, `lines.${i}.unitPrice`);
      return { item: l.item, spec: l.spec, unit: l.unit, quantityMilli, unitPrice, amount: lineAmount(quantityMilli, unitPrice) as number };
    });
    const total = lines.reduce((s, l) => s + l.amount, 0);
    if (total <= 0) throw new LedgerError('error.amountPositive', {}, 'lines');
    const issuedAt = nowStamp();
    const number = await nextNumber(trx, 'price_confirmation', localDay(issuedAt));
    // The credit seam: goods promised on credit are checked before the paper exists.
    const pass = await creditCheck(trx, { customerId: customer.id, amount: total, date: input.date, context: 'confirmation', reference: number, override: input.override });
    const pc = await trx
      .insertInto('price_confirmations')
      .values({
        number,
        customer_id: customer.id,
        date: input.date,
        currency: customer.currency,
        total,
        payment_method: input.paymentMethod,
        payment_terms: input.paymentTerms,
        payment_deadline: input.paymentDeadline ?? null,
        delivery_date: input.deliveryDate ?? null,
        delivery_address: input.deliveryAddress,
        interest_bp_per_day: input.interestBpPerDay,
        acceptance_person: input.acceptancePerson,
        acceptance_criteria: input.acceptanceCriteria,
        payment_responsible: input.paymentResponsible,
        notes: input.notes,
        created_at: issuedAt,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('price_confirmation_lines')
      .values(lines.map((l, i) => ({ price_confirmation_id: pc.id, line_no: i + 1, item: l.item, spec: l.spec, unit: l.unit, quantity_milli: l.quantityMilli, unit_price: l.unitPrice, amount: l.amount })))
      .execute();
    await audit(trx, { action: 'price_confirmation.create', entity: 'price_confirmation', entityId: pc.id, after: { number, customerId: customer.id, total, lines: lines.length } }, actor);
    const base = paperBase('price_confirmation', number, customer, await companyParty(trx), issuedAt, input);
    const data: PriceConfirmationPaper = {
      ...base,
      kind: 'price_confirmation',
      date: input.date,
      lines,
      total,
      paymentTerms: input.paymentTerms,
      paymentDeadline: input.paymentDeadline ?? null,
      deliveryDate: input.deliveryDate ?? null,
      deliveryAddress: input.deliveryAddress,
      interestBpPerDay: input.interestBpPerDay,
      acceptancePerson: input.acceptancePerson,
      acceptanceCriteria: input.acceptanceCriteria,
      paymentMethod: input.paymentMethod,
      paymentResponsible: input.paymentResponsible,
      notes: input.notes,
    };
    const issued = await issueInTx(trx, data, { priceConfirmationId: pc.id, amount: total, needsSignature: true, returnBy: addDays(base.issuedOn, 7) }, actor);
    await pass?.record(null, actor);
    return issued;
  });
  return { paper: await paperSummary(db, res.id), missingGlyphs: res.missing };
}

async function pcState(db: Db, id: number) {
  const pc = await db.selectFrom('price_confirmations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!pc) throw new LedgerError('error.priceConfirmationNotFound', { id }, 'id');
  const paper = await db
    .selectFrom('papers as p')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .leftJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
    .select(['p.id', 'v.voided_at', 's.id as sign_back_id'])
    .where('p.price_confirmation_id', '=', id)
    .executeTakeFirstOrThrow();
  const conv = await db
    .selectFrom('price_confirmation_conversions as c')
    .innerJoin('documents as d', 'd.id', 'c.document_id')
    .select(['c.document_id', 'd.number'])
    .where('c.price_confirmation_id', '=', id)
    .executeTakeFirst();
  return { pc, paperId: paper.id, voided: paper.voided_at !== null, signed: paper.sign_back_id !== null, conversion: conv ?? null };
}

export interface ConvertInput {
  id: number;
  invoiceNumber: string;
  date: string;
  dueDate?: string;
  issueIou: boolean;
  paperSize?: 'A4' | 'LETTER';
  override?: { reason: string };
}

/**
 * Posts the signed confirmation as an invoice (postInvoice: the ledger's one posting path, with
 * its own credit check), records the conversion and issues the delivery's IOU. The invoice memo
 * names the confirmation, so a conversion interrupted after posting is completed, not repeated.
 */
export async function convertPriceConfirmation(db: Db, input: ConvertInput, actor = currentActor()): Promise<{ invoice: PostResult; iou: IssueResult | null }> {
  const st = await pcState(db, input.id);
  if (st.voided) throw new LedgerError('error.paperVoided', { number: st.pc.number });
  if (!st.signed) throw new LedgerError('error.priceConfirmationUnsigned', { number: st.pc.number });
  if (st.conversion) throw new LedgerError('error.priceConfirmationConverted', { number: st.pc.number, invoice: st.conversion.number });
  const memo = `${st.pc.number}${st.pc.notes ? ` ${st.pc.notes}` : ''}`;
  const earlier = await db
    .selectFrom('documents')
    .select(['id', 'number'])
    .where('customer_id', '=', st.pc.customer_id)
    .where('kind', '=', 'invoice')
    .where('memo', '=', memo)
    .where('amount', '=', st.pc.total)
    .executeTakeFirst();
  let invoice: PostResult;
  if (earlier) invoice = { documentId: earlier.id, number: earlier.number, allocations: 0 };
  else {
    const digits = currencyDigits(st.pc.currency);
    const lines = await db.selectFrom('price_confirmation_lines').selectAll().where('price_confirmation_id', '=', st.pc.id).orderBy('line_no').execute();
    const req: InvoiceInput & { override?: { reason: string } } = {
      customerId: st.pc.customer_id,
      number: input.invoiceNumber,
      date: input.date,
      dueDate: input.dueDate ?? st.pc.payment_deadline ?? undefined,
      lines: lines.map((l) => ({ item: [l.item, l.spec].filter(Boolean).join(' '), quantity: toDecimalString(l.quantity_milli, 3), unitPrice: toDecimalString(l.unit_price, digits) })),
      memo,
      acceptancePerson: st.pc.acceptance_person,
      acceptanceCriteria: st.pc.acceptance_criteria,
      paymentMethod: st.pc.payment_method,
      paymentDate: st.pc.payment_deadline ?? undefined,
      paymentResponsible: st.pc.payment_responsible,
      ...(input.override ? { override: input.override } : {}),
    };
    if (req.dueDate && req.dueDate < input.date) req.dueDate = undefined; // terms from the customer then
    invoice = await postInvoice(db, req, actor);
  }
  await writeTx(db, async (trx) => {
    await trx.insertInto('price_confirmation_conversions').values({ price_confirmation_id: st.pc.id, document_id: invoice.documentId, converted_at: nowStamp(), converted_by: actor }).execute();
    await audit(trx, { action: 'price_confirmation.convert', entity: 'price_confirmation', entityId: st.pc.id, after: { number: st.pc.number, invoice: invoice.number, documentId: invoice.documentId } }, actor);
  });
  const iou = input.issueIou ? await issueIou(db, { documentId: invoice.documentId, paperSize: input.paperSize }, actor) : null;
  return { invoice, iou };
}

export async function listPriceConfirmations(db: Db, f: { customerId?: number; limit?: number }): Promise<PriceConfirmationView[]> {
  let q = db
    .selectFrom('price_confirmations as pc')
    .innerJoin('papers as p', 'p.price_confirmation_id', 'pc.id')
    .innerJoin('customers as cu', 'cu.id', 'pc.customer_id')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .leftJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
    .leftJoin('price_confirmation_conversions as c', 'c.price_confirmation_id', 'pc.id')
    .leftJoin('documents as d', 'd.id', 'c.document_id')
    .select(['pc.id', 'pc.number', 'p.id as paper_id', 'pc.customer_id', 'cu.code as customer_code', 'cu.name as customer_name', 'pc.date', 'pc.total', 'pc.currency', 'v.voided_at', 's.id as sign_back_id', 'd.number as invoice_number'])
    .orderBy('pc.id', 'desc')
    .limit(f.limit ?? 500);
  if (f.customerId) q = q.where('pc.customer_id', '=', f.customerId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    paperId: r.paper_id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    date: r.date,
    total: r.total,
    currency: r.currency,
    digits: currencyDigits(r.currency),
    status: r.invoice_number ? 'converted' : r.voided_at ? 'voided' : r.sign_back_id ? 'signed' : 'awaiting',
    invoiceNumber: r.invoice_number ?? null,
  }));
}

/** Confirmed (signed) orders not yet delivered, per customer: the credit model counts them. */
export async function pendingOrders(db: Db, customerIds: number[] | null): Promise<Map<number, number>> {
  let q = db
    .selectFrom('price_confirmations as pc')
    .innerJoin('papers as p', 'p.price_confirmation_id', 'pc.id')
    .innerJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .leftJoin('price_confirmation_conversions as c', 'c.price_confirmation_id', 'pc.id')
    .select((eb) => ['pc.customer_id', eb.fn.sum<number>('pc.total').as('total')])
    .where('v.voided_at', 'is', null)
    .where('c.document_id', 'is', null)
    .groupBy('pc.customer_id');
  if (customerIds) q = q.where('pc.customer_id', 'in', customerIds.length ? customerIds : [-1]);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.customer_id, Number(r.total)]));
}

/** Marking a confirmation signed is recording the return of its paper. */
export async function signPriceConfirmation(
  db: Db,
  input: { id: number; returnedOn: string; signedBy: string; scan?: { name: string; base64: string } },
  actor = currentActor(),
) {
  const st = await pcState(db, input.id);
  return recordSignBack(db, { paperId: st.paperId, returnedOn: input.returnedOn, signedBy: input.signedBy, outcome: 'signed', scan: input.scan }, actor);
}
