/**
 * The credit check: the seam every action that commits goods on credit calls first (posting a
 * delivery / invoice, issuing a price confirmation). A hold refuses the action in the user's
 * language with the numbers, unless someone overrides it with a reason, which is recorded.
 */
import { todayIso } from '../../shared/dates';
import { reasonsText } from '../../shared/credit/messages';
import { verdictFor } from '../../shared/credit/policy';
import type { CreditVerdict } from '../../shared/credit/types';
import { formatMoney } from '../../shared/money';
import type { Db } from '../db/tx';
import { LedgerError } from '../errors';
import { rateCustomer } from './ratings';
import { recordCreditOverride, type NewOverride } from './store';
import { setPaperCreditGate } from '../papers/credit-seam';

/**
 * May `customerId` take goods worth `amount` (minor units) on credit on `asOf` (default today)?
 * `{ ok: true }`, or the reasons of the hold, its mode (block, or limited supply) and, for limited
 * supply, the largest amount allowed.
 */
export async function creditCheck(db: Db, customerId: number, amount: number, opts: { asOf?: string } = {}): Promise<CreditVerdict> {
  const asOf = opts.asOf ?? todayIso();
  const { customer, facts, settings, rating } = await rateCustomer(db, customerId, asOf);
  return verdictFor(rating, customer.status, amount, facts.digits, settings);
}

/** The error a refused action raises: both languages' sentences are in its parameters. */
export function creditHoldError(verdict: Exclude<CreditVerdict, { ok: true }>, amount: number, digits: number): LedgerError {
  const params: Record<string, string | number> = {
    summary_en: reasonsText('en', verdict.reasons),
    summary_zh: reasonsText('zh', verdict.reasons),
    mode: verdict.mode,
    amount: formatMoney(amount, digits),
    reasons: verdict.reasons.map((r) => r.key.replace('credit.reason.', '')).join(','),
  };
  if (verdict.mode === 'limit') params.allowed = formatMoney(verdict.allowedAmount ?? 0, digits);
  return new LedgerError(verdict.mode === 'limit' ? 'error.creditLimited' : 'error.creditHold', params);
}

export interface Enforce {
  customerId: number;
  amount: number;
  date: string;
  context: NewOverride['context'];
  reference: string;
  override?: { reason: string };
}

export interface PendingOverride {
  record(documentId: number | null, actor: string): Promise<number>;
}

/**
 * Runs the check inside the caller's write transaction. A hold throws (creditHoldError) unless an
 * override with a reason is given; then the caller gets back something to record once its
 * document exists (in the same transaction), so an override is never recorded for nothing.
 */
export async function enforceCreditPolicy(trx: Db, e: Enforce): Promise<PendingOverride | null> {
  const { customer, facts, settings, rating } = await rateCustomer(trx, e.customerId, e.date);
  const verdict = verdictFor(rating, customer.status, e.amount, facts.digits, settings);
  if (verdict.ok) return null;
  const reason = e.override?.reason.trim() ?? '';
  if (!reason) throw creditHoldError(verdict, e.amount, facts.digits);
  return {
    record: (documentId, actor) =>
      recordCreditOverride(
        trx,
        { customerId: e.customerId, documentId, context: e.context, reference: e.reference, onDate: e.date, amount: e.amount, reasons: verdict.reasons, reason },
        actor,
      ),
  };
}

// Issuing a price confirmation commits goods on credit too: the papers feature asks through its seam.
setPaperCreditGate(enforceCreditPolicy);
