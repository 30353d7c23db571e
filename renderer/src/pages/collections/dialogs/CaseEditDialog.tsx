import { useState } from 'react';
import { DEBTOR_TYPES, TEMPERAMENTS, type CaseDetail, type DebtorType, type Temperament } from '../../../../../shared/api/collections-types';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { amountForInput, amountInput } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';
import { debtorKey, temperKey } from '../labels';
import { formatPpm } from '../rate';
import { FormButtons } from './FormButtons';

/** Kind of debtor, temperament, owner, next action, contract rate and fees. */
export function CaseEditDialog(props: { detail: CaseDetail; defaultRatePpm: number; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const d = props.detail;
  const [f, setF] = useState({
    debtorType: (d.debtorType ?? '') as DebtorType | '',
    temperament: (d.temperament ?? '') as Temperament | '',
    owner: d.owner,
    nextAction: d.nextAction,
    nextActionDate: d.nextActionDate ?? '',
    interestRate: d.interestRatePpm === null ? '' : formatPpm(d.interestRatePpm),
    fees: amountForInput(d.fees, d.digits),
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const update = useSubmit('case-update');
  const onSubmit = async () => {
    const r = await update.submit({
      id: d.id,
      debtorType: f.debtorType || null,
      temperament: f.temperament || null,
      owner: f.owner,
      nextAction: f.nextAction,
      nextActionDate: f.nextActionDate || null,
      interestRate: f.interestRate,
      fees: amountInput(f.fees),
    });
    if (r) props.onDone();
  };
  return (
    <Modal title={t('coll.dlg.edit')} onClose={props.onClose}>
      <Form error={update.error} onSubmit={onSubmit} label={t('coll.dlg.edit')} className="form form-grid coll-form">
        <Field label={t('coll.case.debtorType')} name="debtorType">
          <select name="debtorType" value={f.debtorType} onChange={set('debtorType')}>
            <option value="">{t('common.none')}</option>
            {DEBTOR_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(debtorKey(x))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coll.case.temperament')} name="temperament">
          <select name="temperament" value={f.temperament} onChange={set('temperament')}>
            <option value="">{t('common.none')}</option>
            {TEMPERAMENTS.map((x) => (
              <option key={x} value={x}>
                {t(temperKey(x))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coll.case.owner')} name="owner">
          <input name="owner" value={f.owner} onChange={set('owner')} />
        </Field>
        <Field label={t('coll.case.nextAction')} name="nextAction">
          <input name="nextAction" value={f.nextAction} onChange={set('nextAction')} />
        </Field>
        <Field label={t('coll.case.nextActionDate')} name="nextActionDate">
          <input name="nextActionDate" type="date" value={f.nextActionDate} onChange={set('nextActionDate')} />
        </Field>
        <Field label={t('coll.case.rate')} name="interestRate" hint={t('coll.case.rateHint', { rate: formatPpm(props.defaultRatePpm) })}>
          <input name="interestRate" inputMode="decimal" value={f.interestRate} onChange={set('interestRate')} />
        </Field>
        <Field label={t('coll.case.fees')} name="fees">
          <input name="fees" inputMode="decimal" value={f.fees} onChange={set('fees')} />
        </Field>
        <FormButtons busy={update.busy} label={t('common.save')} action="save-case" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
