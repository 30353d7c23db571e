import { sql, type Kysely } from 'kysely';
import os from 'node:os';
import type { Database } from './schema';
import { nativeHandleOf, registerNativeHandle } from './bulk';
import { startSeal } from '../integrity/chain';

export type Db = Kysely<Database>;

/**
 * Runs `fn` in one write transaction started with BEGIN IMMEDIATE (the write lock is taken up
 * front, so two writers never deadlock half-way). Rolls back on any throw.
 */
export async function writeTx<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const native = nativeHandleOf(db);
  return db.connection().execute(async (conn) => {
    if (native) registerNativeHandle(conn, native);
    await sql`begin immediate`.execute(conn);
    try {
      const seal = await startSeal(conn); // tamper evidence: seals what this transaction appends (electron/integrity)
      const result = await fn(conn);
      await seal.finish();
      await sql`commit`.execute(conn);
      return result;
    } catch (e) {
      await sql`rollback`.execute(conn);
      throw e;
    }
  });
}

export function currentActor(): string {
  if (process.env.ARW_USER) return process.env.ARW_USER;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function nowStamp(): string {
  return new Date().toISOString();
}
