import { useState } from 'react';
import { todayIso } from '../../../../shared/dates';
import type { CustomerLedger, PostResult } from '../../../../shared/domain';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { amountInput, money } from '../../lib/format';
import { useSubmit } from '../../lib/useSubmit';
import { openInvoices } from './ledgerMath';
import { RateField, rateForApi } from './RateField';

export type PaymentKind = 'receipt' | 'credit_note' | 'write_off';

export const METHODS = ['bank', 'cash', 'cheque', 'acceptance', 'alipay', 'wechat', 'other'] as const;

/** A receipt, credit note or write-off; it names an invoice, or is allocated oldest due first. */
export function PaymentForm(props: { kind: PaymentKind; ledger: CustomerLedger; onClose(): void; onPosted(r: PostResult): void }) {
  const { t } = useI18n();
  const { customer, digits } = props.ledger;
  const [reference, setReference] = useState('');
  const [date, setDate] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<string>(props.kind === 'receipt' ? 'bank' : '');
  const [appliesTo, setAppliesTo] = useState('');
  const [memo, setMemo] = useState('');
  const [rate, setRate] = useState(''); // customers in another currency (RateField)
  const post = useSubmit('payment-post');
  const invoices = openInvoices(props.ledger);

  const onSubmit = async () => {
    const result = await post.submit({
      customerId: customer.id,
      kind: props.kind,
      reference,
      date,
      amount: amountInput(amount),
      method: method || undefined,
      appliesTo: appliesTo || undefined,
      memo,
      ...(rate.trim() ? { rate: rateForApi(rate) } : {}),
    });
    if (result) props.onPosted(result);
  };

  const title = t(`payment.title.${props.kind}`);
  return (
    <Modal title={title} onClose={props.onClose}>
      <Form error={post.error} onSubmit={onSubmit} label={title}>
        <div className="form-grid two">
          <Field label={t('payment.reference')} name="reference">
            <input name="reference" value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
          <Field label={t('payment.date')} name="date">
            <input
              name="date"
              type="date"
              value={date}
              onChange={(e) => {
                setDate(e.target.value);
                if (post.error?.field === 'rate') post.setError(null); // the rate is looked up again for the new date
              }}
            />
          </Field>
          <Field label={`${t('payment.amount')} (${customer.currency})`} name="amount">
            <input name="amount" className="num" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <RateField currency={customer.currency} date={date} value={rate} onChange={setRate} />
          {props.kind === 'receipt' && (
            <Field label={t('payment.method')} name="method">
              <select name="method" value={method} onChange={(e) => setMethod(e.target.value)}>
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`method.${m}`)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('payment.appliesTo')} name="appliesTo" wide>
            <select name="appliesTo" value={appliesTo} onChange={(e) => setAppliesTo(e.target.value)}>
              <option value="">{t('payment.auto')}</option>
              {invoices.map((inv) => (
                <option key={inv.id} value={inv.number}>
                  {t('payment.openAmount', { number: inv.number, amount: money(inv.open, digits) })}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('payment.memo')} name="memo" wide>
            <input name="memo" value={memo} onChange={(e) => setMemo(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={post.busy} data-action="post-payment">
            {t('common.post')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}
