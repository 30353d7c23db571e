import { useState } from 'react';
import { todayIso } from '../../../../shared/dates';
import type { LedgerEntry, PostResult } from '../../../../shared/domain';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';

/** Confirm a reversal (红字冲销); the reason is required and goes on the record. */
export function ReverseDialog(props: { entry: LedgerEntry; onClose(): void; onReversed(r: PostResult): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const reverse = useSubmit('document-reverse');
  const onSubmit = async () => {
    const result = await reverse.submit({ documentId: props.entry.id, date, reason });
    if (result) props.onReversed(result);
  };
  const title = t('reverse.title', { kind: t(`kind.${props.entry.kind}`), number: props.entry.number });
  return (
    <Modal title={title} onClose={props.onClose}>
      <Form error={reverse.error} onSubmit={onSubmit} label={title}>
        <p className="explain">{t('reverse.explain')}</p>
        <Field label={t('reverse.reason')} name="reason" wide>
          <textarea name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <Field label={t('reverse.date')} name="date">
          <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="danger" disabled={reverse.busy} data-action="confirm-reverse">
            {t('reverse.confirm')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}
