/** Opening a case, editing its fields, moving its stage and changing its invoices: each one transaction with its timeline entry and audit row. */
import { addDays, isIsoDate, todayIso } from '../../shared/dates';
import type { CloseReason, DebtorType, Stage, Temperament } from '../../shared/api/collections-types';
import { currencyDigits } from '../../shared/money';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { findCustomerById } from '../repos/customers';
import { parseAmountField } from '../services/ledger';
import { parseRatePercent } from './interest';
import { findCase, insertEvent, openCaseOf, overdueInvoices } from './repo';

/** Days before the due date when reminding starts (到期前五天). */
export const REMIND_DAYS = 5;

export function requireDate(value: string, field: string): string {
  if (!isIsoDate(value)) throw new LedgerError('error.date', { value }, field);
  return value;
}

export interface OpenCaseOptions {
  date?: string;
  owner?: string;
  /** Known at opening (the CLI's --debtor-type / --temperament); otherwise set later on the case. */
  debtorType?: DebtorType | null;
  temperament?: Temperament | null;
}

export async function openCase(db: Db, customerId: number, opts: OpenCaseOptions = {}): Promise<number> {
  const date = requireDate(opts.date ?? todayIso(), 'date');
  return writeTx(db, async (trx) => {
    const customer = await findCustomerById(trx, customerId);
    if (!customer) throw new LedgerError('error.customerNotFound', { id: customerId }, 'customerId');
    if (await openCaseOf(trx, customerId)) throw new LedgerError('error.caseExists', { code: customer.code }, 'customerId');
    const now = nowStamp();
    const { id } = await trx
      .insertInto('collection_cases')
      .values({
        customer_id: customerId,
        opened_on: date,
        stage: 'reminder',
        owner: opts.owner ?? customer.salesperson,
        debtor_type: opts.debtorType ?? null,
        temperament: opts.temperament ?? null,
        next_action: '',
        fees: 0,
        created_at: now,
        created_by: currentActor(),
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Overdue invoices, and those falling due within the reminder window (the ladder starts before the due date).
    const invoices = await overdueInvoices(trx, customerId, date, addDays(date, REMIND_DAYS));
    for (const inv of invoices) await trx.insertInto('case_invoices').values({ case_id: id, document_id: inv.id, added_at: now }).execute();
    await insertEvent(trx, { caseId: id, date, kind: 'opened', summary: invoices.map((i) => i.number).join(', '), data: { invoices: invoices.map((i) => i.id) } });
    await audit(trx, { action: 'case.open', entity: 'collection_case', entityId: id, after: { customerId, invoices: invoices.length, owner: opts.owner ?? customer.salesperson, debtorType: opts.debtorType ?? null, temperament: opts.temperament ?? null } });
    return id;
  });
}

export interface CaseFields {
  debtorType: DebtorType | null;
  temperament: Temperament | null;
  owner: string;
  nextAction: string;
  nextActionDate: string | null;
  /** % a year, e.g. "5.5"; empty: the default rate. */
  interestRate: string;
  fees: string;
}

export async function updateCase(db: Db, id: number, f: CaseFields, date = todayIso()): Promise<void> {
  if (f.nextActionDate) requireDate(f.nextActionDate, 'nextActionDate');
  const rate = f.interestRate.trim() === '' ? null : parseRatePercent(f.interestRate);
  if (rate === null && f.interestRate.trim() !== '') throw new LedgerError('error.rate', { value: f.interestRate }, 'interestRate');
  await writeTx(db, async (trx) => {
    const before = await findCase(trx, id);
    const customer = (await findCustomerById(trx, before.customer_id))!;
    const fees = parseAmountField(f.fees || '0', currencyDigits(customer.currency), 'fees');
    const after = {
      debtor_type: f.debtorType,
      temperament: f.temperament,
      owner: f.owner,
      next_action: f.nextAction,
      next_action_date: f.nextActionDate || null,
      interest_rate_ppm: rate,
      fees,
    };
    await trx.updateTable('collection_cases').set({ ...after, updated_at: nowStamp() }).where('id', '=', id).execute();
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof typeof before] !== v));
    if (Object.keys(changed).length === 0) return;
    await insertEvent(trx, { caseId: id, date, kind: 'updated', summary: Object.keys(changed).join(', '), data: changed });
    await audit(trx, { action: 'case.update', entity: 'collection_case', entityId: id, before, after });
  });
}

