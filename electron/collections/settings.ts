/** Collections settings, kept in the ledger's settings table under 'collections.*'. */
import type { CollectionsSettings } from '../../shared/api/collections-types';
import type { Db } from '../db/tx';
import { audit } from '../repos/audit';

export const DEFAULT_SETTINGS: CollectionsSettings = {
  limitationYears: 3,
  // The one-year loan prime rate (LPR) is the usual default when a contract names no rate.
  defaultRatePpm: 30_000,
  warnDays: 90,
};

const KEY = 'collections.settings';

export async function getCollectionsSettings(db: Db): Promise<CollectionsSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  try {
    return { ...DEFAULT_SETTINGS, ...(JSON.parse(row.value_json) as Partial<CollectionsSettings>) };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function setCollectionsSettings(trx: Db, next: CollectionsSettings): Promise<void> {
  const before = await getCollectionsSettings(trx);
  await trx
    .insertInto('settings')
    .values({ key: KEY, value_json: JSON.stringify(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(next) }))
    .execute();
  await audit(trx, { action: 'collections.settings', entity: 'settings', entityId: KEY, before, after: next });
}
