/**
 * Inputs the credit model takes from other features: broken promises to pay and open disputes
 * (collections), unshipped confirmed orders (price confirmations). Each feature registers a
 * source; until one does, its figure is zero. A source answers for many customers at once.
 *
 *   registerCreditInputs({ name: 'collections', brokenPromises: async (db, ids, asOf, months) => new Map(...) })
 *
 * The collections and papers sources are in sources.ts.
 */
import type { Db } from '../db/tx';

/** `months`: the rating window (settings.windowMonths), for inputs that count events over it. */
export type PerCustomer = (db: Db, customerIds: number[] | null, asOf: string, months: number) => Promise<Map<number, number>>;

export interface CreditInputSource {
  name: string;
  /** Promises to pay due on or before asOf (within the rating window) and not kept. */
  brokenPromises?: PerCustomer;
  /** Statements or invoices disputed and not resolved on asOf. */
  openDisputes?: PerCustomer;
  /** Confirmed but not yet delivered orders, in minor units (they count towards the credit limit). */
  pendingOrders?: PerCustomer;
}

const sources = new Map<string, CreditInputSource>();

export function registerCreditInputs(source: CreditInputSource): void {
  sources.set(source.name, source);
}

export function unregisterCreditInputs(name: string): void {
  sources.delete(name);
}

export interface CreditInputs {
  brokenPromises: Map<number, number>;
  openDisputes: Map<number, number>;
  pendingOrders: Map<number, number>;
}

let defaults: Promise<void> | null = null;

/** Sums what every registered source says; `customerIds` null means all customers. */
export async function loadCreditInputs(db: Db, customerIds: number[] | null, asOf: string, months: number): Promise<CreditInputs> {
  // The sources of the collections and papers features (sources.ts), registered on first use.
  await (defaults ??= import('./sources').then((m) => m.registerDefaultSources()));
  const out: CreditInputs = { brokenPromises: new Map(), openDisputes: new Map(), pendingOrders: new Map() };
  for (const source of sources.values()) {
    for (const key of ['brokenPromises', 'openDisputes', 'pendingOrders'] as const) {
      const fn = source[key];
      if (!fn) continue;
      for (const [id, n] of await fn(db, customerIds, asOf, months)) out[key].set(id, (out[key].get(id) ?? 0) + n);
    }
  }
  return out;
}
