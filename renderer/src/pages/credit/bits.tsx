/** Small pieces of the credit views: grade badge, trend arrow, utilisation bar, translated reasons. */
import { creditText } from '../../../../shared/credit/messages';
import type { Grade, Reason } from '../../../../shared/credit/types';
import { useI18n } from '../../i18n';
import './credit.css';

export function GradeBadge(props: { grade: Grade; manual?: boolean; computed?: Grade; noHistory?: boolean; large?: boolean }) {
  const { t } = useI18n();
  const title = props.manual ? t('credit.grade.manual', { grade: props.computed ?? props.grade }) : props.noHistory ? t('credit.grade.new') : undefined;
  return (
    <span className={`grade grade-${props.grade}${props.large ? ' large' : ''}${props.manual ? ' manual' : ''}`} title={title} data-grade={props.grade}>
      {props.grade}
      {props.manual ? '*' : ''}
    </span>
  );
}

/** ▲ / ▼ / ▶ by the score's change over the trend period (5 points or more counts). */
export function TrendArrow(props: { score: number; previous: number; days: number }) {
  const { t } = useI18n();
  const delta = props.score - props.previous;
  const dir = delta >= 5 ? 'up' : delta <= -5 ? 'down' : 'flat';
  return (
    <span className={`trend trend-${dir}`} title={t('credit.trend.title', { from: props.previous, to: props.score, days: props.days })} data-trend={dir}>
      {dir === 'up' ? '▲' : dir === 'down' ? '▼' : '▶'}
      {delta !== 0 && <span className="trend-delta">{delta > 0 ? `+${delta}` : delta}</span>}
    </span>
  );
}

export function UtilisationBar({ value }: { value: number | null }) {
  const { t } = useI18n();
  if (value === null) return <span className="muted">{t('credit.noLimit')}</span>;
  const pct = Math.round(value * 100);
  const level = pct > 100 ? 'over' : pct >= 80 ? 'high' : 'ok';
  return (
    <span className={`util util-${level}`} title={`${pct}%`}>
      <span className="util-track">
        <span className="util-fill" style={{ width: `${Math.min(100, pct)}%` }} />
      </span>
      <span className="util-pct">{pct}%</span>
    </span>
  );
}

export function useReasonText() {
  const { lang } = useI18n();
  return (r: Reason) => creditText(lang, r.key, r.params);
}
