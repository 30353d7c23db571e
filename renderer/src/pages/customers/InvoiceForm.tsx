import { useState } from 'react';
import { addDays, isIsoDate, todayIso } from '../../../../shared/dates';
import type { CustomerLedger, PostResult } from '../../../../shared/domain';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';
import { amountInput } from '../../lib/format';
import { emptyLine, isBlankLine, LineItems, lineForApi, type LineDraft } from './LineItems';
import { CreditOverrideBox, isCreditHold } from '../credit/CreditOverrideBox';
import { RateField, rateForApi } from './RateField';

const QUESTIONS = ['acceptancePerson', 'acceptanceCriteria', 'paymentMethod', 'paymentDate', 'paymentResponsible'] as const;
type Question = (typeof QUESTIONS)[number];

/** Post an invoice / delivery note: line items or a single amount, and the six questions. */
export function InvoiceForm(props: { ledger: CustomerLedger; onClose(): void; onPosted(r: PostResult): void }) {
  const { t } = useI18n();
  const { customer, digits } = props.ledger;
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(todayIso());
  const [dueDate, setDueDate] = useState('');
  const [mode, setMode] = useState<'lines' | 'amount'>('lines');
  const [lines, setLines] = useState<LineDraft[]>([emptyLine]);
  const [amount, setAmount] = useState('');
  const [memo, setMemo] = useState('');
  const [rate, setRate] = useState(''); // customers in another currency (RateField)
  const [answers, setAnswers] = useState<Record<Question, string>>({
    acceptancePerson: '',
    acceptanceCriteria: '',
    paymentMethod: '',
    paymentDate: '',
    paymentResponsible: '',
  });
  const post = useSubmit('invoice-post');
  // A credit hold refuses the delivery with its reasons; a reason given here overrides it, on the record.
  const [override, setOverride] = useState('');
  const held = isCreditHold(post.error) || override !== '';

  const onSubmit = async () => {
    const optional: Partial<Record<Question, string>> = {};
    for (const q of QUESTIONS) if (answers[q].trim()) optional[q] = answers[q].trim();
    const result = await post.submit({
      customerId: customer.id,
      number,
      date,
      dueDate: dueDate.trim() || undefined,
      ...(mode === 'lines' ? { lines: lines.filter((l) => !isBlankLine(l)).map(lineForApi) } : { amount: amountInput(amount) }),
      memo,
      ...(rate.trim() ? { rate: rateForApi(rate) } : {}),
      ...optional,
      ...(override.trim() ? { override: { reason: override.trim() } } : {}),
    });
    if (result) props.onPosted(result);
  };

  const termsDue = isIsoDate(date) ? addDays(date, customer.paymentTermsDays) : '';
  return (
    <Modal title={t('invoice.title')} onClose={props.onClose} wide>
      <Form error={post.error} onSubmit={onSubmit} label={t('invoice.title')}>
        <div className="form-grid">
          <Field label={t('invoice.number')} name="number">
            <input name="number" value={number} onChange={(e) => setNumber(e.target.value)} />
          </Field>
          <Field label={t('invoice.date')} name="date">
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
          <Field label={t('invoice.dueDate')} name="dueDate" hint={t('invoice.dueFromTerms', { days: customer.paymentTermsDays, date: termsDue })}>
            <input name="dueDate" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
          <RateField currency={customer.currency} date={date} value={rate} onChange={setRate} />
          <div className="field">
            <span className="field-label">{t('invoice.mode')}</span>
            <div className="segmented" role="radiogroup" aria-label={t('invoice.mode')}>
              {(['lines', 'amount'] as const).map((m) => (
                <label key={m} className={mode === m ? 'on' : undefined}>
                  <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                  {t(m === 'lines' ? 'invoice.modeLines' : 'invoice.modeAmount')}
                </label>
              ))}
            </div>
          </div>
        </div>
        {mode === 'lines' ? (
          <LineItems lines={lines} digits={digits} onChange={setLines} />
        ) : (
          <Field label={`${t('invoice.amount')} (${customer.currency})`} name="amount">
            <input name="amount" className="num" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
        )}
        <fieldset className="six-questions">
          <legend>{t('invoice.sixQuestions')}</legend>
          <div className="form-grid">
            {QUESTIONS.map((q) => (
              <Field key={q} label={t(`invoice.${q}`)} name={q} hint={t('common.optional')}>
                <input
                  name={q}
                  type={q === 'paymentDate' ? 'date' : 'text'}
                  value={answers[q]}
                  onChange={(e) => setAnswers((a) => ({ ...a, [q]: e.target.value }))}
                />
              </Field>
            ))}
          </div>
        </fieldset>
        <Field label={t('invoice.memo')} name="memo" wide>
          <input name="memo" value={memo} onChange={(e) => setMemo(e.target.value)} />
        </Field>
        {held && <CreditOverrideBox reason={override} onReason={setOverride} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={post.busy} data-action="post-invoice">
            {override.trim() ? t('credit.override.post') : t('common.post')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}
