import { useEffect, useState } from 'react';
import { call } from '../../api';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { formatPpm } from './rate';

/** The ledger's collections settings: limitation period, default late-interest rate, warning window. */
export function SettingsView() {
  const { t } = useI18n();
  const current = useLoad(() => call('collections-settings-get', {}), []);
  const [f, setF] = useState({ limitationYears: '3', defaultRate: '3', warnDays: '90' });
  const [saved, setSaved] = useState(false);
  const save = useSubmit('collections-settings-set');
  useEffect(() => {
    if (current.data) setF({ limitationYears: String(current.data.limitationYears), defaultRate: formatPpm(current.data.defaultRatePpm), warnDays: String(current.data.warnDays) });
  }, [current.data]);
  const onSubmit = async () => {
    setSaved(false);
    const r = await save.submit({ limitationYears: Number(f.limitationYears), defaultRate: f.defaultRate, warnDays: Number(f.warnDays) });
    if (r) setSaved(true);
  };
  return (
    <>
      <div className="page-header">
        <h1>{t('coll.settings.title')}</h1>
      </div>
      <Form error={save.error} onSubmit={onSubmit} label={t('coll.settings.title')} className="form form-grid coll-form coll-settings">
        <Field label={t('coll.settings.limitationYears')} name="limitationYears" hint={t('coll.settings.limitationHint')}>
          <input name="limitationYears" type="number" min={1} max={30} value={f.limitationYears} onChange={(e) => setF({ ...f, limitationYears: e.target.value })} />
        </Field>
        <Field label={t('coll.settings.defaultRate')} name="defaultRate" hint={t('coll.settings.defaultRateHint')}>
          <input name="defaultRate" inputMode="decimal" value={f.defaultRate} onChange={(e) => setF({ ...f, defaultRate: e.target.value })} />
        </Field>
        <Field label={t('coll.settings.warnDays')} name="warnDays">
          <input name="warnDays" type="number" min={1} max={3650} value={f.warnDays} onChange={(e) => setF({ ...f, warnDays: e.target.value })} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.busy} data-action="save-collections-settings">
            {t('common.save')}
          </button>
          {saved && (
            <span className="notice" role="status">
              {t('coll.saved')}
            </span>
          )}
        </div>
      </Form>
    </>
  );
}
