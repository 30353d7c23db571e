import { useState } from 'react';
import type { PaperDetail } from '../../../../shared/api/papers';
import { todayIso } from '../../../../shared/dates';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';

/** A dispute ends with a credit note posted for the difference, or a written note of what was agreed. */
export function ResolveDialog(props: { paper: PaperDetail; onClose(): void; onDone(d: PaperDetail): void }) {
  const { t } = useI18n();
  const [how, setHow] = useState<'credit_note' | 'note'>('credit_note');
  const [creditNoteNumber, setCreditNoteNumber] = useState('');
  const [note, setNote] = useState('');
  const [resolvedOn, setResolvedOn] = useState(todayIso());
  const save = useSubmit('paper-dispute-resolve');
  const onSubmit = async () => {
    const r = await save.submit({ signBackId: props.paper.signBack!.id, resolvedOn, how, creditNoteNumber: how === 'credit_note' ? creditNoteNumber : undefined, note });
    if (r) props.onDone(r);
  };
  return (
    <Modal title={t('doc.resolve.title', { number: props.paper.number })} onClose={props.onClose}>
      <Form error={save.error} onSubmit={onSubmit} label={t('doc.action.resolve')}>
        <div className="form-grid">
          <div className="field">
            <span className="field-label">{t('doc.field.how')}</span>
            <div className="segmented" role="radiogroup" aria-label={t('doc.field.how')}>
              {(['credit_note', 'note'] as const).map((h) => (
                <label key={h} className={how === h ? 'on' : undefined}>
                  <input type="radio" name="how" value={h} checked={how === h} onChange={() => setHow(h)} />
                  {t(`doc.how.${h}`, { number: '' })}
                </label>
              ))}
            </div>
          </div>
          <Field label={t('doc.field.resolvedOn')} name="resolvedOn">
            <input name="resolvedOn" type="date" value={resolvedOn} onChange={(e) => setResolvedOn(e.target.value)} />
          </Field>
          {how === 'credit_note' && (
            <Field label={t('doc.field.creditNote')} name="creditNoteNumber">
              <input name="creditNoteNumber" value={creditNoteNumber} onChange={(e) => setCreditNoteNumber(e.target.value)} />
            </Field>
          )}
          <Field label={t('doc.field.note')} name="note" wide>
            <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {t('common.save')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}
