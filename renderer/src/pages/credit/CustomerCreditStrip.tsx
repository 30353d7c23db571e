import { creditText } from '../../../../shared/credit/messages';
import { todayIso } from '../../../../shared/dates';
import { call } from '../../api';
import { useI18n } from '../../i18n';
import { href } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { GradeBadge } from './bits';

/** On the customer's page: the credit grade, whether deliveries may go, and the last overridden hold. */
export function CustomerCreditStrip(props: { customerId: number; version: unknown }) {
  const { t, lang } = useI18n();
  const d = useLoad(() => call('credit-rating', { customerId: props.customerId, asOf: todayIso() }), [props.customerId, props.version]).data;
  if (!d) return null;
  const last = d.overrides[0];
  return (
    <div className={`credit-strip ${d.verdict.ok ? 'ok' : `held-${d.verdict.mode}`}`} data-testid="credit-strip">
      <span className="muted">{t('credit.strip.grade')}</span>
      <GradeBadge grade={d.rating.grade} manual={d.rating.manual} computed={d.rating.computedGrade} noHistory={d.rating.noHistory} />
      <span>{t('credit.panel.score', { score: d.rating.score })}</span>
      <span className="strip-verdict">{d.verdict.ok ? t('credit.panel.ok') : `${t(d.verdict.mode === 'limit' ? 'credit.hold.limit' : 'credit.hold.block')}: ${d.verdict.reasons.map((r) => creditText(lang, r.key, r.params)).join('; ')}`}</span>
      {last && <span className="strip-override">{t('credit.strip.lastOverride', { date: last.onDate, reference: last.reference, by: last.createdBy, reason: last.reason })}</span>}
      <a href={href(`credit/${d.customerId}`)}>{t('credit.strip.open')}</a>
    </div>
  );
}
