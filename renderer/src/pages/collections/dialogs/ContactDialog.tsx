import { useState } from 'react';
import { CHANNELS, type Channel } from '../../../../../shared/api/collections-types';
import { todayIso } from '../../../../../shared/dates';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { useSubmit } from '../../../lib/useSubmit';
import { channelKey } from '../labels';
import { FormButtons } from './FormButtons';

/** Log a contact (call, visit, SMS, e-mail, letter, chat) with who, what and the outcome. */
export function ContactDialog(props: { caseId: number; channel?: Channel; person?: string; date?: string; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ date: props.date ?? todayIso(), channel: props.channel ?? ('call' as Channel), person: props.person ?? '', summary: '', outcome: '', nextAction: '', nextActionDate: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const contact = useSubmit('case-contact');
  const onSubmit = async () => {
    const r = await contact.submit({
      id: props.caseId,
      date: f.date,
      channel: f.channel,
      person: f.person,
      summary: f.summary,
      outcome: f.outcome,
      ...(f.nextAction || f.nextActionDate ? { nextAction: f.nextAction, nextActionDate: f.nextActionDate || undefined } : {}),
    });
    if (r) props.onDone();
  };
  return (
    <Modal title={t('coll.dlg.contact')} onClose={props.onClose}>
      <Form error={contact.error} onSubmit={onSubmit} label={t('coll.dlg.contact')} className="form form-grid coll-form">
        <Field label={t('coll.f.date')} name="date">
          <input name="date" type="date" value={f.date} onChange={set('date')} />
        </Field>
        <Field label={t('coll.f.channel')} name="channel">
          <select name="channel" value={f.channel} onChange={set('channel')}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(channelKey(c))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coll.f.person')} name="person">
          <input name="person" value={f.person} onChange={set('person')} />
        </Field>
        <Field label={t('coll.f.summary')} name="summary" wide>
          <textarea name="summary" rows={3} value={f.summary} onChange={set('summary')} />
        </Field>
        <Field label={t('coll.f.outcome')} name="outcome" wide>
          <input name="outcome" value={f.outcome} onChange={set('outcome')} />
        </Field>
        <Field label={t('coll.f.nextAction')} name="nextAction">
          <input name="nextAction" value={f.nextAction} onChange={set('nextAction')} />
        </Field>
        <Field label={t('coll.f.nextActionDate')} name="nextActionDate">
          <input name="nextActionDate" type="date" value={f.nextActionDate} onChange={set('nextActionDate')} />
        </Field>
        <FormButtons busy={contact.busy} label={t('common.save')} action="save-contact" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
