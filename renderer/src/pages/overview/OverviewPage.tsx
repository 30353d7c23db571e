import { useState } from 'react';
import type { Overview, OverviewCurrency } from '../../../../shared/api/overview';
import { isIsoDate, todayIso } from '../../../../shared/dates';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { pct } from './chart';
import { TargetsChart } from './TargetsChart';
import { TopDebtors } from './TopDebtors';
import { TrendChart } from './TrendChart';
import './overview.css';

/**
 * 概览: what people would rather look at than read. Headline figures, the aging trend by month
 * end, the top debtors and collections against targets, one currency at a time (amounts of
 * different currencies are never added together), or the whole ledger in the base currency with
 * each document at the rate recorded with it (shown first when some customers are in other currencies).
 */
export function OverviewPage() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const [picked, setPicked] = useState<string | null>(null);
  const validDate = isIsoDate(asOf) ? asOf : todayIso();
  const data = useLoad(() => call('overview-get', { asOf: validDate, months: 12 }), [validDate]);
  const o = data.data;
  const views = o ? viewsOf(o) : [];
  // The whole ledger in the base currency first when there is one; else the base currency unless it has nothing.
  const view = views.find((v) => v.key === picked) ?? (o?.all ? views[0] : (views.find((v) => hasFigures(v.block)) ?? views[0]));
  const block = view?.block ?? null;
  const all = view?.key === ALL ? o!.all : null;
  return (
    <div className="page ov-page" data-testid="overview-page">
      <div className="page-header">
        <h1>{t('overview.title')}</h1>
        <label className="inline-field">
          <span>{t('overview.asOf')}</span>
          <input type="date" name="asOf" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        {views.length > 1 && <CurrencySwitch views={views} current={view!.key} onPick={setPicked} />}
        {data.loading && <span className="muted loading-mark">{t('app.loading')}</span>}
        <div className="header-spacer" />
        {o && <span className="muted ov-millis">{t('overview.millis', { ms: o.millis })}</span>}
      </div>
      {views.length > 1 && (
        <p className="ov-currency-note" data-testid="overview-currency-note" data-view={all ? 'all' : 'currency'}>
          {all ? t('overview.allNote', { currency: all.currency }) : t('overview.currencyNote')}
          {all && all.unrated > 0 && (
            <span className="ov-unrated" data-testid="overview-unrated">
              {' '}
              {t('overview.unrated', { count: all.unrated })}
            </span>
          )}
        </p>
      )}
      {data.error && <ErrorBox error={data.error} onRetry={data.reload} />}
      {o && block && (
        <>
          <Headline overview={o} block={block} />
          {block.open === 0 && block.trend.every((c) => c.total === 0) && block.targets.every((m) => m.collectedAll === 0) && <p className="muted">{t('overview.empty')}</p>}
          <TrendChart key={`${view!.key}-trend`} trend={block.trend} bounds={o.bounds} digits={block.digits} />
          <div className="ov-row">
            <TopDebtors debtors={block.topDebtors} customersOpen={block.customersOpen} asOf={o.asOf} digits={block.digits} />
            <TargetsChart
              key={`${view!.key}-targets`}
              months={block.targets}
              salespeople={block.salespeople}
              digits={block.digits}
              note={all ? t('overview.targets.allNote', { currency: all.currency }) + (all.targetsUnrated > 0 ? ` ${t('overview.targets.unrated', { count: all.targetsUnrated })}` : '') : undefined}
            />
          </div>
        </>
      )}
    </div>
  );
}

/** The switch's value of the whole ledger in the base currency (currency codes are three letters). */
const ALL = 'all';

interface View {
  key: string;
  block: OverviewCurrency;
}

/** The whole ledger in the base currency first (when some customers are in other currencies), then each currency. */
const viewsOf = (o: Overview): View[] => [...(o.all ? [{ key: ALL, block: o.all }] : []), ...o.currencies.map((c) => ({ key: c.currency, block: c }))];

/** Whether a currency has anything to show (the base currency is shown first unless it has nothing). */
const hasFigures = (c: OverviewCurrency) => c.open !== 0 || c.trend.some((x) => x.total !== 0) || c.targets.some((m) => m.collectedAll !== 0 || m.target !== 0);

function CurrencySwitch(props: { views: View[]; current: string; onPick(key: string): void }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('overview.currency')} data-testid="overview-currency">
      {props.views.map((v) => (
        <label key={v.key} className={props.current === v.key ? 'on' : undefined}>
          <input type="radio" name="currency" value={v.key} checked={props.current === v.key} onChange={() => props.onPick(v.key)} />
          {v.key === ALL ? t('overview.all', { currency: v.block.currency }) : v.block.currency}
        </label>
      ))}
    </div>
  );
}

function Headline(props: { overview: Overview; block: OverviewCurrency }) {
  const { t } = useI18n();
  const { block: b, overview: o } = props;
  const na = t('overview.na');
  return (
    <dl className="ov-figures" data-testid="overview-figures">
      <div className="ov-figure" data-figure="open" title={t('overview.fig.openHint')}>
        <dt>{t('overview.fig.open')}</dt>
        <dd>
          <Money amount={b.open} digits={b.digits} /> <span className="ov-unit">{b.currency}</span>
        </dd>
        <div className="ov-caption">{t('overview.fig.customers', { count: b.customersOpen })}</div>
      </div>
      <div className="ov-figure overdue" data-figure="overdue" title={t('overview.fig.overdueHint')}>
        <dt>{t('overview.fig.overdue')}</dt>
        <dd>
          <Money amount={b.overdue} digits={b.digits} /> <span className="ov-unit">{b.currency}</span>
        </dd>
        <div className="ov-caption">{o.asOf}</div>
      </div>
      <div className="ov-figure" data-figure="overdue-ratio" title={t('overview.fig.overdueRatioHint')}>
        <dt>{t('overview.fig.overdueRatio')}</dt>
        <dd>{pct(b.overdueRatio) ?? na}</dd>
        <div className="ov-caption">{t('overview.fig.ofOpen')}</div>
      </div>
      <div className="ov-figure" data-figure="dso" title={t('overview.fig.dsoHint')}>
        <dt>{t('overview.fig.dso')}</dt>
        <dd>{b.dso === null ? na : t('overview.fig.dsoValue', { days: b.dso.toFixed(1) })}</dd>
        <div className="ov-caption">{t('overview.fig.dsoPeriod', { from: o.dsoFrom, to: o.dsoTo })}</div>
      </div>
    </dl>
  );
}
