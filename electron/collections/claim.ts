/**
 * The claim of a case as of a date: per invoice the open principal, late interest and the
 * limitation clock; then the totals with fees.
 */
import { daysBetween } from '../../shared/dates';
import type { Claim, ClaimLine, CollectionsSettings, LimitationRestart } from '../../shared/api/collections-types';
import type { Db } from '../db/tx';
import { lateInterest } from './interest';
import { limitationStatus } from './limitation';
import { customerPapers, paperInterruptions } from './papers-bridge';
import { disputeStates, type CaseRow } from './repo';

/** Evidence that interrupts the limitation period (signed, written or recorded acknowledgements, proof of a demand sent). */
export const INTERRUPTING_EVIDENCE = ['iou', 'signed_statement', 'promise_written', 'promise_recording', 'posting_receipt'] as const;

export interface InvoiceFacts {
  id: number;
  number: string;
  date: string;
  dueDate: string;
  amount: number;
  allocations: { date: string; amount: number; sourceKind: string; sourceNumber: string }[];
}

export async function loadInvoiceFacts(db: Db, invoiceIds: number[], asOf: string): Promise<InvoiceFacts[]> {
  if (invoiceIds.length === 0) return [];
  const [docs, allocs] = await Promise.all([
    db
      .selectFrom('documents as d')
      .innerJoin('open_items as o', 'o.document_id', 'd.id')
      .select(['d.id', 'd.number', 'd.date', 'o.due_date', 'd.amount'])
      .where('d.id', 'in', invoiceIds)
      .orderBy('o.due_date')
      .orderBy('d.id')
      .execute(),
    db
      .selectFrom('allocations as a')
      .innerJoin('documents as s', 's.id', 'a.source_id')
      .select(['a.target_id', 'a.date', 'a.amount', 's.kind', 's.number'])
      .where('a.target_id', 'in', invoiceIds)
      .where('a.date', '<=', asOf)
      .orderBy('a.date')
      .orderBy('a.id')
      .execute(),
  ]);
  return docs.map((d) => ({
    id: d.id,
    number: d.number,
    date: d.date,
    dueDate: d.due_date,
    amount: d.amount,
    allocations: allocs.filter((a) => a.target_id === d.id).map((a) => ({ date: a.date, amount: a.amount, sourceKind: a.kind, sourceNumber: a.number })),
  }));
}

export interface Interruption extends LimitationRestart {
  invoiceId: number | null;
}

/** Promises in writing or on record, interrupting evidence, and signed IOUs and statements of one customer. */
export async function customerInterruptions(db: Db, customerId: number, asOf: string): Promise<Interruption[]> {
  const [promises, evidence, papers] = await Promise.all([
    db
      .selectFrom('promises')
      .select(['made_on', 'promised_by', 'how', 'document_id'])
      .where('customer_id', '=', customerId)
      .where('how', 'in', ['written', 'recorded'])
      .where('made_on', '<=', asOf)
      .execute(),
    db
      .selectFrom('evidence')
      .select(['evidence_date', 'seq', 'kind', 'description', 'document_id'])
      .where('customer_id', '=', customerId)
      .where('kind', 'in', [...INTERRUPTING_EVIDENCE])
      .where('evidence_date', '<=', asOf)
      .execute(),
    customerPapers(db, customerId, asOf),
  ]);
  return [
    ...promises.map((p) => ({ date: p.made_on, kind: 'promise' as const, label: p.promised_by, invoiceId: p.document_id })),
    ...evidence.map((e) => ({ date: e.evidence_date, kind: 'evidence' as const, label: `E${String(e.seq).padStart(2, '0')} ${e.description}`, invoiceId: e.document_id })),
    ...paperInterruptions(papers),
  ];
}

export function claimLine(
  f: InvoiceFacts,
  asOf: string,
  ratePpm: number,
  settings: CollectionsSettings,
  interruptions: readonly Interruption[],
  dispute: { open: boolean; reason: string } | undefined,
): ClaimLine {
  const paid = f.allocations.reduce((s, a) => s + a.amount, 0);
  const open = f.amount - paid;
  const { interest } = lateInterest({ amount: f.amount, dueDate: f.dueDate, asOf, ratePpm, changes: f.allocations });
  const restarts: LimitationRestart[] = [
    ...f.allocations.filter((a) => a.amount > 0 && a.sourceKind === 'receipt').map((a) => ({ date: a.date, kind: 'part_payment' as const, label: a.sourceNumber })),
    ...interruptions.filter((i) => (i.invoiceId === null ? i.date >= f.date : i.invoiceId === f.id)).map(({ invoiceId: _i, ...r }) => r),
  ];
  return {
    invoiceId: f.id,
    number: f.number,
    date: f.date,
    dueDate: f.dueDate,
    amount: f.amount,
    open,
    daysOverdue: Math.max(0, daysBetween(f.dueDate, asOf)),
    interest: open > 0 || interest > 0 ? interest : 0,
    disputed: dispute?.open ?? false,
    disputeReason: dispute?.open ? dispute.reason : null,
    limitation: limitationStatus(f.dueDate, restarts, asOf, settings.limitationYears, settings.warnDays),
  };
}

export async function caseClaim(db: Db, c: CaseRow, invoiceIds: number[], asOf: string, settings: CollectionsSettings): Promise<Claim> {
  const ratePpm = c.interest_rate_ppm ?? settings.defaultRatePpm;
  const [facts, interruptions, disputes] = await Promise.all([
    loadInvoiceFacts(db, invoiceIds, asOf),
    customerInterruptions(db, c.customer_id, asOf),
    disputeStates(db, c.customer_id),
  ]);
  const lines = facts.map((f) => claimLine(f, asOf, ratePpm, settings, interruptions, disputes.get(f.id)));
  const principal = lines.reduce((s, l) => s + l.open, 0);
  const interest = lines.reduce((s, l) => s + l.interest, 0);
  const live = lines.filter((l) => l.open > 0);
  const limitation = live.length ? live.map((l) => l.limitation).reduce((a, b) => (b.expires < a.expires ? b : a)) : null;
  return { asOf, ratePpm, rateIsContract: c.interest_rate_ppm !== null, lines, principal, interest, fees: c.fees, total: principal + interest + c.fees, limitation };
}
