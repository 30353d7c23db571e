/**
 * Exchange rates on the command line (for batch imports of documents in other currencies):
 *   arw rate  --ledger F --currency USD --date YYYY-MM-DD --rate 7.1234 [--note TEXT]
 *   arw rates --ledger F [--currency USD] [--format json|csv]
 */
import type { Language } from '../../shared/domain';
import { openLedger } from '../db/open';
import { csvCell } from '../import/csv';
import { getCompany } from '../repos/company';
import { addRate, ratesList } from '../services/rates';
import { writingTo } from './writer-lock';

export const RATES_USAGE = `  arw rate    --ledger F --currency USD --date YYYY-MM-DD --rate 7.1234 [--note TEXT]
              (1 USD = 7.1234 in the base currency; the latest entry for a date wins)
  arw rates   --ledger F [--currency USD] [--format json|csv]`;

export class RatesUsageError extends Error {}

export interface RatesCliValues {
  ledger: string;
  currency?: string;
  date?: string;
  rate?: string;
  note?: string;
  format?: string;
}

export async function runRatesCommand(command: 'rate' | 'rates', values: RatesCliValues, lang: Language, out: (s: string) => void): Promise<number> {
  if (command === 'rate') {
    if (!values.currency || !values.date || !values.rate) throw new RatesUsageError('arw rate --ledger F --currency USD --date YYYY-MM-DD --rate 7.1234 [--note TEXT]');
    const input = { currency: values.currency, date: values.date, rate: values.rate, note: values.note };
    const { r, base } = await writingTo(values.ledger, async (ledger) => ({ r: await addRate(ledger.db, input), base: (await getCompany(ledger.db)).baseCurrency }));
    out(lang === 'zh' ? `已录入汇率：${r.date} 1 ${r.currency} = ${r.rate} ${base}\n` : `Rate recorded: on ${r.date}, 1 ${r.currency} = ${r.rate} ${base}\n`);
    return 0;
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new RatesUsageError('--format json|csv');
  const ledger = await openLedger(values.ledger, { readonly: true });
  try {
    const list = await ratesList(ledger.db, values.currency?.toUpperCase());
    if (format === 'json') {
      out(JSON.stringify({ base_currency: list.baseCurrency, rates: list.rates.map((r) => ({ currency: r.currency, date: r.date, rate: r.rate, note: r.note, created_at: r.createdAt, created_by: r.createdBy, superseded: r.superseded })) }, null, 2) + '\n');
    } else {
      const cols = ['currency', 'date', 'rate', 'note', 'created_at', 'created_by', 'superseded'] as const;
      const rows = list.rates.map((r) => [r.currency, r.date, r.rate, r.note, r.createdAt, r.createdBy, r.superseded ? 'yes' : ''].map((v) => csvCell(v)).join(','));
      out([cols.join(','), ...rows].join('\n') + '\n');
    }
    return 0;
  } finally {
    await ledger.close();
  }
}
