import { useState } from 'react';
import { todayIso } from '../../../../../shared/dates';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { useSubmit } from '../../../lib/useSubmit';
import { FormButtons } from './FormButtons';

/** A correction is a new timeline entry pointing at the one it corrects; nothing is edited. */
export function CorrectDialog(props: { caseId: number; eventId: number; original: string; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const correct = useSubmit('case-correct');
  const onSubmit = async () => {
    const r = await correct.submit({ id: props.caseId, eventId: props.eventId, text, date: todayIso() });
    if (r) props.onDone();
  };
  return (
    <Modal title={t('coll.dlg.correct')} onClose={props.onClose}>
      <Form error={correct.error} onSubmit={onSubmit} label={t('coll.dlg.correct')} className="form form-grid coll-form">
        <p className="explain wide">{t('coll.dlg.correctExplain')}</p>
        <blockquote className="coll-quote wide">{props.original}</blockquote>
        <Field label={t('coll.f.text')} name="text" wide>
          <textarea name="text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <FormButtons busy={correct.busy} label={t('common.save')} action="save-correction" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
