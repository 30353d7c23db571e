import { useWidth } from '../../lib/useWidth';
import type { AgingTrend } from '../../../../shared/aging-workspace/types';
import { formatAmount } from '../../lib/format';
import { useI18n } from '../../i18n';
import { bucketRange } from '../../../../shared/aging-workspace/settings';
import { bucketLabels } from './labels';

const H = 180;
const PAD = { top: 18, bottom: 30, left: 6, right: 6 };

/** Compact label of an amount (bars only; exact figures are in each bar's tooltip). */
function compact(minor: number, digits: number, lang: string): string {
  const major = Math.round(minor / 10 ** digits);
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 1 }).format(major);
}

/** Amount per bucket on the as-of date (solid) against the previous month end (light), in plain SVG. */
export function BucketChart(props: { trend: AgingTrend; digits: number }) {
  const { t, lang } = useI18n();
  const { trend, digits } = props;
  // Drawn at the card's own width so labels keep their size (no scaling of text).
  const [box, W] = useWidth(360, 200);
  const labels = bucketLabels(trend.bounds, t);
  // Short axis labels (numbers only); the full label is in each bar's tooltip.
  const n = labels.length;
  const slot = (W - PAD.left - PAD.right) / n;
  // Where a slot is too narrow for "181–365", each bucket is named by its upper bound (≤365).
  const narrow = slot < 46;
  const short = labels.map((l, i) => {
    const { from, to } = bucketRange(i, trend.bounds);
    if (from === null) return to === 0 ? l : `≤${to}`;
    return to === null ? `>${from - 1}` : narrow ? `≤${to}` : `${from}–${to}`;
  });
  const max = Math.max(1, ...trend.current, ...trend.prior);
  const bar = Math.min(22, slot / 2 - 3);
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / max) * plotH;
  return (
    <section className="aging-card chart-card" aria-label={t('agingWs.chart')}>
      <h2>{t('agingWs.chart')}</h2>
      <div className="chart-legend">
        <span className="swatch prior" /> {trend.previous}
        <span className="swatch current" /> {trend.asOf}
      </div>
      <div ref={box} className="chart-box">
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('agingWs.chartLabel', { asOf: trend.asOf, previous: trend.previous })} className="bucket-chart">
          <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH} y2={PAD.top + plotH} className="axis" />
          {labels.map((label, i) => {
            const cx = PAD.left + slot * i + slot / 2;
            const cur = trend.current[i];
            const pri = trend.prior[i];
            const change = cur - pri;
            return (
              <g key={i} data-bucket={i}>
                <rect x={cx - bar - 1} y={y(pri)} width={bar} height={PAD.top + plotH - y(pri)} className="bar prior">
                  <title>{`${label} · ${trend.previous}: ${formatAmount(pri, digits)}`}</title>
                </rect>
                <rect x={cx + 1} y={y(cur)} width={bar} height={PAD.top + plotH - y(cur)} className="bar current">
                  <title>{`${label} · ${trend.asOf}: ${formatAmount(cur, digits)} (${change >= 0 ? '+' : ''}${formatAmount(change, digits)})`}</title>
                </rect>
                {cur !== 0 && (
                  <text x={cx + 1 + bar / 2} y={y(cur) - 4} className={narrow ? "bar-value tight" : "bar-value"} textAnchor="middle">
                    {compact(cur, digits, lang)}
                  </text>
                )}
                <text x={cx} y={H - 16} className="bar-label" textAnchor="middle">
                  {short[i]}
                </text>
                {change !== 0 && (
                  <text x={cx} y={H - 4} className={`bar-change ${change > 0 ? 'up' : 'down'}`} textAnchor="middle">
                    {change > 0 ? '▲' : '▼'}
                    {/* Narrow slots show the direction only; the figure is in the bar's tooltip. */}
                    {narrow ? '' : compact(Math.abs(change), digits, lang)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
    </section>
  );
}
