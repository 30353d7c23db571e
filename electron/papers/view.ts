/** Register rows as the API shows them: a status derived from the facts recorded about each paper. */
import type { PaperKindName, PaperStatus, PaperSummary } from '../../shared/api/papers';
import { todayIso } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';

export function paperQuery(db: Db) {
  return db
    .selectFrom('papers as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .leftJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
    .leftJoin('paper_dispute_resolutions as r', 'r.sign_back_id', 's.id')
    .select([
      'p.id',
      'p.kind',
      'p.number',
      'p.customer_id',
      'c.code as customer_code',
      'c.name as customer_name',
      'p.language',
      'p.paper_size',
      'p.period',
      'p.amount',
      'p.currency',
      'p.issued_at',
      'p.issued_by',
      'p.return_by',
      'p.needs_signature',
      'p.pdf_sha256',
      'p.pages',
      'p.price_confirmation_id',
      'p.source_document_id',
      'v.voided_at',
      's.outcome',
      'r.resolved_on',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof paperQuery>['execute']>>[number];

export function statusOf(r: Pick<Row, 'voided_at' | 'outcome' | 'resolved_on' | 'needs_signature' | 'return_by'>, today = todayIso()): PaperStatus {
  if (r.voided_at) return 'voided';
  if (r.outcome === 'disputed') return r.resolved_on ? 'resolved' : 'disputed';
  if (r.outcome) return r.outcome as PaperStatus;
  if (!r.needs_signature) return 'issued';
  return r.return_by && r.return_by < today ? 'overdue' : 'awaiting';
}

export function toSummary(r: Row, today = todayIso()): PaperSummary {
  return {
    id: r.id,
    kind: r.kind as PaperKindName,
    number: r.number,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    language: r.language as 'en' | 'zh',
    paperSize: r.paper_size as 'A4' | 'LETTER',
    period: r.period,
    amount: r.amount,
    currency: r.currency,
    digits: currencyDigits(r.currency),
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    returnBy: r.return_by,
    status: statusOf(r, today),
    sha256: r.pdf_sha256,
    pages: r.pages,
    priceConfirmationId: r.price_confirmation_id,
    sourceDocumentId: r.source_document_id,
  };
}
