import type { AgingView } from '../../../../shared/aging-workspace/types';
import { call } from '../../api';
import { useLoad } from '../../lib/useLoad';
import { useI18n } from '../../i18n';
import { BucketChart } from './BucketChart';
import { ClassCards } from './ClassCards';
import { MetricsPanel } from './MetricsPanel';
import { RecoveryTable } from './RecoveryTable';

/**
 * Classes, the bucket chart against the previous month end, expected recovery and the metrics.
 * Mounted once the grid's data is in, so these requests never delay the grid.
 */
export function SummaryPanel(props: { view: AgingView; onEditSettings(): void }) {
  const { view } = props;
  const { t } = useI18n();
  const settingsKey = JSON.stringify(view.settings);
  const trend = useLoad(() => call('aging-trend', { asOf: view.asOf }), [view.asOf, settingsKey]);
  // Customers in other currencies: everything here is in the base currency (each document at its recorded rate).
  const multi = view.customers.currency.some((c) => c !== view.currency);
  return (
    <div className="aging-summary" data-testid="aging-summary">
      {multi && (
        <p className="aging-base-note" data-testid="aging-base-note">
          {t('agingWs.baseNote', { currency: view.currency })}
          {view.unrated ? <span className="aging-unrated"> {t('agingWs.unrated', { count: view.unrated })}</span> : null}
        </p>
      )}
      <ClassCards summary={view.summary} digits={view.digits} />
      {trend.data ? <BucketChart trend={trend.data} digits={view.digits} /> : <section className="aging-card chart-card chart-loading">…</section>}
      <RecoveryTable summary={view.summary} bounds={view.settings.bucketBounds} digits={view.digits} onEdit={props.onEditSettings} />
      <MetricsPanel key={view.asOf} asOf={view.asOf} digits={view.digits} />
    </div>
  );
}
