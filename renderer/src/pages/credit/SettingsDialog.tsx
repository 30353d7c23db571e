import { useState } from 'react';
import { DEFAULT_CREDIT_SETTINGS, type CreditSettings } from '../../../../shared/credit/settings';
import { FACTORS, GRADES, REVIEW_CYCLES, type Grade, type ReviewCycle } from '../../../../shared/credit/types';
import { Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';

type Draft = CreditSettings;

/** Weights, thresholds, the hold policy, warning signals and the review rhythm, with documented defaults. */
export function SettingsDialog(props: { settings: CreditSettings; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [d, setD] = useState<Draft>(structuredClone(props.settings));
  const save = useSubmit('credit-settings-set');
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  const set = (fn: (x: Draft) => void) =>
    setD((cur) => {
      const next = structuredClone(cur);
      fn(next);
      return next;
    });
  const onSubmit = async () => {
    if (await save.submit(d)) props.onSaved();
  };
  const numberInput = (name: string, value: number, onChange: (v: number) => void, step = 'any') => (
    <input name={name} className="num" type="number" step={step} value={Number.isFinite(value) ? value : ''} onChange={(e) => onChange(num(e.target.value))} />
  );
  return (
    <Modal title={t('credit.settings.title')} onClose={props.onClose} wide>
      <Form error={save.error} onSubmit={onSubmit} label={t('credit.settings.title')} className="form credit-settings">
        <p className="note">{t('credit.settings.doc')}</p>
        <div className="settings-columns">
          <fieldset>
            <legend>{t('credit.settings.factors')}</legend>
            <table className="mini-table factor-table">
              <thead>
                <tr>
                  <th>{t('credit.settings.factor')}</th>
                  <th className="num">{t('credit.settings.from')}</th>
                  <th className="num">{t('credit.settings.to')}</th>
                  <th className="num">{t('credit.settings.max')}</th>
                </tr>
              </thead>
              <tbody>
                {FACTORS.map((f) => (
                  <tr key={f} data-factor={f}>
                    <td>{t(`credit.factor.${f}`)}</td>
                    {(['from', 'to', 'max'] as const).map((k) => (
                      <td key={k}>{numberInput(`factors.${f}.${k}`, d.factors[f][k], (v) => set((x) => (x.factors[f][k] = v)))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <legend className="sub-legend">{t('credit.settings.grades')}</legend>
            <div className="grade-inputs">
              {(['A', 'B', 'C', 'D'] as const).map((g) => (
                <label key={g}>
                  <span className={`grade grade-${g}`}>{g}</span> ≥ {numberInput(`grades.${g}`, d.grades[g], (v) => set((x) => (x.grades[g] = v)))}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <fieldset>
              <legend>{t('credit.settings.policy')}</legend>
              <label className="check-line">
                <span>{t('credit.policy.overdue')}</span>
                <input
                  name="policy.maxOverdueDays"
                  className="num"
                  type="number"
                  value={d.policy.maxOverdueDays ?? ''}
                  onChange={(e) => set((x) => (x.policy.maxOverdueDays = e.target.value.trim() === '' ? null : num(e.target.value)))}
                />
              </label>
              <label className="check-line">
                <input type="checkbox" name="policy.overLimit" checked={d.policy.overLimit} onChange={(e) => set((x) => (x.policy.overLimit = e.target.checked))} />
                <span>{t('credit.policy.overLimit')}</span>
              </label>
              <label className="check-line">
                <span>{t('credit.policy.holdGrade')}</span>
                <select name="policy.holdGrade" value={d.policy.holdGrade ?? ''} onChange={(e) => set((x) => (x.policy.holdGrade = (e.target.value || null) as Grade | null))}>
                  <option value="">{t('credit.policy.off')}</option>
                  {GRADES.map((g) => (
                    <option key={g} value={g}>
                      {g}
                    </option>
                  ))}
                </select>
              </label>
              <label className="check-line">
                <span>{t('credit.policy.action')}</span>
                <select name="policy.action" value={d.policy.action} onChange={(e) => set((x) => (x.policy.action = e.target.value as 'block' | 'limit'))}>
                  <option value="block">{t('credit.policy.block')}</option>
                  <option value="limit">{t('credit.policy.limit')}</option>
                </select>
              </label>
              <label className="check-line">
                <span>{t('credit.policy.limitedPct')}</span>
                {numberInput('policy.limitedPct', d.policy.limitedPct, (v) => set((x) => (x.policy.limitedPct = v)))}
              </label>
            </fieldset>
            <fieldset>
              <legend>{t('credit.settings.rating')}</legend>
              <label className="check-line">
                <span>{t('credit.settings.window')}</span>
                {numberInput('windowMonths', d.windowMonths, (v) => set((x) => (x.windowMonths = v)), '1')}
              </label>
              <label className="check-line">
                <span>{t('credit.settings.grace')}</span>
                {numberInput('graceDays', d.graceDays, (v) => set((x) => (x.graceDays = v)), '1')}
              </label>
              <label className="check-line">
                <span>{t('credit.settings.trend')}</span>
                {numberInput('trendDays', d.trendDays, (v) => set((x) => (x.trendDays = v)), '1')}
              </label>
              <label className="check-line">
                <span>{t('credit.settings.newGrade')}</span>
                <select name="noHistoryGrade" value={d.noHistoryGrade} onChange={(e) => set((x) => (x.noHistoryGrade = e.target.value as Grade))}>
                  {GRADES.map((g) => (
                    <option key={g}>{g}</option>
                  ))}
                </select>
              </label>
            </fieldset>
            <fieldset>
              <legend>{t('credit.settings.signals')}</legend>
              <label className="check-line">
                <span>{t('credit.settings.laterBy')}</span>
                {numberInput('signals.laterByDays', d.signals.laterByDays, (v) => set((x) => (x.signals.laterByDays = v)))}
              </label>
              <label className="check-line">
                <span>{t('credit.settings.volumeDrop')}</span>
                {numberInput('signals.volumeDropPct', d.signals.volumeDropPct, (v) => set((x) => (x.signals.volumeDropPct = v)))}
              </label>
              <label className="check-line">
                <span>{t('credit.settings.recentDays')}</span>
                {numberInput('signals.recentDays', d.signals.recentDays, (v) => set((x) => (x.signals.recentDays = v)), '1')}
              </label>
            </fieldset>
            <fieldset>
              <legend>{t('credit.settings.review')}</legend>
              <div className="grade-inputs">
                {GRADES.map((g) => (
                  <label key={g}>
                    <span className={`grade grade-${g}`}>{g}</span>
                    <select name={`review.${g}`} value={d.review[g]} onChange={(e) => set((x) => (x.review[g] = e.target.value as ReviewCycle))}>
                      {REVIEW_CYCLES.map((c) => (
                        <option key={c} value={c}>
                          {t(`credit.review.${c}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.busy} data-action="save-credit-settings">
            {t('credit.settings.save')}
          </button>
          <button type="button" onClick={() => setD(structuredClone(DEFAULT_CREDIT_SETTINGS))} data-action="credit-defaults">
            {t('credit.settings.defaults')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}
