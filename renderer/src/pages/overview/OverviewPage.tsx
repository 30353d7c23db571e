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
 * different currencies are never added together).
 */
export function OverviewPage() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const [picked, setPicked] = useState<string | null>(null);
  const validDate = isIsoDate(asOf) ? asOf : todayIso();
  const data = useLoad(() => call('overview-get', { asOf: validDate, months: 12 }), [validDate]);
  const o = data.data;
  const block = o ? (o.currencies.find((c) => c.currency === picked) ?? o.currencies.find(hasFigures) ?? o.currencies[0]) : null;
  return (
    <div className="page ov-page" data-testid="overview-page">
      <div className="page-header">
        <h1>{t('overview.title')}</h1>
        <label className="inline-field">
          <span>{t('overview.asOf')}</span>
          <input type="date" name="asOf" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        {o && o.currencies.length > 1 && <CurrencySwitch overview={o} current={block!.currency} onPick={setPicked} />}
        {data.loading && <span className="muted loading-mark">{t('app.loading')}</span>}
        <div className="header-spacer" />
        {o && <span className="muted ov-millis">{t('overview.millis', { ms: o.millis })}</span>}
      </div>
      {o && o.currencies.length > 1 && <p className="ov-currency-note" data-testid="overview-currency-note">{t('overview.currencyNote')}</p>}
      {data.error && <ErrorBox error={data.error} onRetry={data.reload} />}
      {o && block && (
        <>
          <Headline overview={o} block={block} />
          {block.open === 0 && block.trend.every((c) => c.total === 0) && block.targets.every((m) => m.collectedAll === 0) && <p className="muted">{t('overview.empty')}</p>}
          <TrendChart key={`${block.currency}-trend`} trend={block.trend} bounds={o.bounds} digits={block.digits} />
          <div className="ov-row">
            <TopDebtors debtors={block.topDebtors} customersOpen={block.customersOpen} asOf={o.asOf} digits={block.digits} />
            <TargetsChart key={`${block.currency}-targets`} months={block.targets} salespeople={block.salespeople} digits={block.digits} />
          </div>
        </>
      )}
    </div>
  );
}

/** Whether a currency has anything to show (the base currency is shown first unless it has nothing). */
const hasFigures = (c: OverviewCurrency) => c.open !== 0 || c.trend.some((x) => x.total !== 0) || c.targets.some((m) => m.collectedAll !== 0 || m.target !== 0);

function CurrencySwitch(props: { overview: Overview; current: string; onPick(currency: string): void }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('overview.currency')} data-testid="overview-currency">
      {props.overview.currencies.map((c) => (
        <label key={c.currency} className={props.current === c.currency ? 'on' : undefined}>
          <input type="radio" name="currency" value={c.currency} checked={props.current === c.currency} onChange={() => props.onPick(c.currency)} />
          {c.currency}
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
