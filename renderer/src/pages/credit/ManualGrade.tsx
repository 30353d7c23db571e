import { useState } from 'react';
import { GRADES, type CreditDetail, type Grade } from '../../../../shared/credit/types';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';

/** A grade set by hand: needs a reason; the computed grade stays beside it. */
export function ManualGrade({ detail, asOf, onSaved }: { detail: CreditDetail; asOf: string; onSaved(): void }) {
  const { t } = useI18n();
  const [grade, setGrade] = useState<Grade | ''>(detail.profile.manualGrade ?? '');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useSubmit('credit-grade-set');
  const onSubmit = async () => {
    setSaved(false);
    const r = await save.submit({ customerId: detail.customerId, grade: grade || null, reason, asOf });
    if (r) {
      setReason('');
      setSaved(true);
      onSaved();
    }
  };
  return (
    <section className="manual-grade">
      <h3>{t('credit.manual.title')}</h3>
      <Form error={save.error} onSubmit={onSubmit} label={t('credit.manual.title')}>
        <Field label={t('credit.manual.grade')} name="grade">
          <select name="grade" value={grade} onChange={(e) => setGrade(e.target.value as Grade | '')}>
            <option value="">
              {t('credit.manual.computed')} ({detail.rating.computedGrade})
            </option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('credit.manual.reason')} name="reason">
          <textarea name="reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={save.busy} data-action="save-grade">
            {t('credit.manual.save')}
          </button>
          {saved && <span className="notice">{t('credit.manual.saved')}</span>}
        </div>
      </Form>
    </section>
  );
}
