import { useState, type FormEvent } from 'react';
import { CLASSES, type CollectionClass } from '../../../../shared/aging-workspace/settings';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';
import { classLabel } from './labels';

/** Record a class by hand (or return to the class by days), with the reason; who and when are added by main. */
export function OverrideForm(props: { invoiceId: number; asOf: string; current: CollectionClass; onDone(): void }) {
  const { t, tError } = useI18n();
  const [cls, setCls] = useState<string>(props.current);
  const [from, setFrom] = useState(props.asOf);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone(false);
    const r = await invoke('invoice-class-override', { invoiceId: props.invoiceId, cls: cls === 'auto' ? null : (cls as CollectionClass), effectiveDate: from, reason });
    setBusy(false);
    if (!r.ok) {
      setError(tError(r.error));
      return;
    }
    setError(null);
    setReason('');
    setDone(true);
    props.onDone();
  };
  return (
    <form className="override-form" onSubmit={submit} aria-label={t('agingWs.override')}>
      <h3>{t('agingWs.override')}</h3>
      <label>
        <span>{t('agingWs.overrideClass')}</span>
        <select name="overrideClass" value={cls} onChange={(e) => setCls(e.target.value)}>
          {CLASSES.map((c) => (
            <option key={c} value={c}>
              {classLabel(c, t)}
            </option>
          ))}
          <option value="auto">{t('agingWs.overrideAuto')}</option>
        </select>
      </label>
      <label>
        <span>{t('agingWs.overrideFrom')}</span>
        <input type="date" name="overrideFrom" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label className="wide">
        <span>{t('agingWs.overrideReason')}</span>
        <textarea name="overrideReason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={!!error} />
      </label>
      {error && (
        <p className="field-error" data-error-for="overrideReason">
          {error}
        </p>
      )}
      <div className="form-actions">
        {done && <span role="status" className="ok">{t('agingWs.overrideDone')}</span>}
        <button type="submit" className="primary" data-action="record-class" disabled={busy}>
          {t('agingWs.overrideSave')}
        </button>
      </div>
    </form>
  );
}
