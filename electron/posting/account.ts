/**
 * The posting engine's in-memory view of customer accounts. Every allocation rule and invariant of
 * the ledger lives here; the caller loads the affected accounts, applies postings, and flushes the
 * rows this produces in one transaction (electron/posting/session.ts).
 */
import { FAR_FUTURE } from '../../shared/dates';
import { LedgerError } from '../errors';

export type Side = 1 | -1;

export interface AllocEvent {
  date: string;
  amount: number;
  /** The other document of the allocation. */
  otherId: number;
}

export interface Item {
  id: number;
  customerId: number;
  kind: string;
  side: Side;
  number: string;
  date: string;
  /** Due date for debit documents; the document date for credit documents. */
  dueDate: string;
  amount: number;
  /** Open amount now: unpaid (debit) or unapplied (credit). */
  open: number;
  allocs: AllocEvent[];
  reversed: boolean;
  dirty: boolean;
}

export interface AllocOut {
  sourceId: number;
  targetId: number;
  customerId: number;
  date: string;
  amount: number;
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The date of the item's latest allocation event (or its own date). */
function lastEvent(item: Item): string {
  let d = item.date;
  for (const a of item.allocs) if (a.date > d) d = a.date;
  return d;
}

/**
 * A new allocation is never dated before anything already recorded on either document, so every
 * document's history stays in date order and no as-of view can see an open amount below zero
 * (e.g. a back-dated receipt meeting an invoice that a later reversal reopened).
 */
function allocationDate(natural: string, source: Item, target: Item): string {
  return later(natural, later(lastEvent(source), lastEvent(target)));
}

export function compareDebits(a: Item, b: Item): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : a.id - b.id;
}

function compareCredits(a: Item, b: Item): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

/** The date from which an item's open amount stays zero for good, or FAR_FUTURE while it is open. */
export function closedFrom(item: Pick<Item, 'amount' | 'open' | 'allocs'>): string {
  if (item.open !== 0) return FAR_FUTURE;
  // Fast path (nearly every document): no allocation was ever undone, so the running total only
  // grows and first reaches the amount on the latest date.
  let latest = '';
  let sum = 0;
  let undone = false;
  for (const a of item.allocs) {
    if (a.amount < 0) undone = true;
    sum += a.amount;
    if (a.date > latest) latest = a.date;
  }
  if (!undone) {
    if (sum !== item.amount || latest === '') throw new Error(`allocations of document do not add up to its amount`);
    return latest;
  }
  const byDate = new Map<string, number>();
  for (const a of item.allocs) byDate.set(a.date, (byDate.get(a.date) ?? 0) + a.amount);
  let cum = 0;
  let from: string | null = null;
  for (const date of [...byDate.keys()].sort()) {
    cum += byDate.get(date)!;
    if (cum === item.amount) from ??= date;
    else from = null;
  }
  if (from === null) throw new Error(`allocations of document do not add up to its amount`);
  return from;
}

export class Account {
  readonly items = new Map<number, Item>();
  /** Debit documents in allocation order; `head` skips the settled prefix. */
  private debits: Item[] = [];
  private debitsSorted = true;
  private head = 0;
  private readonly creditsOpen = new Set<Item>();

  constructor(readonly customerId: number) {}

  add(item: Item): void {
    if (item.customerId !== this.customerId) throw new Error('item of another customer');
    this.items.set(item.id, item);
    if (item.side === 1) {
      const last = this.debits[this.debits.length - 1];
      if (last && compareDebits(last, item) > 0) this.debitsSorted = false;
      this.debits.push(item);
    } else if (item.open > 0) this.creditsOpen.add(item);
  }

  /** Open debit documents, earliest due date first (then date, then number). */
  openDebits(onOrBefore?: string): Item[] {
    if (!this.debitsSorted) {
      this.debits.sort(compareDebits);
      this.debitsSorted = true;
      this.head = 0;
    }
    while (this.head < this.debits.length && this.debits[this.head].open === 0) this.head++;
    const out: Item[] = [];
    for (let i = this.head; i < this.debits.length; i++) {
      const it = this.debits[i];
      if (it.open > 0 && (!onOrBefore || it.date <= onOrBefore)) out.push(it);
    }
    return out;
  }

  openCredits(): Item[] {
    return [...this.creditsOpen].sort(compareCredits);
  }