export async function moveStage(db: Db, id: number, req: { stage: Stage; closeReason?: CloseReason; reason: string; date: string }): Promise<void> {
  requireDate(req.date, 'date');
  if (!req.reason.trim()) throw new LedgerError('error.whyRequired', {}, 'reason');
  if (req.stage === 'closed' && !req.closeReason) throw new LedgerError('error.closeReason', {}, 'closeReason');
  await writeTx(db, async (trx) => {
    const before = await findCase(trx, id);
    if (before.stage === req.stage) throw new LedgerError('error.sameStage', {}, 'stage');
    if (before.stage === 'closed' && (await openCaseOf(trx, before.customer_id))) {
      throw new LedgerError('error.caseExists', { code: String(before.customer_id) }, 'stage');
    }
    const closeReason = req.stage === 'closed' ? req.closeReason! : null;
    await trx.updateTable('collection_cases').set({ stage: req.stage, close_reason: closeReason, updated_at: nowStamp() }).where('id', '=', id).execute();
    await insertEvent(trx, { caseId: id, date: req.date, kind: 'stage', summary: req.reason, data: { from: before.stage, to: req.stage, closeReason } });
    await audit(trx, { action: 'case.stage', entity: 'collection_case', entityId: id, before: { stage: before.stage }, after: { stage: req.stage, closeReason, reason: req.reason } });
  });
}

/**
 * Adds invoices to a case and takes invoices out of it. The membership itself is current state;
 * the record is the timeline: each invoice added or removed is an append-only event with the
 * reason, who and when, plus one audit row. Taking an invoice out needs a reason.
 */
export async function changeInvoices(db: Db, id: number, req: { add: number[]; remove: number[]; reason: string; date: string }): Promise<void> {
  requireDate(req.date, 'date');
  if (req.remove.length > 0 && !req.reason.trim()) throw new LedgerError('error.whyRequired', {}, 'reason');
  if (req.add.length === 0 && req.remove.length === 0) return;
  await writeTx(db, async (trx) => {
    const c = await findCase(trx, id);
    for (const docId of req.add) {
      const doc = await trx.selectFrom('documents').select(['id', 'number', 'kind', 'customer_id']).where('id', '=', docId).executeTakeFirst();
      if (!doc || doc.kind !== 'invoice' || doc.customer_id !== c.customer_id) throw new LedgerError('error.documentNotFound', { id: docId }, 'add');
      const exists = await trx.selectFrom('case_invoices').select('document_id').where('case_id', '=', id).where('document_id', '=', docId).executeTakeFirst();
      if (exists) continue;
      await trx.insertInto('case_invoices').values({ case_id: id, document_id: docId, added_at: nowStamp() }).execute();
      await insertEvent(trx, { caseId: id, date: req.date, kind: 'invoice_added', summary: doc.number, outcome: req.reason, refId: docId });
    }
    for (const docId of req.remove) {
      const doc = await trx.selectFrom('documents').select(['number']).where('id', '=', docId).executeTakeFirst();
      const res = await trx.deleteFrom('case_invoices').where('case_id', '=', id).where('document_id', '=', docId).executeTakeFirst();
      if (!doc || Number(res.numDeletedRows) === 0) continue;
      await insertEvent(trx, { caseId: id, date: req.date, kind: 'invoice_removed', summary: doc.number, outcome: req.reason, refId: docId });
    }
    await audit(trx, { action: 'case.invoices', entity: 'collection_case', entityId: id, after: req });
  });
}
