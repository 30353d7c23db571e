import { useState } from 'react';
import type { ClaimLine } from '../../../../../shared/api/collections-types';
import { todayIso } from '../../../../../shared/dates';
import { Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { money } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';
import { FormButtons } from './FormButtons';
import { ReasonAndDate } from './ReasonAndDate';

/** Take one invoice out of the case; the reason is required and goes on the timeline with who and when. */
export function RemoveInvoiceDialog(props: { caseId: number; line: ClaimLine; digits: number; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const change = useSubmit('case-invoices');
  const title = t('coll.dlg.removeInvoice', { number: props.line.number });
  const onSubmit = async () => {
    const r = await change.submit({ id: props.caseId, add: [], remove: [props.line.invoiceId], reason, date });
    if (r) props.onDone();
  };
  return (
    <Modal title={title} onClose={props.onClose}>
      <Form error={change.error} onSubmit={onSubmit} label={title} className="form form-grid coll-form">
        <p className="explain wide">
          {t('coll.dlg.removeExplain', { number: props.line.number, open: money(props.line.open, props.digits), due: props.line.dueDate })}
        </p>
        <ReasonAndDate reason={reason} date={date} onReason={setReason} onDate={setDate} />
        <FormButtons busy={change.busy} label={t('coll.action.removeFromCase')} action="confirm-remove-invoice" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
