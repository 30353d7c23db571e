/** Handlers of the credit operations; requests arrive already validated by dispatch. */
import { todayIso } from '../../../shared/dates';
import type { creditOps } from '../../../shared/api/credit';
import type { CreditSettings } from '../../../shared/credit/settings';
import { currencyDigits } from '../../../shared/money';
import { requireLedger } from '../../app/context';
import { creditCheck } from '../../credit/check';
import { creditDetail, rateAll, whatIf } from '../../credit/ratings';
import { runDueReviews, setManualGrade } from '../../credit/review';
import { getCreditSettings, setCreditSettings, setReviewCycle } from '../../credit/store';
import { LedgerError } from '../../errors';
import { findCustomerById } from '../../repos/customers';
import { parseAmountField } from '../../services/ledger';
import type { Db } from '../../db/tx';
import type { Handler } from '../dispatch';

async function amountFor(db: Db, customerId: number, text: string, field: string): Promise<number> {
  const c = await findCustomerById(db, customerId);
  if (!c) throw new LedgerError('error.customerNotFound', { id: customerId }, 'customerId');
  return parseAmountField(text, currencyDigits(c.currency), field);
}

export const creditHandlers: { [K in keyof typeof creditOps]: Handler<K> } = {
  async 'credit-ratings'(ctx, req) {
    return rateAll(requireLedger(ctx).db, req.asOf ?? todayIso());
  },
  async 'credit-rating'(ctx, req) {
    return creditDetail(requireLedger(ctx).db, req.customerId, req.asOf ?? todayIso());
  },
  async 'credit-whatif'(ctx, req) {
    const { db } = requireLedger(ctx);
    const delivery = req.delivery ? await amountFor(db, req.customerId, req.delivery, 'delivery') : undefined;
    return whatIf(db, req.customerId, req.asOf ?? todayIso(), { payOverdueDays: req.payOverdueDays, payInvoiceIds: req.payInvoiceIds, delivery });
  },
  async 'credit-check'(ctx, req) {
    const { db } = requireLedger(ctx);
    return creditCheck(db, req.customerId, await amountFor(db, req.customerId, req.amount, 'amount'), { asOf: req.date });
  },
  async 'credit-settings-get'(ctx) {
    return getCreditSettings(requireLedger(ctx).db);
  },
  async 'credit-settings-set'(ctx, req) {
    return setCreditSettings(requireLedger(ctx).db, req as CreditSettings);
  },
  async 'credit-grade-set'(ctx, req) {
    const { db } = requireLedger(ctx);
    const asOf = req.asOf ?? todayIso();
    await setManualGrade(db, req.customerId, req.grade, req.reason, asOf);
    return creditDetail(db, req.customerId, asOf);
  },
  async 'credit-review-cycle-set'(ctx, req) {
    const { db } = requireLedger(ctx);
    await setReviewCycle(db, req.customerId, req.cycle);
    return creditDetail(db, req.customerId, todayIso());
  },
  async 'credit-review-run'(ctx, req) {
    return runDueReviews(requireLedger(ctx).db, req.asOf ?? todayIso(), { all: req.all });
  },
};
