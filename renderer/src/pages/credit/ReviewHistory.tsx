import { REVIEW_CYCLES, type CreditDetail, type ReviewCycle } from '../../../../shared/credit/types';
import { formatAmount } from '../../lib/format';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';

/** The review rhythm (月评、季检、年审), the stored ratings with their reasons, and the overridden holds. */
export function ReviewHistory({ detail, onChanged }: { detail: CreditDetail; onChanged(): void }) {
  const { t } = useI18n();
  const p = detail.profile;
  const setCycle = async (cycle: ReviewCycle | null) => {
    const r = await invoke('credit-review-cycle-set', { customerId: detail.customerId, cycle });
    if (r.ok) onChanged();
  };
  return (
    <>
      <section>
        <h3>{t('credit.review.title')}</h3>
        <dl className="facts-list">
          <dt>{t('credit.review.cycle')}</dt>
          <dd>
            <select name="review-cycle" value={p.reviewCycle ?? ''} onChange={(e) => setCycle((e.target.value || null) as ReviewCycle | null)}>
              <option value="">{t('credit.review.byGrade', { cycle: t(`credit.review.${p.effectiveCycle}`) })}</option>
              {REVIEW_CYCLES.map((c) => (
                <option key={c} value={c}>
                  {t(`credit.review.${c}`)}
                </option>
              ))}
            </select>
          </dd>
          <dt>{t('credit.review.last')}</dt>
          <dd>{p.lastReview ?? t('credit.review.never')}</dd>
          <dt>{t('credit.review.next')}</dt>
          <dd>{p.nextReview ?? t('credit.review.never')}</dd>
        </dl>
      </section>
      <section>
        <h3>{t('credit.panel.history')}</h3>
        {detail.history.length === 0 ? (
          <p className="muted">{t('credit.panel.noHistory')}</p>
        ) : (
          <table className="mini-table history-table" data-testid="rating-history">
            <thead>
              <tr>
                <th>{t('credit.history.date')}</th>
                <th>{t('credit.history.kind')}</th>
                <th>{t('credit.history.grade')}</th>
                <th className="num">{t('credit.history.score')}</th>
                <th>{t('credit.history.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.history.slice(0, 24).map((h) => (
                <tr key={h.id} className={h.previousGrade && h.previousGrade !== h.grade ? 'changed' : undefined}>
                  <td>{h.asOf}</td>
                  <td>{t(`credit.kind.${h.kind}`)}</td>
                  <td>{h.previousGrade && h.previousGrade !== h.grade ? `${h.previousGrade} → ${h.grade}` : h.grade}</td>
                  <td className="num">{h.score}</td>
                  <td className="reason-cell" title={h.reason}>
                    {h.reason || h.createdBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h3>{t('credit.panel.overrides')}</h3>
        {detail.overrides.length === 0 ? (
          <p className="muted">{t('credit.panel.noOverrides')}</p>
        ) : (
          <ul className="override-list" data-testid="overrides">
            {detail.overrides.map((o) => (
              <li key={o.id}>{t('credit.panel.override', { date: o.onDate, reference: o.reference, amount: formatAmount(o.amount, detail.digits), by: o.createdBy, reason: o.reason })}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
