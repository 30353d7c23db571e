import { useState } from 'react';
import { CLOSE_REASONS, STAGES, type CloseReason, type Stage } from '../../../../../shared/api/collections-types';
import { todayIso } from '../../../../../shared/dates';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { useSubmit } from '../../../lib/useSubmit';
import { closeKey, stageKey } from '../labels';
import { FormButtons } from './FormButtons';

/** Escalate (or step back, or close) with the reason on the record. */
export function StageDialog(props: { caseId: number; current: Stage; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const next = STAGES[Math.min(STAGES.indexOf(props.current) + 1, STAGES.length - 1)];
  const [f, setF] = useState({ stage: next as Stage, closeReason: 'paid' as CloseReason, reason: '', date: todayIso() });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const move = useSubmit('case-stage');
  const onSubmit = async () => {
    const r = await move.submit({ id: props.caseId, stage: f.stage, reason: f.reason, date: f.date, ...(f.stage === 'closed' ? { closeReason: f.closeReason } : {}) });
    if (r) props.onDone();
  };
  return (
    <Modal title={t('coll.dlg.stage')} onClose={props.onClose}>
      <Form error={move.error} onSubmit={onSubmit} label={t('coll.dlg.stage')} className="form form-grid coll-form">
        <Field label={t('coll.f.stage')} name="stage">
          <select name="stage" value={f.stage} onChange={set('stage')}>
            {STAGES.filter((s) => s !== props.current).map((s) => (
              <option key={s} value={s}>
                {t(stageKey(s))}
              </option>
            ))}
          </select>
        </Field>
        {f.stage === 'closed' && (
          <Field label={t('coll.f.closeReason')} name="closeReason">
            <select name="closeReason" value={f.closeReason} onChange={set('closeReason')}>
              {CLOSE_REASONS.map((c) => (
                <option key={c} value={c}>
                  {t(closeKey(c))}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('coll.f.date')} name="date">
          <input name="date" type="date" value={f.date} onChange={set('date')} />
        </Field>
        <Field label={t('coll.f.reason')} name="reason" wide>
          <textarea name="reason" rows={2} value={f.reason} onChange={set('reason')} />
        </Field>
        <FormButtons busy={move.busy} label={t('common.save')} action="save-stage" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
