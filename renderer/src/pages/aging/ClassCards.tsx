import type { AgingSummary } from '../../../../shared/aging-workspace/types';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { ClassBadge } from './ClassBadge';

/** Counts and sums per collection class, each in its colour, with each class's share of the total. */
export function ClassCards(props: { summary: AgingSummary; digits: number }) {
  const { t } = useI18n();
  const { summary } = props;
  return (
    <section className="aging-card class-card" aria-label={t('agingWs.classes')}>
      <h2>{t('agingWs.classes')}</h2>
      <div className="class-stack" aria-hidden>
        {summary.classes.map((c) => (c.amount > 0 && summary.total > 0 ? <span key={c.cls} className={`cls-${c.cls}`} style={{ flexGrow: c.amount / summary.total }} /> : null))}
      </div>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">{t('agingWs.class')}</th>
            <th scope="col" className="num">
              {t('agingWs.invoices')}
            </th>
            <th scope="col" className="num">
              {t('agingWs.open')}
            </th>
            <th scope="col" className="num">
              %
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.classes.map((c) => {
            const share = summary.total > 0 ? Math.round((c.amount * 1000) / summary.total) / 10 : 0;
            return (
              <tr key={c.cls} data-class-row={c.cls}>
                <td>
                  <ClassBadge cls={c.cls} />
                </td>
                <td className="num muted" data-testid={`class-count-${c.cls}`}>
                  {c.count}
                </td>
                <td className="num" data-testid={`class-amount-${c.cls}`}>
                  <Money amount={c.amount} digits={props.digits} />
                </td>
                <td className="num muted">{share.toFixed(1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="totals-list">
        <div>
          <dt>{t('agingWs.total')}</dt>
          <dd data-testid="summary-total">
            <Money amount={summary.total} digits={props.digits} />
          </dd>
        </div>
        <div>
          <dt>{t('agingWs.unapplied')}</dt>
          <dd>
            <Money amount={summary.unapplied} digits={props.digits} />
          </dd>
        </div>
        <div>
          <dt>{t('agingWs.net')}</dt>
          <dd>
            <Money amount={summary.net} digits={props.digits} />
          </dd>
        </div>
      </dl>
    </section>
  );
}
