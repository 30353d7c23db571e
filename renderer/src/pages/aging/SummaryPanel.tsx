import type { AgingView } from '../../../../shared/aging-workspace/types';
import { call } from '../../api';
import { useLoad } from '../../lib/useLoad';
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
  const settingsKey = JSON.stringify(view.settings);
  const trend = useLoad(() => call('aging-trend', { asOf: view.asOf }), [view.asOf, settingsKey]);
  return (
    <div className="aging-summary" data-testid="aging-summary">
      <ClassCards summary={view.summary} digits={view.digits} />
      {trend.data ? <BucketChart trend={trend.data} digits={view.digits} /> : <section className="aging-card chart-card chart-loading">…</section>}
      <RecoveryTable summary={view.summary} bounds={view.settings.bucketBounds} digits={view.digits} onEdit={props.onEditSettings} />
      <MetricsPanel key={view.asOf} asOf={view.asOf} digits={view.digits} />
    </div>
  );
}
