/**
 * The day's work (今日工作): invoices falling due in five days (remind before, not on, the due
 * date), promises due today, broken promises (the morning after), statements not returned, next
 * actions due, limitation periods about to run out, customers to reconcile (no confirmed statement for three months); with the good
 * collection moments of the day marked.
 */
import { addDays } from '../../shared/dates';
import type { Worklist, WorklistItem, WorklistKind } from '../../shared/api/collections-types';
import { currencyDigits } from '../../shared/money';
import type { Db } from '../db/tx';
import { goodMoments } from './calendar';
import { claimLine, customerInterruptions, loadInvoiceFacts } from './claim';
import { REMIND_DAYS } from './cases';
import { addYears } from './limitation';
import { promiseViews } from './promises';
import { disputeStates } from './repo';
import { getCollectionsSettings } from './settings';
import { reconciliationDue, unreturnedPapers } from './papers-bridge';

export const RECONCILE_MONTHS = 3;
export const EXPIRED_SHOWN_DAYS = 30;

const ORDER: WorklistKind[] = ['promise_broken', 'promise_due', 'limitation', 'next_action', 'due_soon', 'statement_not_returned', 'reconcile'];

type Customer = { id: number; code: string; name: string; currency: string };

export async function worklist(db: Db, date: string): Promise<Worklist> {
  const settings = await getCollectionsSettings(db);
  const customers = new Map<number, Customer>(
    (await db.selectFrom('customers').select(['id', 'code', 'name', 'currency']).execute()).map((c) => [c.id, c]),
  );
  const cases = await db.selectFrom('collection_cases').select(['id', 'customer_id', 'next_action', 'next_action_date', 'interest_rate_ppm']).where('stage', '<>', 'closed').execute();
  const caseOf = new Map(cases.map((c) => [c.customer_id, c.id]));
  const disputes = await disputeStates(db);
  const items: WorklistItem[] = [];
  const push = (kind: WorklistKind, customerId: number, key: string, itemDate: string, amount: number, detail: string) => {
    const c = customers.get(customerId);
    if (!c) return;
    items.push({ key: `${kind}:${key}`, kind, customerId, customerCode: c.code, customerName: c.name, caseId: caseOf.get(customerId) ?? null, date: itemDate, amount, digits: currencyDigits(c.currency), detail });
  };

  // Invoices falling due within the next five days, still open, not disputed.
  const dueSoon = await db
    .selectFrom('open_items as o')
    .innerJoin('documents as d', 'd.id', 'o.document_id')
    .select(['d.id', 'd.customer_id', 'd.number', 'o.due_date'])
    .where('o.side', '=', 1)
    .where('d.kind', '=', 'invoice')
    .where('o.due_date', '>', date)
    .where('o.due_date', '<=', addDays(date, REMIND_DAYS))
    .where('o.date', '<=', date)
    .where('o.closed_from', '>', date)
    .execute();
  const dueFacts = await loadInvoiceFacts(db, dueSoon.map((d) => d.id), date);
  const dueById = new Map(dueSoon.map((d) => [d.id, d]));
  for (const f of dueFacts) {
    const open = f.amount - f.allocations.reduce((s, a) => s + a.amount, 0);
    const d = dueById.get(f.id)!;
    if (open > 0 && !disputes.get(f.id)?.open) push('due_soon', d.customer_id, String(f.id), f.dueDate, open, f.number);
  }

  // Promises: due today and not yet met; broken (or partly kept) with no contact since.
  const promiseCustomers = await db
    .selectFrom('promises')
    .select('customer_id')
    .distinct()
    .where('due_date', '<=', date)
    .where('due_date', '>=', addDays(date, -366))
    .execute();
  for (const { customer_id } of promiseCustomers) {
    const views = await promiseViews(db, customer_id, date);
    const caseId = caseOf.get(customer_id);
    for (const p of views) {
      const left = p.amount - p.received;
      if (p.dueDate === date && p.status === 'open') push('promise_due', customer_id, String(p.id), p.dueDate, left, p.promisedBy);
      if (p.dueDate < date && (p.status === 'broken' || p.status === 'partly_kept')) {
        const followed = caseId
          ? await db.selectFrom('case_events').select('id').where('case_id', '=', caseId).where('kind', 'in', ['contact', 'letter', 'promise']).where('date', '>', p.dueDate).where('date', '<=', date).limit(1).executeTakeFirst()
          : undefined;
        if (!followed) push('promise_broken', customer_id, String(p.id), p.dueDate, left, p.promisedBy);
      }
    }
  }

  for (const c of cases) {
    if (c.next_action_date && c.next_action_date <= date) push('next_action', c.customer_id, String(c.id), c.next_action_date, 0, c.next_action);
  }

  // Limitation: only invoices old enough to be near expiry can be (a restart only pushes expiry later).
  const candidates = await db
    .selectFrom('open_items as o')
    .innerJoin('documents as d', 'd.id', 'o.document_id')
    .select(['d.id', 'd.customer_id'])
    .where('o.side', '=', 1)
    .where('d.kind', '=', 'invoice')
    .where('o.date', '<=', date)
    .where('o.closed_from', '>', date)
    .where('o.due_date', '<=', addYears(addDays(date, settings.warnDays), -settings.limitationYears))
    .execute();
  const byCustomer = new Map<number, number[]>();
  for (const c of candidates) byCustomer.set(c.customer_id, [...(byCustomer.get(c.customer_id) ?? []), c.id]);
  for (const [customerId, ids] of byCustomer) {
    const rate = cases.find((c) => c.customer_id === customerId)?.interest_rate_ppm ?? settings.defaultRatePpm;
    const [facts, interruptions] = await Promise.all([loadInvoiceFacts(db, ids, date), customerInterruptions(db, customerId, date)]);
    for (const f of facts) {
      const line = claimLine(f, date, rate, settings, interruptions, disputes.get(f.id));
      const lim = line.limitation;
      if (line.open <= 0) continue;
      if (lim.state === 'warning' || (lim.state === 'expired' && lim.daysLeft >= -EXPIRED_SHOWN_DAYS)) push('limitation', customerId, String(f.id), lim.expires, line.open, f.number);
    }
  }

  for (const p of await unreturnedPapers(db, date)) push('statement_not_returned', p.customerId, String(p.id), p.returnBy, p.amount, p.number);

  // Customers owing money with no statement confirmed for the last three months (the papers side
  // decides), unless a signed statement was attached as evidence within that time.
  const signed = await db
    .selectFrom('evidence')
    .select((eb) => ['customer_id', eb.fn.max<string>('evidence_date').as('last')])
    .where('kind', '=', 'signed_statement')
    .where('evidence_date', '<=', date)
    .groupBy('customer_id')
    .execute();
  const lastSigned = new Map(signed.map((s) => [s.customer_id, s.last]));
  for (const r of await reconciliationDue(db, RECONCILE_MONTHS, date)) {
    const last = lastSigned.get(r.customerId);
    if (r.balance <= 0 || (last && last >= addDays(date, -RECONCILE_MONTHS * 30))) continue;
    push('reconcile', r.customerId, String(r.customerId), r.lastConfirmedOn ?? '', r.balance, r.lastConfirmedPeriod ?? '');
  }

  items.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || b.amount - a.amount || a.customerCode.localeCompare(b.customerCode));
  return { date, moments: goodMoments(date), items };
}
