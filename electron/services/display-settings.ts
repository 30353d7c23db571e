/**
 * How amounts are shown (the ledger's number format) and its base currency. Both live in the
 * ledger, so every computer opening it shows the same figures; every change is in the audit log.
 */
import type { DisplaySettings } from '../../shared/api/settings';
import { DEFAULT_NUMBER_FORMAT, isNumberFormat, type NumberFormat } from '../../shared/number-format';
import { writeTx, nowStamp, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { getCompany } from '../repos/company';
import { audit } from '../repos/audit';
import { readSetting, writeSetting } from '../repos/settings';

const NUMBER_FORMAT_KEY = 'display.number_format';

export async function getNumberFormat(db: Db): Promise<NumberFormat> {
  return readSetting(db, NUMBER_FORMAT_KEY, DEFAULT_NUMBER_FORMAT, (v) => (isNumberFormat(v) ? v : DEFAULT_NUMBER_FORMAT));
}

async function documentCount(db: Db): Promise<number> {
  const row = await db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getDisplaySettings(db: Db): Promise<DisplaySettings> {
  const [numberFormat, company, documents] = await Promise.all([getNumberFormat(db), getCompany(db), documentCount(db)]);
  return { numberFormat, baseCurrency: company.baseCurrency, documents, baseCurrencyLocked: documents > 0 };
}

export async function setNumberFormat(db: Db, format: NumberFormat): Promise<DisplaySettings> {
  if (!isNumberFormat(format)) throw new LedgerError('error.invalidField', { field: 'numberFormat' }, 'numberFormat');
  await writeTx(db, async (trx) => {
    const before = await getNumberFormat(trx);
    if (before === format) return;
    await writeSetting(trx, NUMBER_FORMAT_KEY, format);
    await audit(trx, { action: 'settings.numberFormat', entity: 'settings', entityId: NUMBER_FORMAT_KEY, before, after: format });
  });
  return getDisplaySettings(db);
}

/**
 * The base currency may change only while the ledger has no documents: every posted amount,
 * aging total and report is in it, and changing it afterwards would relabel them without
 * converting a single figure.
 */
export async function setBaseCurrency(db: Db, currency: string): Promise<DisplaySettings> {
  if (!/^[A-Z]{3}$/.test(currency)) throw new LedgerError('error.currency', {}, 'currency');
  await writeTx(db, async (trx) => {
    const documents = await documentCount(trx);
    if (documents > 0) throw new LedgerError('error.baseCurrencyLocked', { count: documents }, 'currency');
    const before = (await getCompany(trx)).baseCurrency;
    if (before === currency) return;
    await trx.updateTable('company').set({ base_currency: currency, updated_at: nowStamp() }).where('id', '=', 1).execute();
    await audit(trx, { action: 'company.baseCurrency', entity: 'company', entityId: 1, before: { baseCurrency: before }, after: { baseCurrency: currency } });
  });
  return getDisplaySettings(db);
}
