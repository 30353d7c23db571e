/** A stored evidence file or issued letter of a case, for viewing or saving (bytes checked against their SHA-256). */
import type { Db } from '../db/tx';
import { LedgerError } from '../errors';
import { getBlob } from './blobs';
import { sniff } from './sniff';

export async function caseFile(db: Db, caseId: number, kind: 'evidence' | 'document', fileId: number): Promise<{ fileName: string; mime: string; base64: string }> {
  const row =
    kind === 'evidence'
      ? await db.selectFrom('evidence').select(['file_name', 'mime', 'sha256', 'case_id']).where('id', '=', fileId).executeTakeFirst()
      : await db.selectFrom('case_documents').select(['file_name', 'mime', 'sha256', 'case_id']).where('id', '=', fileId).executeTakeFirst();
  if (!row || row.case_id !== caseId) throw new LedgerError('error.fileNotFound', { id: fileId }, 'fileId');
  const bytes = await getBlob(db, row.sha256);
  // The name the user gave is kept, with the extension of what the file really is.
  const ext = sniff(bytes).ext;
  const fileName = row.file_name.toLowerCase().endsWith(`.${ext}`) ? row.file_name : `${row.file_name}.${ext}`;
  return { fileName, mime: row.mime, base64: bytes.toString('base64') };
}
