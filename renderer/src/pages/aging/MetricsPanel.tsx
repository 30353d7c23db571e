import { useState } from 'react';
import { isIsoDate } from '../../../../shared/dates';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';

const pct = (r: number | null) => (r === null ? null : `${(r * 100).toFixed(1)}%`);

/** DSO, overdue ratio and CEI for a period (default: the as-of date's month up to that date). */
export function MetricsPanel(props: { asOf: string; digits: number }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(props.asOf.slice(0, 8) + '01');
  const [to, setTo] = useState(props.asOf);
  const ok = isIsoDate(from) && isIsoDate(to) && from <= to;
  const m = useLoad(() => (ok ? call('aging-metrics', { from, to }) : Promise.resolve(null)), [from, to, ok]);
  const na = t('agingWs.na');
  const d = m.data;
  return (
    <section className="aging-card metrics-card" aria-label={t('agingWs.metrics')}>
      <h2>{t('agingWs.metrics')}</h2>
      <div className="period">
        <label>
          <span>{t('agingWs.from')}</span>
          <input type="date" name="metricsFrom" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          <span>{t('agingWs.to')}</span>
          <input type="date" name="metricsTo" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {m.error && <ErrorBox error={m.error} />}
      <dl className="metrics" aria-busy={m.loading}>
        <div title={t('agingWs.dsoHint')} data-metric="dso">
          <dt>{t('agingWs.dso')}</dt>
          <dd>{d ? (d.dso === null ? na : t('agingWs.dsoValue', { days: d.dso.toFixed(1) })) : '…'}</dd>
        </div>
        <div title={t('agingWs.overdueHint')} data-metric="overdue-ratio">
          <dt>{t('agingWs.overdueRatio')}</dt>
          <dd>{d ? (pct(d.overdueRatio) ?? na) : '…'}</dd>
        </div>
        <div title={t('agingWs.ceiHint')} data-metric="cei">
          <dt>{t('agingWs.cei')}</dt>
          <dd>{d ? (pct(d.cei) ?? na) : '…'}</dd>
        </div>
        <div data-metric="sales">
          <dt>{t('agingWs.sales')}</dt>
          <dd>{d ? <Money amount={d.sales} digits={props.digits} /> : '…'}</dd>
        </div>
        <div data-metric="collections">
          <dt>{t('agingWs.collections')}</dt>
          <dd>{d ? <Money amount={d.collections} digits={props.digits} /> : '…'}</dd>
        </div>
      </dl>
    </section>
  );
}
