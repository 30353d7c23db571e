/** The aging workspace's settings, kept in the ledger's settings table (one ledger, one policy). */
import { DEFAULT_SETTINGS, settingsProblem, type AgingSettings } from '../../shared/aging-workspace/settings';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { writeTx, type Db } from '../db/tx';

const KEY = 'aging.workspace';

export async function getAgingSettings(db: Db): Promise<AgingSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  try {
    const s = { ...DEFAULT_SETTINGS, ...(JSON.parse(row.value_json) as Partial<AgingSettings>) };
    return settingsProblem(s) ? DEFAULT_SETTINGS : s;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export async function setAgingSettings(db: Db, s: AgingSettings): Promise<AgingSettings> {
  const problem = settingsProblem(s);
  if (problem) throw new LedgerError(`error.aging${problem[0].toUpperCase()}${problem.slice(1)}`, {}, problem);
  const value = { bucketBounds: [...s.bucketBounds], classBounds: [...s.classBounds] as AgingSettings['classBounds'], recoveryBp: [...s.recoveryBp] };
  await writeTx(db, async (trx) => {
    const before = await getAgingSettings(trx);
    await trx
      .insertInto('settings')
      .values({ key: KEY, value_json: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(value) }))
      .execute();
    await audit(trx, { action: 'aging.settings', entity: 'settings', entityId: KEY, before, after: value });
  });
  return value;
}
