/**
 * Promises to pay, judged against receipts: a receipt dated from the day the promise was made to
 * its due date counts toward it; each receipt counts once, earliest-due promise first.
 * Kept: received the amount (even early). After the due date: partly kept or broken.
 */
import type { PromiseStatus } from '../../shared/api/collections-types';

export interface PromiseInput {
  id: number;
  madeOn: string;
  dueDate: string;
  amount: number;
  replaced: boolean;
}

export interface ReceiptInput {
  date: string;
  amount: number;
}

export interface PromiseOutcome {
  received: number;
  status: PromiseStatus;
}

export function evaluatePromises(promises: readonly PromiseInput[], receipts: readonly ReceiptInput[], asOf: string): Map<number, PromiseOutcome> {
  const live = promises.filter((p) => !p.replaced).sort((a, b) => (a.dueDate === b.dueDate ? a.id - b.id : a.dueDate < b.dueDate ? -1 : 1));
  const received = new Map<number, number>(live.map((p) => [p.id, 0]));
  const sorted = [...receipts].filter((r) => r.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const r of sorted) {
    let left = r.amount;
    for (const p of live) {
      if (left <= 0) break;
      if (r.date < p.madeOn || r.date > p.dueDate) continue;
      const need = p.amount - received.get(p.id)!;
      if (need <= 0) continue;
      const take = Math.min(need, left);
      received.set(p.id, received.get(p.id)! + take);
      left -= take;
    }
  }
  const out = new Map<number, PromiseOutcome>();
  for (const p of promises) {
    if (p.replaced) {
      out.set(p.id, { received: 0, status: 'replaced' });
      continue;
    }
    const got = received.get(p.id)!;
    let status: PromiseStatus;
    if (got >= p.amount) status = 'kept';
    else if (asOf <= p.dueDate) status = 'open';
    else status = got > 0 ? 'partly_kept' : 'broken';
    out.set(p.id, { received: got, status });
  }
  return out;
}
