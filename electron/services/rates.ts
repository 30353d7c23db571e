/** Exchange rates: entered in Settings (append-only, audited), listed, and looked up for a date. */
import type { ExchangeRate, RateOn, RatesList } from '../../shared/api/rates';
import { formatRate, parseRate } from '../../shared/currency';
import { isIsoDate } from '../../shared/dates';
import { isCurrencyCode } from '../../shared/money';
import { currentActor, nowStamp, writeTx, type Db } from '../db/tx';
import { LedgerError } from '../errors';
import { audit } from '../repos/audit';
import { getCompany } from '../repos/company';
import { insertRate, listRates, rateOn } from '../repos/rates';

export interface RateInput {
  currency: string;
  date: string;
  /** Units of the base currency per unit of `currency`, as decimal text ("7.1234"). */
  rate: string;
  note?: string;
}

export async function addRate(db: Db, input: RateInput, actor = currentActor()): Promise<ExchangeRate> {
  const currency = input.currency.trim().toUpperCase();
  if (!isCurrencyCode(currency)) throw new LedgerError('error.currency', {}, 'currency');
  if (!isIsoDate(input.date)) throw new LedgerError('error.date', { value: input.date }, 'date');
  const ratePpm = parseRate(input.rate);
  if (ratePpm === null) throw new LedgerError('error.exchangeRate', { value: input.rate }, 'rate');
  const note = (input.note ?? '').trim();
  return writeTx(db, async (trx) => {
    const base = (await getCompany(trx)).baseCurrency;
    if (currency === base) throw new LedgerError('error.rateBaseCurrency', { currency }, 'currency');
    const at = nowStamp();
    const id = await insertRate(trx, { currency, base, date: input.date, ratePpm, note, at, actor });
    await audit(trx, { action: 'rate.add', entity: 'exchange_rate', entityId: id, after: { currency, date: input.date, ratePpm, base, note } }, actor);
    return { id, currency, date: input.date, ratePpm, rate: formatRate(ratePpm), note, createdAt: at, createdBy: actor, superseded: false };
  });
}

export async function ratesList(db: Db, currency?: string): Promise<RatesList> {
  const base = (await getCompany(db)).baseCurrency;
  const used = await db.selectFrom('customers').select('currency').distinct().where('currency', '!=', base).orderBy('currency').execute();
  return { baseCurrency: base, currencies: used.map((r) => r.currency), rates: await listRates(db, base, currency) };
}

/** The rate a document of `currency` dated `date` would be posted at without one entered. */
export async function rateOnDate(db: Db, currency: string, date: string): Promise<RateOn> {
  const base = (await getCompany(db)).baseCurrency;
  if (currency === base) return { baseCurrency: base, currency, found: { ratePpm: 1_000_000, rate: '1', date } };
  const found = await rateOn(db, currency, base, date);
  return { baseCurrency: base, currency, found: found && { ...found, rate: formatRate(found.ratePpm) } };
}
