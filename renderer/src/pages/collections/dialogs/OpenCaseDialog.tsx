import { useState } from 'react';
import { todayIso } from '../../../../../shared/dates';
import { call } from '../../../api';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { money } from '../../../lib/format';
import { useLoad } from '../../../lib/useLoad';
import { useSubmit } from '../../../lib/useSubmit';
import { FormButtons } from './FormButtons';

/** Open a case for a customer with overdue invoices (they are added to it). */
export function OpenCaseDialog(props: { onClose(): void; onOpened(id: number): void }) {
  const { t } = useI18n();
  const customers = useLoad(() => call('customer-list', {}), []);
  const [customerId, setCustomerId] = useState('');
  const open = useSubmit('case-open');
  const overdue = (customers.data ?? []).filter((c) => c.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const onSubmit = async () => {
    if (!customerId) return;
    const r = await open.submit({ customerId: Number(customerId), date: todayIso() });
    if (r) props.onOpened(r.id);
  };
  return (
    <Modal title={t('coll.dlg.open')} onClose={props.onClose}>
      <Form error={open.error} onSubmit={onSubmit} label={t('coll.dlg.open')} className="form form-grid coll-form">
        <Field label={t('coll.f.customer')} name="customerId" wide>
          <select name="customerId" value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
            <option value="">—</option>
            {overdue.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.name} · {t('customer.overdue')} {money(c.overdue, c.digits)}
              </option>
            ))}
          </select>
        </Field>
        <FormButtons busy={open.busy} label={t('coll.action.openCase')} action="confirm-open-case" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
