import type { OverviewSalesperson, OverviewTargetMonth } from '../../../../shared/api/overview';
import { useI18n } from '../../i18n';
import { href } from '../../lib/router';
import { money, useNumberStyle } from '../../lib/format';
import { ChartTooltip, compactAmount, monthLabel, niceScale, pct, useColumnFocus, useWidth } from './chart';

const H = 220;
const PAD = { top: 22, right: 8, bottom: 26, left: 60 };
const TIP_W = 230;

const achieved = (m: { target: number; collected: number }) => (m.target > 0 ? pct(Math.round((m.collected / m.target) * 10_000) / 10_000) : null);

/**
 * Collected against target per month (Collections → Targets data), the as-of month last, and that
 * month per salesperson. Without any target it says where to set them and shows all receipts.
 */
export function TargetsChart(props: { months: OverviewTargetMonth[]; salespeople: OverviewSalesperson[]; digits: number; note?: string }) {
  const { t, lang } = useI18n();
  useNumberStyle();
  const { months, digits } = props;
  const [box, W] = useWidth(520);
  const n = months.length;
  const focus = useColumnFocus(n);
  const hasTargets = months.some((m) => m.target > 0);
  const value = (m: OverviewTargetMonth) => (hasTargets ? Math.max(m.target, m.collected) : m.collectedAll);
  const { top, ticks } = niceScale(Math.max(0, ...months.map(value)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / n;
  const bar = Math.min(30, (slot * 0.7) / (hasTargets ? 2 : 1));
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / top) * plotH;
  const cx = (k: number) => PAD.left + slot * k + slot / 2;
  const current = months[n - 1];
  const active = focus.active;
  const describe = (m: OverviewTargetMonth) =>
    hasTargets
      ? `${m.period}: ${t('overview.targets.target')} ${money(m.target, digits)}; ${t('overview.targets.collected')} ${money(m.collected, digits)}${achieved(m) ? ` (${t('overview.targets.achieved', { pct: achieved(m)! })})` : ''}`
      : `${m.period}: ${t('overview.targets.collectedAll')} ${money(m.collectedAll, digits)}`;
  return (
    <section className="ov-card ov-targets" data-testid="overview-targets" data-has-targets={hasTargets} aria-labelledby="ov-targets-title">
      <h2 id="ov-targets-title">{t('overview.targets.title')}</h2>
      {props.note && (
        <p className="ov-chart-note muted" data-testid="overview-targets-note">
          {props.note}
        </p>
      )}
      {!hasTargets && (
        <div className="ov-notice" data-testid="overview-no-targets">
          <strong>{t('overview.targets.noTargetsTitle')}</strong>
          <p>{t('overview.targets.noTargetsText', { period: current.period })}</p>
          <a className="button" href={href('collections/targets')} data-action="go-targets">
            {t('overview.targets.setTargets')}
          </a>
        </div>
      )}
      <ul className="ov-legend" aria-hidden>
        {hasTargets ? (
          <>
            <li>
              <span className="ov-swatch target" />
              {t('overview.targets.target')}
            </li>
            <li title={t('overview.targets.collectedHint')}>
              <span className="ov-swatch collected" />
              {t('overview.targets.collected')}
            </li>
          </>
        ) : (
          <li>
            <span className="ov-swatch collected" />
            {t('overview.targets.collectedAll')}
          </li>
        )}
      </ul>
      <div ref={box} className="ov-chart-box">
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="group" aria-label={t('overview.targets.label', { from: months[0].period, to: current.period })} className="ov-svg" onKeyDown={focus.onKeyDown}>
          {ticks.map((v) => (
            <g key={v} aria-hidden>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'ov-axis' : 'ov-grid'} />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" className="ov-tick">
                {compactAmount(v, digits, lang)}
              </text>
            </g>
          ))}
          {months.map((m, k) => (
            <g key={m.period} className="ov-col" data-period={m.period} role="img" aria-label={describe(m)} {...focus.props(k)}>
              <rect x={PAD.left + slot * k + 1} y={PAD.top - 8} width={slot - 2} height={plotH + 8} className={`ov-hit${active === k ? ' on' : ''}`} />
              {hasTargets ? (
                <>
                  <rect x={cx(k) - bar - 1} y={y(m.target)} width={bar} height={PAD.top + plotH - y(m.target)} className="ov-target-bar" data-part="target" />
                  <rect x={cx(k) + 1} y={y(m.collected)} width={bar} height={PAD.top + plotH - y(m.collected)} className="ov-collected-bar" data-part="collected" />
                  {achieved(m) && (
                    <text x={cx(k)} y={y(Math.max(m.target, m.collected)) - 6} textAnchor="middle" className={`ov-total-label${m.collected >= m.target ? ' good' : ''}`}>
                      {achieved(m)}
                    </text>
                  )}
                </>
              ) : (
                <rect x={cx(k) - bar / 2} y={y(m.collectedAll)} width={bar} height={PAD.top + plotH - y(m.collectedAll)} className="ov-collected-bar" data-part="collected-all" />
              )}
              <text x={cx(k)} y={H - 8} textAnchor="middle" className={`ov-xlabel${k === n - 1 ? ' asof' : ''}`}>
                {monthLabel(m.period, lang)}
              </text>
            </g>
          ))}
        </svg>
        {active !== null && months[active] && (
          <ChartTooltip x={cx(active)} half={hasTargets ? bar : bar / 2} width={TIP_W} boxWidth={W} top={PAD.top}>
            <div className="ov-tip-head">
              {months[active].from} – {months[active].to}
            </div>
            <table className="ov-tip-table">
              <tbody>
                {hasTargets && (
                  <>
                    <tr>
                      <td>{t('overview.targets.target')}</td>
                      <td className="num">{money(months[active].target, digits)}</td>
                    </tr>
                    <tr>
                      <td>{t('overview.targets.collected')}</td>
                      <td className="num">{money(months[active].collected, digits)}</td>
                    </tr>
                  </>
                )}
                <tr>
                  <td>{t('overview.targets.collectedAll')}</td>
                  <td className="num">{money(months[active].collectedAll, digits)}</td>
                </tr>
                {hasTargets && (
                  <tr>
                    <td>{t('overview.targets.customers')}</td>
                    <td className="num">{months[active].customersWithTarget}</td>
                  </tr>
                )}
              </tbody>
            </table>
            {achieved(months[active]) && <div className="muted">{t('overview.targets.achieved', { pct: achieved(months[active])! })}</div>}
          </ChartTooltip>
        )}
      </div>
      <table className="sr-only">
        <caption>{t('overview.targets.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('overview.targets.month')}</th>
            <th scope="col">{t('overview.targets.target')}</th>
            <th scope="col">{t('overview.targets.collected')}</th>
            <th scope="col">{t('overview.targets.collectedAll')}</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.period}>
              <th scope="row">{m.period}</th>
              <td>{money(m.target, digits)}</td>
              <td>{money(m.collected, digits)}</td>
              <td>{money(m.collectedAll, digits)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasTargets && <Salespeople month={monthLabel(current.period, lang)} people={props.salespeople} digits={digits} />}
    </section>
  );
}

function Salespeople(props: { month: string; people: OverviewSalesperson[]; digits: number }) {
  const { t } = useI18n();
  const { people, digits } = props;
  const max = Math.max(1, ...people.map((p) => Math.max(p.target, p.collected)));
  return (
    <div className="ov-people" data-testid="overview-salespeople">
      <h3>{t('overview.targets.bySalesperson', { month: props.month })}</h3>
      {people.length === 0 ? (
        <p className="muted">{t('overview.targets.noneThisMonth', { month: props.month })}</p>
      ) : (
        <ul>
          {people.map((p) => {
            const text = `${t('overview.targets.person', { collected: money(p.collected, digits), target: money(p.target, digits) })}${achieved(p) ? ` · ${achieved(p)}` : ''}`;
            return (
              <li key={p.salesperson} data-salesperson={p.salesperson}>
                <span className="ov-person-name">{p.salesperson || t('overview.targets.noSalesperson')}</span>
                <svg className="ov-person-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden>
                  <rect x={0} y={0} width={100} height={10} className="ov-track" />
                  <rect x={0} y={0} width={(p.collected / max) * 100} height={10} className="ov-collected-bar" />
                  <rect x={Math.max(0, (p.target / max) * 100 - 0.6)} y={0} width={1.2} height={10} className="ov-target-mark" />
                </svg>
                <span className="ov-person-figures">{text}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
