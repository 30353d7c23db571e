/**
 * The ledger's key/value settings (JSON in `settings.value_json`): one reader and one writer for
 * every feature's settings, so each keeps only its defaults and its own checks.
 */
import type { Db } from '../db/tx';

/**
 * A setting read through `read`; `fallback` when it is not set, is not valid JSON, or `read`
 * throws on it (a damaged setting never stops the app: the defaults apply).
 */
export async function readSetting<T>(db: Db, key: string, fallback: T, read: (value: unknown) => T): Promise<T> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    return read(JSON.parse(row.value_json) as unknown);
  } catch {
    return fallback;
  }
}

/** Stores a setting as JSON, replacing what was there (the caller audits the change). */
export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value_json }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json })).execute();
}
