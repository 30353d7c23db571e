import { useState } from 'react';
import type { CaseDetail } from '../../../../../shared/api/collections-types';
import { todayIso } from '../../../../../shared/dates';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { money } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';
import { FormButtons } from './FormButtons';

/** Add the customer's other overdue invoices to the case, with the reason on the timeline. */
export function AddInvoicesDialog(props: { detail: CaseDetail; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<Set<number>>(new Set(props.detail.otherOpenInvoices.map((i) => i.id)));
  const [reason, setReason] = useState('');
  const change = useSubmit('case-invoices');
  const onSubmit = async () => {
    const r = await change.submit({ id: props.detail.id, add: [...picked], remove: [], reason, date: todayIso() });
    if (r) props.onDone();
  };
  const toggle = (id: number) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <Modal title={t('coll.dlg.addInvoices')} onClose={props.onClose}>
      <Form error={change.error} onSubmit={onSubmit} label={t('coll.dlg.addInvoices')} className="form form-grid coll-form">
        <fieldset className="coll-checks wide">
          {props.detail.otherOpenInvoices.map((i) => (
            <label key={i.id}>
              <input type="checkbox" checked={picked.has(i.id)} onChange={() => toggle(i.id)} /> {i.number} · {i.dueDate} · {money(i.open, props.detail.digits)}
            </label>
          ))}
        </fieldset>
        <Field label={t('coll.f.reason')} name="reason" wide>
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <FormButtons busy={change.busy} label={t('common.save')} action="save-invoices" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
