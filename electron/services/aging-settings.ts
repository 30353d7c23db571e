/** The aging workspace's settings, kept in the ledger's settings table (one ledger, one policy). */
import { DEFAULT_SETTINGS, settingsProblem, type AgingSettings } from '../../shared/aging-workspace/settings';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { writeTx, type Db } from '../db/tx';
import { readSetting, writeSetting } from '../repos/settings';

const KEY = 'aging.workspace';

export async function getAgingSettings(db: Db): Promise<AgingSettings> {
  return readSetting(db, KEY, DEFAULT_SETTINGS, (v) => {
    const s = { ...DEFAULT_SETTINGS, ...(v as Partial<AgingSettings>) };
    return settingsProblem(s) ? DEFAULT_SETTINGS : s;
  });
}

export async function setAgingSettings(db: Db, s: AgingSettings): Promise<AgingSettings> {
  const problem = settingsProblem(s);
  if (problem) throw new LedgerError(`error.aging${problem[0].toUpperCase()}${problem.slice(1)}`, {}, problem);
  const value = { bucketBounds: [...s.bucketBounds], classBounds: [...s.classBounds] as AgingSettings['classBounds'], recoveryBp: [...s.recoveryBp] };
  await writeTx(db, async (trx) => {
    const before = await getAgingSettings(trx);
    await writeSetting(trx, KEY, value);
    await audit(trx, { action: 'aging.settings', entity: 'settings', entityId: KEY, before, after: value });
  });
  return value;
}
