/**
 * What collections reads from the papers side (read-only): papers out for signature and not
 * returned, customers due a reconciliation, each customer's issued papers with their sign-backs,
 * and the sign-backs that interrupt the limitation period (a signed IOU or statement).
 */
import type { Db } from '../db/tx';
import { getFile } from '../papers/files';
import { reconciliationDue, unreturnedPapers } from '../papers/reconcile';
import type { Interruption } from './claim';

export { reconciliationDue, unreturnedPapers };

export interface CustomerPaper {
  id: number;
  kind: string;
  number: string;
  issuedOn: string;
  period: string | null;
  amount: number;
  pdfSha256: string;
  sourceDocumentId: number | null;
  voided: boolean;
  signBack: { returnedOn: string; outcome: string; signedBy: string; scanSha256: string | null; scanName: string | null } | null;
}

export async function customerPapers(db: Db, customerId: number, asOf: string): Promise<CustomerPaper[]> {
  const rows = await db
    .selectFrom('papers as p')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .leftJoin('paper_sign_backs as s', (j) => j.onRef('s.paper_id', '=', 'p.id').on('s.returned_on', '<=', asOf))
    .select(['p.id', 'p.kind', 'p.number', 'p.issued_at', 'p.period', 'p.amount', 'p.pdf_sha256', 'p.source_document_id', 'v.paper_id as voided', 's.returned_on', 's.outcome', 's.signed_by', 's.scan_sha256', 's.scan_name'])
    .where('p.customer_id', '=', customerId)
    .where('p.issued_at', '<=', `${asOf}T99`)
    .orderBy('p.issued_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    issuedOn: r.issued_at.slice(0, 10),
    period: r.period,
    amount: r.amount,
    pdfSha256: r.pdf_sha256,
    sourceDocumentId: r.source_document_id,
    voided: r.voided !== null,
    signBack: r.returned_on ? { returnedOn: r.returned_on, outcome: r.outcome ?? '', signedBy: r.signed_by ?? '', scanSha256: r.scan_sha256, scanName: r.scan_name } : null,
  }));
}

/** A signed or confirmed IOU restarts its invoice's clock; a signed or confirmed statement every invoice dated before it. */
export function paperInterruptions(papers: readonly CustomerPaper[]): Interruption[] {
  return papers
    .filter((p) => !p.voided && p.signBack && (p.signBack.outcome === 'signed' || p.signBack.outcome === 'confirmed') && (p.kind === 'iou' || p.kind === 'statement'))
    .map((p) => ({ date: p.signBack!.returnedOn, kind: 'paper' as const, label: p.number, invoiceId: p.kind === 'iou' ? p.sourceDocumentId : null }));
}

export async function paperFile(db: Db, sha256: string): Promise<Buffer> {
  return (await getFile(db, sha256)).bytes;
}
