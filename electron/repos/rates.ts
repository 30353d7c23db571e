/**
 * Exchange rates (append-only: the latest row entered for a currency and date wins) and the rates
 * recorded with documents. The rule "the rate of a date is the latest one dated on or before it"
 * lives in `rateOn` (one look-up) and `RateBook` (many look-ups in memory, imports); the currency
 * tests hold the two to the same answers.
 */
import type { ExchangeRate } from '../../shared/api/rates';
import { formatRate } from '../../shared/currency';
import type { Db } from '../db/tx';

export interface RateFound {
  ratePpm: number;
  /** The date of the rate used (on or before the document date). */
  date: string;
}

export async function insertRate(trx: Db, row: { currency: string; base: string; date: string; ratePpm: number; note: string; at: string; actor: string }): Promise<number> {
  const r = await trx
    .insertInto('exchange_rates')
    .values({ currency: row.currency, base_currency: row.base, date: row.date, rate_ppm: row.ratePpm, note: row.note, created_at: row.at, created_by: row.actor })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Every rate entered to the base currency `base`, newest date first; `superseded` marks rows a
 * later entry for the same currency and date replaced.
 */
export async function listRates(db: Db, base: string, currency?: string): Promise<ExchangeRate[]> {
  let q = db.selectFrom('exchange_rates').selectAll().where('base_currency', '=', base).orderBy('currency').orderBy('date', 'desc').orderBy('id', 'desc');
  if (currency) q = q.where('currency', '=', currency);
  const rows = await q.execute();
  const seen = new Set<string>();
  return rows.map((r) => {
    const key = `${r.currency}\u0000${r.date}`;
    const superseded = seen.has(key);
    seen.add(key);
    return { id: r.id, currency: r.currency, date: r.date, ratePpm: r.rate_ppm, rate: formatRate(r.rate_ppm), note: r.note, createdAt: r.created_at, createdBy: r.created_by, superseded };
  });
}

/** The rate of `currency` to `base` on `date`: the latest dated on or before it (the latest entered on ties). */
export async function rateOn(db: Db, currency: string, base: string, date: string): Promise<RateFound | null> {
  const r = await db
    .selectFrom('exchange_rates')
    .select(['rate_ppm', 'date'])
    .where('base_currency', '=', base)
    .where('currency', '=', currency)
    .where('date', '<=', date)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { ratePpm: r.rate_ppm, date: r.date } : null;
}

/** The rate history of some currencies in memory, for imports of many documents. */
export class RateBook {
  /** Per currency: dates ascending, each with the rate entered last for it. */
  private constructor(private readonly byCurrency: Map<string, { dates: string[]; rates: number[] }>) {}

  static async load(db: Db, base: string, currencies: Iterable<string>): Promise<RateBook> {
    const wanted = [...new Set(currencies)];
    const map = new Map<string, { dates: string[]; rates: number[] }>();
    for (const c of wanted) map.set(c, { dates: [], rates: [] });
    if (wanted.length) {
      const rows = await db
        .selectFrom('exchange_rates')
        .select(['currency', 'date', 'rate_ppm'])
        .where('base_currency', '=', base)
        .where('currency', 'in', wanted)
        .orderBy('currency')
        .orderBy('date')
        .orderBy('id')
        .execute();
      for (const r of rows) {
        const h = map.get(r.currency)!;
        if (h.dates[h.dates.length - 1] === r.date) h.rates[h.rates.length - 1] = r.rate_ppm;
        else {
          h.dates.push(r.date);
          h.rates.push(r.rate_ppm);
        }
      }
    }
    return new RateBook(map);
  }

  has(currency: string): boolean {
    return this.byCurrency.has(currency);
  }

  lookup(currency: string, date: string): RateFound | null {
    const h = this.byCurrency.get(currency);
    if (!h) throw new Error(`rates of ${currency} were not loaded`);
    // The last date <= `date` (binary search).
    let lo = 0;
    let hi = h.dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h.dates[mid] <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? null : { ratePpm: h.rates[lo - 1], date: h.dates[lo - 1] };
  }
}

export interface DocumentRate {
  ratePpm: number;
  baseAmount: number;
}

/** Rates recorded with these documents (documents in the base currency have none). */
export async function documentRates(db: Db, documentIds: readonly number[]): Promise<Map<number, DocumentRate>> {
  const out = new Map<number, DocumentRate>();
  for (let i = 0; i < documentIds.length; i += 5000) {
    const rows = await db
      .selectFrom('document_rates')
      .select(['document_id', 'rate_ppm', 'base_amount'])
      .where('document_id', 'in', documentIds.slice(i, i + 5000))
      .execute();
    for (const r of rows) out.set(r.document_id, { ratePpm: r.rate_ppm, baseAmount: r.base_amount });
  }
  return out;
}

/** The first document id that must carry a recorded rate (documents before it predate rates). */
export async function ratedFrom(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', 'currency.rated_from').executeTakeFirst();
  const v = row ? (JSON.parse(row.value_json) as { documentId?: unknown }).documentId : 1;
  return typeof v === 'number' ? v : 1;
}
