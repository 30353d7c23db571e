/** The document store: files by SHA-256 (issued PDFs, sign-back scans, images drawn on papers). */
import crypto from 'node:crypto';
import { nowStamp, type Db } from '../db/tx';
import { LedgerError } from '../errors';

export type StoredMime = 'application/pdf' | 'image/jpeg' | 'image/png';

export function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The type a file really is, from its first bytes; the name or a claimed type is never trusted. */
export function sniffMime(bytes: Uint8Array): StoredMime | null {
  const b = bytes;
  if (b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d) return 'application/pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  return null;
}

/** Stores `bytes` once (the same content is never stored twice) and returns its hash. */
export async function putFile(trx: Db, bytes: Uint8Array, mime: StoredMime): Promise<string> {
  const hash = sha256(bytes);
  await trx
    .insertInto('paper_files')
    .values({ sha256: hash, mime, size: bytes.length, bytes, created_at: nowStamp() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return hash;
}

/** The stored bytes, checked against their hash on the way out. */
export async function getFile(db: Db, hash: string): Promise<{ bytes: Buffer; mime: StoredMime }> {
  const row = await db.selectFrom('paper_files').select(['bytes', 'mime']).where('sha256', '=', hash).executeTakeFirst();
  if (!row) throw new LedgerError('error.paperFileMissing', { sha256: hash });
  const bytes = Buffer.from(row.bytes);
  if (sha256(bytes) !== hash) throw new LedgerError('error.paperTampered', { sha256: hash });
  return { bytes, mime: row.mime as StoredMime };
}

export const MAX_SCAN_BYTES = 6 * 1024 * 1024;

/** A sign-back scan from base64: PDF, JPEG or PNG by its magic bytes, at most 6 MB. */
export function decodeScan(base64: string): { bytes: Buffer; mime: StoredMime } {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw new LedgerError('error.scanType', {}, 'scan');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new LedgerError('error.scanType', {}, 'scan');
  if (bytes.length > MAX_SCAN_BYTES) throw new LedgerError('error.scanTooLarge', {}, 'scan');
  const mime = sniffMime(bytes);
  if (!mime) throw new LedgerError('error.scanType', {}, 'scan');
  return { bytes, mime };
}
