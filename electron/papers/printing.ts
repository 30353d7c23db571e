/**
 * The PDFs the app prints, loaded by id in main (never bytes from the renderer), and the audit row
 * that records who printed what and when. The printing itself is the desktop shell's
 * (ctx.desktop.printPdf, electron/main/print.ts).
 */
import type { PrintTarget } from '../../shared/api/papers';
import { caseDossierPdf } from '../collections/export/case-zip';
import { caseFile } from '../collections/files';
import { writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit, type AuditEntry } from '../repos/audit';
import { batchCombinedPdf, batchProgress } from './batch-jobs';
import { sha256 } from './files';
import { paperPdf } from './register';

export interface Printable {
  /** The file name: the print job's name in the OS queue. */
  title: string;
  bytes: Buffer;
  /** Written once the user has sent it to a printer. */
  audit: AuditEntry;
}

function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

export async function printablePdf(db: Db, target: PrintTarget): Promise<Printable> {
  switch (target.kind) {
    case 'paper': {
      const p = await paperPdf(db, target.id);
      return { title: p.fileName, bytes: p.bytes, audit: { action: 'paper.print', entity: 'paper', entityId: target.id, after: { fileName: p.fileName, sha256: p.sha256 } } };
    }
    case 'statements-batch': {
      const { fileName, bytes } = batchCombinedPdf(target.jobId);
      const { month } = batchProgress(target.jobId);
      return { title: fileName, bytes, audit: { action: 'statements.batch.print', entity: 'statements', entityId: month, after: { jobId: target.jobId, fileName, sha256: sha256(bytes) } } };
    }
    case 'case-document': {
      const f = await caseFile(db, target.caseId, 'document', target.documentId);
      const bytes = Buffer.from(f.base64, 'base64');
      // Letters are also SMS text and e-mails; only the PDFs are paper.
      if (!isPdf(bytes)) throw new LedgerError('error.notPrintable', { file: f.fileName }, 'documentId');
      return {
        title: f.fileName,
        bytes,
        audit: { action: 'case.document.print', entity: 'collection_case', entityId: target.caseId, after: { documentId: target.documentId, fileName: f.fileName, sha256: sha256(bytes) } },
      };
    }
    case 'case-dossier': {
      const d = await caseDossierPdf(db, target.caseId, { asOf: target.asOf, language: target.language });
      const title = d.fileName.replace(/^.*\//, '');
      return {
        title,
        bytes: d.bytes,
        audit: { action: 'case.dossier.print', entity: 'collection_case', entityId: target.caseId, after: { asOf: target.asOf, fileName: title, sha256: sha256(d.bytes) } },
      };
    }
  }
}

export async function recordPrint(db: Db, entry: AuditEntry): Promise<void> {
  await writeTx(db, (trx) => audit(trx, entry));
}
