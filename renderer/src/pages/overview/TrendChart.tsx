import type { OverviewBucketsAt } from '../../../../shared/api/overview';
import { useI18n } from '../../i18n';
import { money, useNumberStyle } from '../../lib/format';
import { bucketLabels } from '../aging/labels';
import { bucketColours, ChartTooltip, compactAmount, dayLabel, monthLabel, niceScale, pct, useColumnFocus, useWidth } from './chart';

const H = 280;
const PAD = { top: 22, right: 10, bottom: 30, left: 66 };
const TIP_W = 236;

/** About how wide a label is at the chart's 11px: CJK characters are square, others about 0.6 em. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6.6;
  return w;
}

/**
 * Open receivables per aging bucket at each month end and on the as-of date (last), as stacked
 * bars with the total as a line. Pointing at or focusing a column shows its figures; a visually
 * hidden table carries all of them for screen readers.
 */
export function TrendChart(props: { trend: OverviewBucketsAt[]; bounds: number[]; digits: number }) {
  const { t, lang } = useI18n();
  useNumberStyle();
  const { trend, bounds, digits } = props;
  const [box, W] = useWidth(900);
  const labels = bucketLabels(bounds, t);
  const colours = bucketColours(labels.length, bounds[0] === 0);
  const n = trend.length;
  const focus = useColumnFocus(n);
  const { top, ticks } = niceScale(Math.max(0, ...trend.map((c) => c.total)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / n;
  const bar = Math.min(46, slot * 0.62);
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / top) * plotH;
  const cx = (k: number) => PAD.left + slot * k + slot / 2;
  const xLabel = (k: number) => (k === n - 1 ? dayLabel(trend[k].date, lang) : monthLabel(trend[k].date, lang));
  // Only when the first bucket is "not yet due" do the buckets tell what is overdue.
  const overdueShare = (c: OverviewBucketsAt) => (c.total === 0 || bounds[0] !== 0 ? null : pct(Math.round(((c.total - c.buckets[0]) / c.total) * 10_000) / 10_000));
  const describe = (c: OverviewBucketsAt, k: number) =>
    `${k === n - 1 ? `${t('overview.trend.asOf')} ` : ''}${c.date}: ${t('overview.trend.total')} ${money(c.total, digits)}; ` +
    labels.map((l, i) => `${l} ${money(c.buckets[i], digits)}`).join('; ');
  const showTotals = slot >= 58;
  // In a narrow window every other month is labelled (counting back from the as-of date), so labels never collide.
  const widest = Math.max(...trend.map((_, k) => textWidth(xLabel(k))));
  const labelled = (k: number) => slot >= widest + 12 || (n - 1 - k) % 2 === 0;
  const active = focus.active;
  return (
    <section className="ov-card ov-trend" data-testid="overview-trend" aria-labelledby="ov-trend-title">
      <h2 id="ov-trend-title">{t('overview.trend.title')}</h2>
      <ul className="ov-legend" aria-hidden>
        {labels.map((l, i) => (
          <li key={i}>
            <span className="ov-swatch" style={{ background: colours[i] }} />
            {l}
          </li>
        ))}
        <li>
          <span className="ov-swatch line" />
          {t('overview.trend.total')}
        </li>
      </ul>
      <div ref={box} className="ov-chart-box">
        <svg
          width={W}
          height={H}
          viewBox={`0 0 ${W} ${H}`}
          role="group"
          aria-label={t('overview.trend.label', { from: trend[0]?.date ?? '', to: trend[n - 1]?.date ?? '' })}
          className="ov-svg"
          onKeyDown={focus.onKeyDown}
        >
          {ticks.map((v) => (
            <g key={v} aria-hidden>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'ov-axis' : 'ov-grid'} />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="ov-tick">
                {compactAmount(v, digits, lang)}
              </text>
            </g>
          ))}
          {n > 1 && <line x1={PAD.left + slot * (n - 1)} x2={PAD.left + slot * (n - 1)} y1={PAD.top - 8} y2={PAD.top + plotH} className="ov-asof-rule" aria-hidden />}
          {trend.map((c, k) => {
            let base = 0;
            return (
              <g key={c.date} className="ov-col" data-date={c.date} data-total={c.total} role="img" aria-label={describe(c, k)} {...focus.props(k)}>
                <rect x={PAD.left + slot * k + 1} y={PAD.top - 8} width={slot - 2} height={plotH + 8} className={`ov-hit${active === k ? ' on' : ''}`} />
                {c.buckets.map((v, i) => {
                  if (v <= 0) return null;
                  const y0 = y(base);
                  base += v;
                  return <rect key={i} x={cx(k) - bar / 2} y={y(base)} width={bar} height={Math.max(0.5, y0 - y(base))} fill={colours[i]} className="ov-seg" data-bucket={i} />;
                })}
                {labelled(k) && (
                  <text x={cx(k)} y={H - 10} textAnchor="middle" className={`ov-xlabel${k === n - 1 ? ' asof' : ''}`}>
                    {xLabel(k)}
                  </text>
                )}
              </g>
            );
          })}
          <polyline points={trend.map((c, k) => `${cx(k)},${y(c.total)}`).join(' ')} className="ov-total-line" aria-hidden />
          {trend.map((c, k) => (
            <g key={c.date} aria-hidden className="ov-total-point">
              <circle cx={cx(k)} cy={y(c.total)} r={active === k ? 4.5 : 3} />
              {(showTotals || k === n - 1 || active === k) && c.total > 0 && (
                <text x={cx(k)} y={y(c.total) - 8} textAnchor="middle" className="ov-total-label">
                  {compactAmount(c.total, digits, lang)}
                </text>
              )}
            </g>
          ))}
        </svg>
        {active !== null && trend[active] && (
          <ChartTooltip x={cx(active)} half={bar / 2} width={TIP_W} boxWidth={W} top={PAD.top}>
            <div className="ov-tip-head">
              {active === n - 1 ? `${t('overview.trend.asOf')} ${trend[active].date}` : trend[active].date}
            </div>
            <table className="ov-tip-table">
              <tbody>
                {labels.map((l, i) =>
                  trend[active].buckets[i] !== 0 ? (
                    <tr key={i}>
                      <td>
                        <span className="ov-swatch" style={{ background: colours[i] }} />
                        {l}
                      </td>
                      <td className="num">{money(trend[active].buckets[i], digits)}</td>
                    </tr>
                  ) : null,
                )}
                <tr className="ov-tip-total">
                  <td>{t('overview.trend.total')}</td>
                  <td className="num">{money(trend[active].total, digits)}</td>
                </tr>
              </tbody>
            </table>
            {overdueShare(trend[active]) && <div className="muted">{t('overview.trend.overdueShare', { pct: overdueShare(trend[active])! })}</div>}
          </ChartTooltip>
        )}
      </div>
      <p className="ov-hint muted">{t('overview.trend.hint')}</p>
      <table className="sr-only" data-testid="overview-trend-table">
        <caption>{t('overview.trend.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.trend.date')}</th>
            {labels.map((l, i) => (
              <th scope="col" key={i}>
                {l}
              </th>
            ))}
            <th scope="col">{t('overview.trend.total')}</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((c) => (
            <tr key={c.date}>
              <th scope="row">{c.date}</th>
              {c.buckets.map((v, i) => (
                <td key={i}>{money(v, digits)}</td>
              ))}
              <td>{money(c.total, digits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
