/**
 * The register of issued papers: a paper is rendered once, its PDF stored with its SHA-256 and the
 * data it was made from, and from then on only read. Reprints return the stored bytes.
 */
import type { PaperDetail, PaperPdf, PaperSummary } from '../../shared/api/papers';
import { todayIso } from '../../shared/dates';
import { renderPaper } from '../pdf/paper-doc';
import type { PaperData, PaperImages } from '../pdf/types';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { getFile, putFile, sha256 } from './files';
import { paperImages } from './parties';
import { paperQuery, toSummary } from './view';

export interface PaperLinks {
  period?: string | null;
  sourceDocumentId?: number | null;
  priceConfirmationId?: number | null;
  amount: number;
  needsSignature: boolean;
  returnBy: string | null;
}

/** Stores an already rendered paper in the caller's transaction; returns its id. */
export async function storePaper(trx: Db, data: PaperData, pdf: Uint8Array, pages: number, links: PaperLinks, actor: string): Promise<number> {
  const hash = await putFile(trx, pdf, 'application/pdf');
  const row = await trx
    .insertInto('papers')
    .values({
      kind: data.kind,
      number: data.number,
      customer_id: data.customer.id,
      language: data.language,
      paper_size: data.paperSize,
      period: links.period ?? null,
      source_document_id: links.sourceDocumentId ?? null,
      price_confirmation_id: links.priceConfirmationId ?? null,
      amount: links.amount,
      currency: data.currency,
      needs_signature: links.needsSignature ? 1 : 0,
      return_by: links.returnBy,
      data_json: JSON.stringify(data),
      pdf_sha256: hash,
      pages,
      issued_at: data.issuedAt,
      issued_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, { action: `paper.issue`, entity: 'paper', entityId: row.id, after: { kind: data.kind, number: data.number, customerId: data.customer.id, sha256: hash, amount: links.amount } }, actor);
  return row.id;
}

/** Renders and stores in one write transaction: the number is taken and used atomically. */
export async function issueInTx(
  trx: Db,
  data: PaperData,
  links: PaperLinks,
  actor: string,
): Promise<{ id: number; missing: string[] }> {
  const images = await paperImages(trx, data.company);
  const r = await renderPaper(data, images);
  const id = await storePaper(trx, data, r.pdf, r.pages, links, actor);
  return { id, missing: r.missing };
}

export async function paperSummary(db: Db, id: number): Promise<PaperSummary> {
  const row = await paperQuery(db).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw new LedgerError('error.paperNotFound', { id }, 'id');
  return toSummary(row);
}

export async function paperDetail(db: Db, id: number): Promise<PaperDetail> {
  const summary = await paperSummary(db, id);
  const [v, s, conv] = await Promise.all([
    db.selectFrom('paper_voids').selectAll().where('paper_id', '=', id).executeTakeFirst(),
    db
      .selectFrom('paper_sign_backs as s')
      .leftJoin('paper_files as f', 'f.sha256', 's.scan_sha256')
      .leftJoin('paper_dispute_resolutions as r', 'r.sign_back_id', 's.id')
      .leftJoin('documents as d', 'd.id', 'r.credit_document_id')
      .select(['s.id', 's.returned_on', 's.signed_by', 's.outcome', 's.customer_amount', 's.disputed_amount', 's.reason', 's.scan_sha256', 's.scan_name', 'f.mime', 's.recorded_at', 's.recorded_by', 'r.resolved_on', 'r.how', 'd.number as credit_number', 'r.note', 'r.resolved_by'])
      .where('s.paper_id', '=', id)
      .executeTakeFirst(),
    summary.priceConfirmationId
      ? db
          .selectFrom('price_confirmation_conversions as c')
          .innerJoin('documents as d', 'd.id', 'c.document_id')
          .select(['c.document_id', 'd.number', 'c.converted_at'])
          .where('c.price_confirmation_id', '=', summary.priceConfirmationId)
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    ...summary,
    void: v ? { reason: v.reason, voidedAt: v.voided_at, voidedBy: v.voided_by } : null,
    signBack: s
      ? {
          id: s.id,
          returnedOn: s.returned_on,
          signedBy: s.signed_by,
          outcome: s.outcome as 'signed' | 'confirmed' | 'disputed',
          customerAmount: s.customer_amount,
          disputedAmount: s.disputed_amount,
          reason: s.reason,
          scan: s.scan_sha256 ? { sha256: s.scan_sha256, name: s.scan_name ?? '', mime: s.mime ?? '' } : null,
          recordedAt: s.recorded_at,
          recordedBy: s.recorded_by,
          resolution: s.resolved_on
            ? { resolvedOn: s.resolved_on, how: s.how as 'credit_note' | 'note', creditNoteNumber: s.credit_number ?? null, note: s.note ?? '', resolvedBy: s.resolved_by ?? '' }
            : null,
        }
      : null,
    conversion: conv ? { documentId: conv.document_id, invoiceNumber: conv.number, convertedAt: conv.converted_at } : null,
  };
}

export interface ListFilter {
  customerId?: number;
  kind?: PaperSummary['kind'];
  status?: 'all' | 'awaiting' | 'disputed' | 'voided';
  search?: string;
  limit?: number;
}

/** The register, newest first; 'awaiting' lists papers still out for signature, oldest first. */
export async function listPapers(db: Db, f: ListFilter, today = todayIso()): Promise<PaperSummary[]> {
  let q = paperQuery(db);
  if (f.customerId) q = q.where('p.customer_id', '=', f.customerId);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.search) {
    const like = `%${f.search.replace(/[%_\\]/g, (m) => '\\' + m)}%`;
    q = q.where((eb) => eb.or([eb('p.number', 'like', like), eb('c.code', 'like', like), eb('c.name', 'like', like)]));
  }
  switch (f.status ?? 'all') {
    case 'awaiting':
      q = q.where('p.needs_signature', '=', 1).where('v.voided_at', 'is', null).where('s.id', 'is', null).orderBy('p.issued_at', 'asc').orderBy('p.id', 'asc');
      break;
    case 'disputed':
      q = q.where('s.outcome', '=', 'disputed').where('r.resolved_on', 'is', null).where('v.voided_at', 'is', null).orderBy('p.issued_at', 'asc');
      break;
    case 'voided':
      q = q.where('v.voided_at', 'is not', null).orderBy('p.issued_at', 'desc');
      break;
    default:
      q = q.orderBy('p.issued_at', 'desc').orderBy('p.id', 'desc');
  }
  const rows = await q.limit(f.limit ?? 500).execute();
  return rows.map((r) => toSummary(r, today));
}

function fileName(s: PaperSummary): string {
  return `${s.number}.pdf`.replace(/[^\w.\-]+/g, '_');
}

/** A reprint: exactly the bytes issued, checked against the stored hash. */
export async function paperPdf(db: Db, id: number): Promise<PaperPdf & { bytes: Buffer }> {
  const s = await paperSummary(db, id);
  const { bytes } = await getFile(db, s.sha256);
  return { fileName: fileName(s), sha256: s.sha256, base64: bytes.toString('base64'), bytes };
}

export async function paperData(db: Db, id: number): Promise<PaperData> {
  const row = await db.selectFrom('papers').select('data_json').where('id', '=', id).executeTakeFirst();
  if (!row) throw new LedgerError('error.paperNotFound', { id }, 'id');
  return JSON.parse(row.data_json) as PaperData;
}

/** Checks the stored PDF against its hash, and that its data still renders to the same bytes. */
export async function verifyPaper(db: Db, id: number): Promise<{ storedIntact: boolean; rebuildIdentical: boolean; sha256: string }> {
  const s = await paperSummary(db, id);
  let storedIntact = true;
  try {
    await getFile(db, s.sha256);
  } catch {
    storedIntact = false;
  }
  const data = await paperData(db, id);
  let images: PaperImages = {};
  try {
    images = await paperImages(db, data.company);
  } catch {
    // a missing image makes the rebuild differ; reported as such
  }
  const rebuilt = await renderPaper(data, images);
  return { storedIntact, rebuildIdentical: sha256(rebuilt.pdf) === s.sha256, sha256: s.sha256 };
}

/** Voiding is a recorded act with a reason; the paper and its PDF stay in the register. */
export async function voidPaper(db: Db, id: number, reason: string, actor = currentActor()): Promise<PaperDetail> {
  if (!reason.trim()) throw new LedgerError('error.reasonRequired', {}, 'reason');
  await writeTx(db, async (trx) => {
    const p = await trx.selectFrom('papers').select(['id', 'number', 'price_confirmation_id']).where('id', '=', id).executeTakeFirst();
    if (!p) throw new LedgerError('error.paperNotFound', { id }, 'id');
    const already = await trx.selectFrom('paper_voids').select('paper_id').where('paper_id', '=', id).executeTakeFirst();
    if (already) throw new LedgerError('error.paperVoided', { number: p.number });
    if (p.price_confirmation_id) {
      const conv = await trx.selectFrom('price_confirmation_conversions').select('document_id').where('price_confirmation_id', '=', p.price_confirmation_id).executeTakeFirst();
      if (conv) throw new LedgerError('error.paperConverted', { number: p.number });
    }
    await trx.insertInto('paper_voids').values({ paper_id: id, reason: reason.trim(), voided_at: nowStamp(), voided_by: actor }).execute();
    await audit(trx, { action: 'paper.void', entity: 'paper', entityId: id, after: { number: p.number, reason: reason.trim() } }, actor);
  });
  return paperDetail(db, id);
}
