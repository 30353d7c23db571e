/**
 * Open amounts in the base currency for totals across customers: a document in another currency
 * counts at the rate recorded with it (open amount × rate, rounded half away from zero, per
 * document). Documents in the base currency are taken as they are, so a single-currency ledger
 * reads nothing more than the list of customers in other currencies (empty); otherwise only the
 * rates of the open documents in other currencies are read (one small map of id → rate per query).
 */
import { toBaseAmount } from '../../shared/currency';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { documentRates } from '../repos/rates';

export interface Currencies {
  base: string;
  /** Customers whose currency is not the base, by id. Empty in a single-currency ledger. */
  foreign: Map<number, string>;
}

export async function currencies(db: Db): Promise<Currencies> {
  const row = await db.selectFrom('company').select('base_currency').where('id', '=', 1).executeTakeFirst();
  const base = row?.base_currency ?? 'CNY';
  const rows = await db.selectFrom('customers').select(['id', 'currency']).where('currency', '!=', base).execute();
  return { base, foreign: new Map(rows.map((r) => [r.id, r.currency])) };
}

export interface BaseAmounts {
  /** Per item, its open amount in the base currency; null when every item is in the base currency (use the amounts as they are). */
  values: number[] | null;
  /** Items in another currency without a recorded rate (posted before rates were kept): counted as 0. */
  unrated: number;
}

/** `ids[i]`, a document of customer `customers[i]` open by `opens[i]`, in the base currency. */
export async function baseAmounts(db: Db, cur: Currencies, ids: ArrayLike<number>, customers: ArrayLike<number>, opens: ArrayLike<number>): Promise<BaseAmounts> {
  if (cur.foreign.size === 0) return { values: null, unrated: 0 };
  const foreign: number[] = [];
  for (let i = 0; i < ids.length; i++) if (opens[i] !== 0 && cur.foreign.has(customers[i])) foreign.push(i);
  if (foreign.length === 0) return { values: null, unrated: 0 };
  const rates = await documentRates(db, foreign.map((i) => ids[i]));
  const values = Array.from(opens);
  const baseDigits = currencyDigits(cur.base);
  let unrated = 0;
  for (const i of foreign) {
    const rate = rates.get(ids[i]);
    if (rate) values[i] = toBaseAmount(opens[i], rate.ratePpm, currencyDigits(cur.foreign.get(customers[i])!), baseDigits);
    else {
      unrated++;
      values[i] = 0;
    }
  }
  return { values, unrated };
}
