import { Field } from '../../../components/Form';
import { useI18n } from '../../../i18n';

/** A required reason and the date it takes effect: what a dispute or a change to a case's invoices records. */
export function ReasonAndDate(props: { reason: string; date: string; onReason(v: string): void; onDate(v: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('coll.f.reason')} name="reason" wide>
        <textarea name="reason" rows={2} value={props.reason} onChange={(e) => props.onReason(e.target.value)} />
      </Field>
      <Field label={t('coll.f.date')} name="date">
        <input name="date" type="date" value={props.date} onChange={(e) => props.onDate(e.target.value)} />
      </Field>
    </>
  );
}
