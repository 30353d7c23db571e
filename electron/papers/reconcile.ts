/**
 * Which customers need reconciling: a balance outstanding and no statement confirmed by them for
 * a period within the last N months (default 3). Also what collections reads: papers out for
 * signature past their return-by date.
 */
import type { PaperKindName, ReconcileDue } from '../../shared/api/papers';
import { todayIso } from '../../shared/dates';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { liveDebits, liveUnapplied } from '../services/aging-live';

/** 'YYYY-MM' of the month `months` before the month of `asOf`. */
export function monthsBefore(asOf: string, months: number): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7)) - 1 - months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

/**
 * Each customer's balance on `asOf`: its invoices open on that date less its unapplied credit on
 * that date, the aging's own rule (documents and allocations dated on or before the date), so a
 * past date shows what was owed then, not today's balance.
 */
export async function balancesOn(db: Db, asOf: string): Promise<Map<number, number>> {
  const [debits, credits] = await Promise.all([liveDebits(db, asOf), liveUnapplied(db, asOf)]);
  const out = new Map<number, number>();
  for (let i = 0; i < debits.customer.length; i++) out.set(debits.customer[i], (out.get(debits.customer[i]) ?? 0) + debits.open[i]);
  for (const [customerId, open] of credits) out.set(customerId, (out.get(customerId) ?? 0) - open);
  return out;
}

export async function reconciliationDue(db: Db, months = 3, asOf = todayIso()): Promise<ReconcileDue[]> {
  const cutoff = monthsBefore(asOf, months);
  const [owed, customers, confirmed] = await Promise.all([
    balancesOn(db, asOf),
    db.selectFrom('customers').select(['id', 'code', 'name', 'currency']).execute(),
    db
      .selectFrom('papers as p')
      .innerJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
      .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
      .select((eb) => ['p.customer_id', eb.fn.max('p.period').as('period'), eb.fn.max('s.returned_on').as('returned_on')])
      .where('p.kind', '=', 'statement')
      .where('s.outcome', '=', 'confirmed')
      .where('v.paper_id', 'is', null)
      .groupBy('p.customer_id')
      .execute(),
  ]);
  const balances = customers.map((c) => ({ ...c, balance: owed.get(c.id) ?? 0 }));
  const last = new Map(confirmed.map((r) => [r.customer_id, { period: r.period as string | null, on: r.returned_on as string | null }]));
  return balances
    .filter((b) => Number(b.balance) !== 0)
    .map((b) => ({ b, l: last.get(b.id) }))
    .filter(({ l }) => !l?.period || l.period < cutoff)
    .map(({ b, l }) => ({
      customerId: b.id,
      customerCode: b.code,
      customerName: b.name,
      currency: b.currency,
      digits: currencyDigits(b.currency),
      balance: Number(b.balance),
      lastConfirmedPeriod: l?.period ?? null,
      lastConfirmedOn: l?.on ?? null,
    }))
    .sort((a, b) => (a.lastConfirmedPeriod ?? '') < (b.lastConfirmedPeriod ?? '') ? -1 : (a.lastConfirmedPeriod ?? '') > (b.lastConfirmedPeriod ?? '') ? 1 : a.customerCode < b.customerCode ? -1 : 1);
}

export interface UnreturnedPaper {
  id: number;
  kind: PaperKindName;
  customerId: number;
  number: string;
  returnBy: string;
  amount: number;
}

/** Papers out for signature, not voided, not returned, with a return-by date on or before `date`. */
export async function unreturnedPapers(db: Db, date: string, kind?: PaperKindName): Promise<UnreturnedPaper[]> {
  let q = db
    .selectFrom('papers as p')
    .leftJoin('paper_voids as v', 'v.paper_id', 'p.id')
    .leftJoin('paper_sign_backs as s', 's.paper_id', 'p.id')
    .select(['p.id', 'p.kind', 'p.customer_id', 'p.number', 'p.return_by', 'p.amount'])
    .where('p.needs_signature', '=', 1)
    .where('v.paper_id', 'is', null)
    .where('s.id', 'is', null)
    .where('p.return_by', '<=', date)
    .orderBy('p.return_by');
  if (kind) q = q.where('p.kind', '=', kind);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as PaperKindName, customerId: r.customer_id, number: r.number, returnBy: r.return_by!, amount: r.amount }));
}
