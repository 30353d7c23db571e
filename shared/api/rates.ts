/** Exchange rates to the base currency (Settings › Exchange rates, and the rate on posting forms). */
import { z } from 'zod';
import { isoDate, op, text } from './common';

const currency = z.string().regex(/^[A-Z]{3}$/, 'error.currency');
/** Rates travel as decimal text ("7.1234") and are parsed to millionths in main (error.exchangeRate). */
export const rateText = text(30);

const ratesList = z.object({ currency: currency.optional() });
const rateAdd = z.object({ currency, date: isoDate, rate: rateText.min(1, 'error.required'), note: text(500).default('') });
const rateOnReq = z.object({ currency, date: isoDate });

export interface ExchangeRate {
  id: number;
  currency: string;
  date: string;
  /** Base units per unit of `currency`, × 1,000,000. */
  ratePpm: number;
  /** The same as decimal text ("7.1234"). */
  rate: string;
  note: string;
  createdAt: string;
  createdBy: string;
  /** A later entry for the same currency and date replaced this one. */
  superseded: boolean;
}

export interface RatesList {
  baseCurrency: string;
  /** Currencies of customers other than the base: the ones that need rates. */
  currencies: string[];
  rates: ExchangeRate[];
}

export interface RateOn {
  baseCurrency: string;
  currency: string;
  /** The latest rate dated on or before the date asked; null when there is none. */
  found: { ratePpm: number; rate: string; date: string } | null;
}

export const ratesOps = {
  'rates-list': op<typeof ratesList, RatesList>(ratesList),
  'rate-add': op<typeof rateAdd, ExchangeRate>(rateAdd),
  'rate-on': op<typeof rateOnReq, RateOn>(rateOnReq),
};
