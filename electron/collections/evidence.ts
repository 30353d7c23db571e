/**
 * Evidence (取证): any file attached to a case is copied into the ledger with its SHA-256 and its
 * type read from its bytes. Numbered per case (E1, E2…) in the order attached; never altered.
 */
import type { EvidenceKind, EvidenceView } from '../../shared/api/collections-types';
import { writeTx, currentActor, nowStamp, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { putBlob } from './blobs';
import { requireDate } from './cases';
import { findCase, insertEvent } from './repo';
import { sniff } from './sniff';

/** Browser mode accepts requests up to 8 MB; base64 adds a third, so 6 MB of file fits both transports. */
export const MAX_EVIDENCE_BYTES = 6 * 1024 * 1024;

export interface EvidenceInput {
  fileName: string;
  bytes: Uint8Array;
  kind: EvidenceKind;
  description: string;
  date: string;
  proves: string;
  invoiceId?: number;
}

/** Strict base64 (what the renderer's FileReader produces); anything else is refused, not guessed. */
export function decodeBase64(text: string, field = 'fileName'): Uint8Array {
  const clean = text.replace(/^data:[^;,]*;base64,/, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new LedgerError('error.fileEncoding', {}, field);
  return Buffer.from(clean, 'base64');
}

export async function attachEvidence(db: Db, caseId: number, e: EvidenceInput): Promise<EvidenceView> {
  requireDate(e.date, 'date');
  if (!e.description.trim()) throw new LedgerError('error.required', { field: 'description' }, 'description');
  if (e.bytes.length === 0) throw new LedgerError('error.fileEmpty', {}, 'fileName');
  if (e.bytes.length > MAX_EVIDENCE_BYTES) throw new LedgerError('error.fileTooLarge', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 }, 'fileName');
  const type = sniff(e.bytes);
  if (type.executable) throw new LedgerError('error.fileExecutable', {}, 'fileName');
  return writeTx(db, async (trx) => {
    const c = await findCase(trx, caseId);
    if (e.invoiceId !== undefined) {
      const doc = await trx.selectFrom('documents').select(['customer_id']).where('id', '=', e.invoiceId).executeTakeFirst();
      if (!doc || doc.customer_id !== c.customer_id) throw new LedgerError('error.documentNotFound', { id: e.invoiceId }, 'invoiceId');
    }
    const sha256 = await putBlob(trx, e.bytes);
    const last = await trx.selectFrom('evidence').select((eb) => eb.fn.max('seq').as('m')).where('case_id', '=', caseId).executeTakeFirst();
    const seq = Number(last?.m ?? 0) + 1;
    const createdAt = nowStamp();
    const createdBy = currentActor();
    const { id } = await trx
      .insertInto('evidence')
      .values({
        case_id: caseId,
        customer_id: c.customer_id,
        seq,
        kind: e.kind,
        description: e.description,
        evidence_date: e.date,
        proves: e.proves,
        file_name: e.fileName.slice(0, 255),
        mime: type.mime,
        size: e.bytes.length,
        sha256,
        document_id: e.invoiceId ?? null,
        created_at: createdAt,
        created_by: createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertEvent(trx, { caseId, date: e.date, kind: 'evidence', summary: `E${seq} ${e.description}`, outcome: e.proves, refId: id, data: { sha256, mime: type.mime } });
    await audit(trx, { action: 'evidence.attach', entity: 'evidence', entityId: id, after: { caseId, seq, kind: e.kind, sha256, size: e.bytes.length, mime: type.mime } });
    return (await evidenceViews(trx, caseId)).find((v) => v.id === id)!;
  });
}

export async function evidenceViews(db: Db, caseId: number): Promise<EvidenceView[]> {
  const rows = await db
    .selectFrom('evidence as e')
    .leftJoin('documents as d', 'd.id', 'e.document_id')
    .select(['e.id', 'e.seq', 'e.kind', 'e.description', 'e.evidence_date', 'e.proves', 'e.file_name', 'e.mime', 'e.size', 'e.sha256', 'd.number', 'e.created_at', 'e.created_by'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    kind: r.kind as EvidenceKind,
    description: r.description,
    date: r.evidence_date,
    proves: r.proves,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    invoiceNumber: r.number,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}
