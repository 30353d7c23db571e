/**
 * The signed copy comes back: when, who signed, a scan, and for a statement whether the balance
 * was confirmed or disputed (with the customer's figure and reason). A dispute stays open until
 * resolved by a credit note or a written note.
 */
import type { PaperDetail } from '../../shared/api/papers';
import { isIsoDate, todayIso } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { parseAmountField } from '../services/ledger';
import { localDay } from './base';
import { decodeScan, getFile, putFile } from './files';
import { paperDetail } from './register';

export interface SignBackInput {
  paperId: number;
  returnedOn: string;
  signedBy: string;
  outcome: 'signed' | 'confirmed' | 'disputed';
  customerAmount?: string;
  reason?: string;
  scan?: { name: string; base64: string };
}

export async function recordSignBack(db: Db, input: SignBackInput, actor = currentActor(), today = todayIso()): Promise<PaperDetail> {
  if (!isIsoDate(input.returnedOn)) throw new LedgerError('error.date', { value: input.returnedOn }, 'returnedOn');
  if (input.returnedOn > today) throw new LedgerError('error.dateInFuture', { value: input.returnedOn }, 'returnedOn');
  if (!input.signedBy.trim()) throw new LedgerError('error.required', { field: 'signedBy' }, 'signedBy');
  const scan = input.scan ? decodeScan(input.scan.base64) : null;
  await writeTx(db, async (trx) => {
    const p = await trx
      .selectFrom('papers as p')
      .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
      .leftJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
      .select(['p.id', 'p.kind', 'p.number', 'p.amount', 'p.currency', 'p.needs_signature', 'p.issued_at', 'v.voided_at', 's.id as sign_back_id'])
      .where('p.id', '=', input.paperId)
      .executeTakeFirst();
    if (!p) throw new LedgerError('error.paperNotFound', { id: input.paperId }, 'paperId');
    if (p.voided_at) throw new LedgerError('error.paperVoided', { number: p.number });
    if (!p.needs_signature) throw new LedgerError('error.paperNoSignature', { number: p.number });
    if (p.sign_back_id) throw new LedgerError('error.paperAlreadyReturned', { number: p.number });
    const issuedOn = localDay(p.issued_at);
    if (input.returnedOn < issuedOn) throw new LedgerError('error.returnedBeforeIssue', { date: issuedOn }, 'returnedOn');
    const isStatement = p.kind === 'statement';
    if (isStatement !== (input.outcome !== 'signed')) throw new LedgerError('error.signBackOutcome', {}, 'outcome');
    let customerAmount: number | null = null;
    let disputed: number | null = null;
    const reason = (input.reason ?? '').trim();
    if (input.outcome === 'disputed') {
      if (!reason) throw new LedgerError('error.reasonRequired', {}, 'reason');
      customerAmount = parseAmountField(input.customerAmount ?? '', currencyDigits(p.currency), 'customerAmount');
      disputed = p.amount - customerAmount;
      if (disputed === 0) throw new LedgerError('error.disputeNoDifference', {}, 'customerAmount');
    }
    const scanHash = scan ? await putFile(trx, scan.bytes, scan.mime) : null;
    const row = await trx
      .insertInto('paper_sign_backs')
      .values({
        paper_id: p.id,
        returned_on: input.returnedOn,
        signed_by: input.signedBy.trim(),
        outcome: input.outcome,
        customer_amount: customerAmount,
        disputed_amount: disputed,
        reason,
        scan_sha256: scanHash,
        scan_name: scan ? (input.scan?.name ?? 'scan').slice(0, 200) : null,
        recorded_at: nowStamp(),
        recorded_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { action: 'paper.signback', entity: 'paper', entityId: p.id, after: { signBackId: row.id, number: p.number, outcome: input.outcome, disputed, scan: scanHash } }, actor);
  });
  return paperDetail(db, input.paperId);
}

export interface ResolveInput {
  signBackId: number;
  resolvedOn: string;
  how: 'credit_note' | 'note';
  creditNoteNumber?: string;
  note: string;
}

export async function resolveDispute(db: Db, input: ResolveInput, actor = currentActor()): Promise<PaperDetail> {
  if (!isIsoDate(input.resolvedOn)) throw new LedgerError('error.date', { value: input.resolvedOn }, 'resolvedOn');
  if (!input.note.trim()) throw new LedgerError('error.required', { field: 'note' }, 'note');
  const paperId = await writeTx(db, async (trx) => {
    const s = await trx
      .selectFrom('paper_sign_backs as s')
      .innerJoin('papers as p', 'p.id', 's.paper_id')
      .leftJoin('paper_dispute_resolutions as r', 'r.sign_back_id', 's.id')
      .select(['s.id', 's.outcome', 'p.id as paper_id', 'p.customer_id', 'p.number', 'r.sign_back_id as resolved'])
      .where('s.id', '=', input.signBackId)
      .executeTakeFirst();
    if (!s) throw new LedgerError('error.signBackNotFound', { id: input.signBackId }, 'signBackId');
    if (s.outcome !== 'disputed') throw new LedgerError('error.paperNotDisputed', { number: s.number });
    if (s.resolved) throw new LedgerError('error.disputeResolved', { number: s.number });
    let creditId: number | null = null;
    if (input.how === 'credit_note') {
      const doc = await trx
        .selectFrom('documents')
        .select('id')
        .where('customer_id', '=', s.customer_id)
        .where('kind', '=', 'credit_note')
        .where('number', '=', input.creditNoteNumber ?? '')
        .executeTakeFirst();
      if (!doc) throw new LedgerError('error.unknownCreditNote', { number: input.creditNoteNumber ?? '' }, 'creditNoteNumber');
      creditId = doc.id;
    }
    await trx
      .insertInto('paper_dispute_resolutions')
      .values({ sign_back_id: s.id, resolved_on: input.resolvedOn, how: input.how, credit_document_id: creditId, note: input.note.trim(), resolved_at: nowStamp(), resolved_by: actor })
      .execute();
    await audit(trx, { action: 'paper.dispute.resolve', entity: 'paper', entityId: s.paper_id, after: { number: s.number, how: input.how, creditDocumentId: creditId, note: input.note.trim() } }, actor);
    return s.paper_id;
  });
  return paperDetail(db, paperId);
}

/** The scan attached to a paper's sign-back, checked against its hash. */
export async function signBackScan(db: Db, paperId: number): Promise<{ fileName: string; sha256: string; base64: string; mime: string }> {
  const s = await db
    .selectFrom('paper_sign_backs as s')
    .innerJoin('papers as p', 'p.id', 's.paper_id')
    .select(['s.scan_sha256', 's.scan_name', 'p.number'])
    .where('s.paper_id', '=', paperId)
    .executeTakeFirst();
  if (!s?.scan_sha256) throw new LedgerError('error.noScan', {}, 'id');
  const f = await getFile(db, s.scan_sha256);
  const ext = f.mime === 'application/pdf' ? 'pdf' : f.mime === 'image/png' ? 'png' : 'jpg';
  return { fileName: `${s.number}-signed.${ext}`.replace(/[^\w.\-]+/g, '_'), sha256: s.scan_sha256, base64: f.bytes.toString('base64'), mime: f.mime };
}

/** Open (unresolved) statement disputes per customer, in minor units: the credit model counts them. */
export async function openDisputes(db: Db, customerIds: number[] | null): Promise<Map<number, number>> {
  let q = db
    .selectFrom('paper_sign_backs as s')
    .innerJoin('papers as p', 'p.id', 's.paper_id')
    .leftJoin('paper_dispute_resolutions as r', 'r.sign_back_id', 's.id')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .select((eb) => ['p.customer_id', eb.fn.sum<number>('s.disputed_amount').as('total')])
    .where('s.outcome', '=', 'disputed')
    .where('r.sign_back_id', 'is', null)
    .where('v.paper_id', 'is', null)
    .groupBy('p.customer_id');
  if (customerIds) q = q.where('p.customer_id', 'in', customerIds.length ? customerIds : [-1]);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.customer_id, Math.abs(Number(r.total))]));
}
