/** File bytes kept inside the ledger, addressed by SHA-256 (stored once, never altered). */
import { createHash } from 'node:crypto';
import type { Db } from '../db/tx';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function putBlob(trx: Db, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await trx
    .insertInto('collection_blobs')
    .values({ sha256, size: bytes.length, content: bytes })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha256;
}

/** The stored bytes, checked against their address on the way out. */
export async function getBlob(db: Db, sha256: string): Promise<Buffer> {
  const row = await db.selectFrom('collection_blobs').select('content').where('sha256', '=', sha256).executeTakeFirstOrThrow();
  const buf = Buffer.from(row.content);
  if (sha256Hex(buf) !== sha256) throw new Error(`stored file ${sha256} does not match its SHA-256`);
  return buf;
}
