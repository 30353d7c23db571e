/** A CNY ledger with customers in CNY, USD and JPY, for the multi-currency tests. */
import type { Ledger } from '../../electron/db/open';
import { addCustomer, tempLedger } from '../helpers';

export interface Fixture {
  ledger: Ledger;
  cny: number;
  usd: number;
  jpy: number;
}

export async function fixture(): Promise<Fixture> {
  const ledger = await tempLedger('CNY');
  const cny = (await addCustomer(ledger, 'CN1', { currency: 'CNY' })).id;
  const usd = (await addCustomer(ledger, 'US1', { currency: 'USD' })).id;
  const jpy = (await addCustomer(ledger, 'JP1', { currency: 'JPY' })).id;
  return { ledger, cny, usd, jpy };
}

/** Row counts of the tables a posting writes (atomicity checks). */
export function counts(ledger: Ledger): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['documents', 'document_lines', 'document_rates', 'allocations', 'open_items', 'audit_log', 'integrity_seals', 'exchange_rates']) {
    out[t] = ledger.sqlite.prepare(`select count(*) from "${t}"`).pluck().get() as number;
  }
  return out;
}