  /** The one place an allocation is made; checks every invariant before it changes anything. */
  allocate(source: Item, target: Item, amount: number, date: string, out: AllocOut[]): void {
    if (source.side !== -1 || target.side !== 1) throw new Error('allocation must go from a credit to a debit document');
    if (source.customerId !== this.customerId || target.customerId !== this.customerId) throw new Error('allocation across customers');
    if (!Number.isSafeInteger(amount) || amount === 0) throw new Error('allocation amount must be a non-zero integer');
    if (date < source.date || date < target.date) throw new Error('allocation dated before its documents');
    if (amount > 0 && (amount > source.open || amount > target.open)) throw new Error('allocation exceeds open amount');
    if (amount > 0 && (date < lastEvent(source) || date < lastEvent(target))) throw new Error('allocation dated before the documents\' history');
    if (amount < 0) {
      const net = source.allocs.filter((a) => a.otherId === target.id).reduce((s, a) => s + a.amount, 0);
      if (net + amount < 0) throw new Error('undoing more than was allocated');
    }
    source.open -= amount;
    target.open -= amount;
    source.allocs.push({ date, amount, otherId: target.id });
    target.allocs.push({ date, amount, otherId: source.id });
    source.dirty = target.dirty = true;
    if (source.open > 0) this.creditsOpen.add(source);
    else this.creditsOpen.delete(source);
    if (amount < 0) this.head = 0;
    out.push({ sourceId: source.id, targetId: target.id, customerId: this.customerId, date, amount });
  }

  /** Rule 3: unapplied credit goes to a newly posted debit document, dated the later of the two. */
  applyCreditsTo(debit: Item, out: AllocOut[]): void {
    if (this.creditsOpen.size === 0) return;
    for (const credit of this.openCredits()) {
      if (debit.open === 0) break;
      this.allocate(credit, debit, Math.min(credit.open, debit.open), allocationDate(later(debit.date, credit.date), credit, debit), out);
    }
  }

  /**
   * Rules 1 and 2: a credit naming an invoice goes to it; one naming none goes to the open debits
   * dated on or before it, earliest due first. The excess stays unapplied.
   */
  applyCredit(credit: Item, appliesTo: Item | null, out: AllocOut[]): void {
    if (appliesTo) {
      const amount = Math.min(credit.open, appliesTo.open);
      if (amount > 0) this.allocate(credit, appliesTo, amount, allocationDate(later(credit.date, appliesTo.date), credit, appliesTo), out);
      return;
    }
    if (this.debits.length === 0) return;
    if (!this.debitsSorted) this.openDebits();
    while (this.head < this.debits.length && this.debits[this.head].open === 0) this.head++;
    for (let i = this.head; i < this.debits.length && credit.open > 0; i++) {
      const debit = this.debits[i];
      if (debit.open === 0 || debit.date > credit.date) continue;
      this.allocate(credit, debit, Math.min(credit.open, debit.open), allocationDate(credit.date, credit, debit), out);
    }
  }

  /**
   * A reversal voids `original`: every allocation it took part in is undone on the reversal date
   * (which may not precede any of them) and the reversal document then absorbs it whole.
   * Credit freed this way stays unapplied; reopened invoices stay open.
   */
  reverse(original: Item, reversal: Item, out: AllocOut[]): void {
    assertReversible(original, reversal.date);
    if (reversal.side !== -original.side || reversal.amount !== original.amount) throw new Error('reversal must mirror the original');
    const net = new Map<number, number>();
    for (const a of original.allocs) net.set(a.otherId, (net.get(a.otherId) ?? 0) + a.amount);
    for (const [otherId, amount] of net) {
      if (amount === 0) continue;
      const other = this.items.get(otherId);
      if (!other) throw new Error(`counterpart ${otherId} not loaded`);
      if (original.side === 1) this.allocate(other, original, -amount, reversal.date, out);
      else this.allocate(original, other, -amount, reversal.date, out);
    }
    if (original.side === 1) this.allocate(reversal, original, original.amount, reversal.date, out);
    else this.allocate(original, reversal, original.amount, reversal.date, out);
    original.reversed = true;
  }
}

/** Refuses a reversal that is not allowed, with a message for the user. */
export function assertReversible(original: Item, date: string): void {
  if (original.reversed) throw new LedgerError('error.alreadyReversed', { number: original.number });
  if (original.kind === 'reversal') throw new LedgerError('error.cannotReverseReversal', { number: original.number });
  const latest = original.allocs.reduce((d, a) => later(d, a.date), original.date);
  if (date < latest) throw new LedgerError('error.reversalTooEarly', { date: latest }, 'date');
}
