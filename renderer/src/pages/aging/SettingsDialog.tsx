import { useState, type FormEvent } from 'react';
import { ruleRecovery, type AgingSettings } from '../../../../shared/aging-workspace/settings';
import { invoke } from '../../api';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { bucketLabels, classLabel } from './labels';

const parseBounds = (text: string): number[] | null => {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
};

/** Bucket limits, class thresholds and recovery rates (percent with up to two decimals). */
export function SettingsDialog(props: { settings: AgingSettings; onClose(): void; onSaved(): void }) {
  const { t, tError } = useI18n();
  const [boundsText, setBoundsText] = useState(props.settings.bucketBounds.join(', '));
  const [classBounds, setClassBounds] = useState(props.settings.classBounds.map(String));
  const [rates, setRates] = useState(props.settings.recoveryBp.map((bp) => String(bp / 100)));
  const [error, setError] = useState<string | null>(null);
  const bounds = parseBounds(boundsText);
  const labels = bounds ? bucketLabels(bounds, t) : [];
  // Rates follow the buckets: a changed number of buckets starts from the two-year rule.
  const shownRates = bounds && rates.length === bounds.length + 1 ? rates : bounds ? ruleRecovery(bounds).map((bp) => String(bp / 100)) : rates;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!bounds) return setError(t('error.agingBounds'));
    const recoveryBp = shownRates.map((r) => (/^\d+(\.\d{1,2})?$/.test(r.trim()) ? Math.round(Number(r.trim()) * 100) : NaN));
    if (recoveryBp.some((x) => !Number.isInteger(x))) return setError(t('error.agingRecovery'));
    const cb = classBounds.map((x) => (/^\d+$/.test(x.trim()) ? Number(x) : NaN)) as [number, number, number];
    const r = await invoke('aging-settings-set', { bucketBounds: bounds, classBounds: cb, recoveryBp });
    if (!r.ok) return setError(tError(r.error));
    props.onSaved();
    props.onClose();
  };
  const classNames = ['collecting', 'doubtful', 'bad'] as const;
  return (
    <Modal title={t('agingWs.settingsTitle')} onClose={props.onClose} wide>
      <form className="aging-settings" onSubmit={submit}>
        <label className="wide">
          <span>{t('agingWs.bounds')}</span>
          <input name="bucketBounds" value={boundsText} aria-invalid={!bounds} onChange={(e) => setBoundsText(e.target.value)} />
          <small className="muted">{t('agingWs.boundsHint')}</small>
        </label>
        <fieldset>
          <legend>{t('agingWs.classBounds')}</legend>
          {classNames.map((c, i) => (
            <label key={c}>
              <span>
                {classLabel(c, t)} · {t('agingWs.upTo')}
              </span>
              <input name={`classBound${i}`} inputMode="numeric" value={classBounds[i]} onChange={(e) => setClassBounds((x) => x.map((v, j) => (j === i ? e.target.value : v)))} />
            </label>
          ))}
          <p className="muted">{t('agingWs.deadFrom')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('agingWs.recoveryRates')}</legend>
          <div className="rates">
            {labels.map((label, i) => (
              <label key={i}>
                <span>{label}</span>
                <input name={`rate${i}`} inputMode="decimal" value={shownRates[i] ?? ''} onChange={(e) => setRates(shownRates.map((v, j) => (j === i ? e.target.value : v)))} />
              </label>
            ))}
          </div>
          <button type="button" className="link-button" onClick={() => bounds && setRates(ruleRecovery(bounds).map((bp) => String(bp / 100)))}>
            {t('agingWs.ruleDefault')}
          </button>
        </fieldset>
        {error && <p className="field-error">{error}</p>}
        <div className="form-actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" data-action="save-aging-settings">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
