import { useState } from 'react';
import { PROMISE_HOW, type PromiseHow, type PromiseView } from '../../../../../shared/api/collections-types';
import { addDays, todayIso } from '../../../../../shared/dates';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { amountInput, money } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';
import { howKey } from '../labels';
import { FormButtons } from './FormButtons';

/** A specific promise to pay: how much, by when, who promised and how (spoken, written, recorded). */
export function PromiseDialog(props: {
  caseId: number;
  digits?: number;
  invoices?: { invoiceId: number; number: string }[];
  promises?: PromiseView[];
  person?: string;
  date?: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const today = props.date ?? todayIso();
  const [f, setF] = useState({ madeOn: today, dueDate: addDays(today, 7), amount: '', promisedBy: props.person ?? '', how: 'spoken' as PromiseHow, invoiceId: '', replacesId: '', note: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const promise = useSubmit('case-promise');
  const onSubmit = async () => {
    const r = await promise.submit({
      id: props.caseId,
      madeOn: f.madeOn,
      dueDate: f.dueDate,
      amount: amountInput(f.amount),
      promisedBy: f.promisedBy,
      how: f.how,
      note: f.note,
      ...(f.invoiceId ? { invoiceId: Number(f.invoiceId) } : {}),
      ...(f.replacesId ? { replacesId: Number(f.replacesId) } : {}),
    });
    if (r) props.onDone();
  };
  const replaceable = (props.promises ?? []).filter((p) => p.status === 'open' || p.status === 'broken' || p.status === 'partly_kept');
  return (
    <Modal title={t('coll.dlg.promise')} onClose={props.onClose}>
      <Form error={promise.error} onSubmit={onSubmit} label={t('coll.dlg.promise')} className="form form-grid coll-form">
        <Field label={t('coll.f.amount')} name="amount">
          <input name="amount" inputMode="decimal" value={f.amount} onChange={set('amount')} />
        </Field>
        <Field label={t('coll.f.dueDate')} name="dueDate">
          <input name="dueDate" type="date" value={f.dueDate} onChange={set('dueDate')} />
        </Field>
        <Field label={t('coll.f.promisedBy')} name="promisedBy">
          <input name="promisedBy" value={f.promisedBy} onChange={set('promisedBy')} />
        </Field>
        <Field label={t('coll.f.how')} name="how">
          <select name="how" value={f.how} onChange={set('how')}>
            {PROMISE_HOW.map((h) => (
              <option key={h} value={h}>
                {t(howKey(h))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coll.f.madeOn')} name="madeOn">
          <input name="madeOn" type="date" value={f.madeOn} onChange={set('madeOn')} />
        </Field>
        {props.invoices && props.invoices.length > 0 && (
          <Field label={t('coll.f.invoice')} name="invoiceId">
            <select name="invoiceId" value={f.invoiceId} onChange={set('invoiceId')}>
              <option value="">{t('coll.f.anyInvoice')}</option>
              {props.invoices.map((i) => (
                <option key={i.invoiceId} value={i.invoiceId}>
                  {i.number}
                </option>
              ))}
            </select>
          </Field>
        )}
        {replaceable.length > 0 && (
          <Field label={t('coll.f.replaces')} name="replacesId">
            <select name="replacesId" value={f.replacesId} onChange={set('replacesId')}>
              <option value="">{t('common.none')}</option>
              {replaceable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.dueDate} · {money(p.amount, props.digits ?? 2)} · {p.promisedBy}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('coll.f.note')} name="note" wide>
          <input name="note" value={f.note} onChange={set('note')} />
        </Field>
        <FormButtons busy={promise.busy} label={t('common.save')} action="save-promise" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
