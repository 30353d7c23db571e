import { useState } from 'react';
import type { PaperDetail, PaperSummary } from '../../../../shared/api/papers';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';

export function VoidDialog(props: { paper: PaperSummary; onClose(): void; onDone(d: PaperDetail): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const save = useSubmit('paper-void');
  const onSubmit = async () => {
    const r = await save.submit({ id: props.paper.id, reason });
    if (r) props.onDone(r);
  };
  return (
    <Modal title={t('doc.void.title', { number: props.paper.number })} onClose={props.onClose}>
      <Form error={save.error} onSubmit={onSubmit} label={t('doc.action.void')}>
        <p className="muted">{t('doc.void.hint')}</p>
        <Field label={t('doc.field.voidReason')} name="reason" wide>
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary danger" disabled={save.busy} data-action="confirm-void">
            {t('doc.action.void')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}
