import { useState } from 'react';
import { todayIso } from '../../../../../shared/dates';
import { Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { useSubmit } from '../../../lib/useSubmit';
import { FormButtons } from './FormButtons';
import { ReasonAndDate } from './ReasonAndDate';

/** Mark an invoice disputed (it leaves the dunning flow) or resolve its dispute. */
export function DisputeDialog(props: { invoiceId: number; number: string; open: boolean; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const dispute = useSubmit('invoice-dispute');
  const title = t(props.open ? 'coll.dlg.dispute' : 'coll.dlg.resolve', { number: props.number });
  const onSubmit = async () => {
    const r = await dispute.submit({ invoiceId: props.invoiceId, open: props.open, reason, date });
    if (r) props.onDone();
  };
  return (
    <Modal title={title} onClose={props.onClose}>
      <Form error={dispute.error} onSubmit={onSubmit} label={title} className="form form-grid coll-form">
        <p className="explain wide">{t('coll.dlg.disputeExplain')}</p>
        <ReasonAndDate reason={reason} date={date} onReason={setReason} onDate={setDate} />
        <FormButtons busy={dispute.busy} label={t('common.save')} action="save-dispute" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
