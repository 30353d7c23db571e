/** Collections settings, kept in the ledger's settings table under 'collections.*'. */
import type { CollectionsSettings } from '../../shared/api/collections-types';
import type { Db } from '../db/tx';
import { audit } from '../repos/audit';
import { readSetting, writeSetting } from '../repos/settings';

export const DEFAULT_SETTINGS: CollectionsSettings = {
  limitationYears: 3,
  // The one-year loan prime rate (LPR) is the usual default when a contract names no rate.
  defaultRatePpm: 30_000,
  warnDays: 90,
};

const KEY = 'collections.settings';

export async function getCollectionsSettings(db: Db): Promise<CollectionsSettings> {
  return readSetting(db, KEY, DEFAULT_SETTINGS, (v) => ({ ...DEFAULT_SETTINGS, ...(v as Partial<CollectionsSettings>) }));
}

export async function setCollectionsSettings(trx: Db, next: CollectionsSettings): Promise<void> {
  const before = await getCollectionsSettings(trx);
  await writeSetting(trx, KEY, next);
  await audit(trx, { action: 'collections.settings', entity: 'settings', entityId: KEY, before, after: next });
}
