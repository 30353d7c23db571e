import type { OverviewDebtor } from '../../../../shared/api/overview';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { money, useNumberStyle } from '../../lib/format';
import { navigate } from '../../lib/router';

/**
 * The customers with the largest open balances as horizontal bars, overdue (red) then not yet due;
 * each row is a button that opens the customer's page.
 */
export function TopDebtors(props: { debtors: OverviewDebtor[]; customersOpen: number; asOf: string; digits: number }) {
  const { t } = useI18n();
  useNumberStyle();
  const { debtors, digits } = props;
  const max = Math.max(1, ...debtors.map((d) => d.total));
  // Tabular digits: the longest total in characters sizes the amount column of every row.
  const totalWidth = `${Math.max(8, ...debtors.map((d) => money(d.total, digits).length)) + 2}ch`;
  return (
    <section className="ov-card ov-debtors" data-testid="overview-debtors" aria-labelledby="ov-debtors-title">
      <h2 id="ov-debtors-title">
        {t('overview.debtors.title')}
        <span className="ov-sub">{t('overview.debtors.subtitle', { asOf: props.asOf })}</span>
      </h2>
      <ul className="ov-legend" aria-hidden>
        <li>
          <span className="ov-swatch overdue" />
          {t('overview.debtors.overdue')}
        </li>
        <li>
          <span className="ov-swatch not-due" />
          {t('overview.debtors.notDue')}
        </li>
      </ul>
      {debtors.length === 0 ? (
        <p className="muted">{t('overview.debtors.empty')}</p>
      ) : (
        <ol className="ov-debtor-list" style={{ ['--ov-total-w' as string]: totalWidth }}>
          {debtors.map((d) => {
            const overdueW = (d.overdue / max) * 100;
            const notDueW = (d.notDue / max) * 100;
            const label = t('overview.debtors.row', { code: d.code, name: d.name, total: money(d.total, digits), overdue: money(d.overdue, digits), notDue: money(d.notDue, digits) });
            return (
              <li key={d.customerId}>
                <button type="button" className="ov-debtor" data-action="open-customer" data-customer-id={d.customerId} aria-label={label} title={label} onClick={() => navigate(`customers/${d.customerId}`)}>
                  <span className="ov-debtor-name">
                    <span className="ov-debtor-code">{d.code}</span> {d.name}
                    <span className="ov-debtor-detail">
                      {d.overdue > 0 ? (
                        <>
                          <span className="ov-overdue-text">
                            {t('overview.debtors.overdue')} {money(d.overdue, digits)}
                          </span>
                          {' · '}
                          {t('overview.debtors.oldest', { days: d.oldestDays })}
                        </>
                      ) : (
                        t('overview.debtors.notDue')
                      )}
                    </span>
                  </span>
                  <svg className="ov-debtor-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden>
                    <rect x={0} y={0} width={100} height={10} className="ov-track" />
                    {d.overdue > 0 && <rect x={0} y={0} width={overdueW} height={10} className="ov-bar-overdue" data-part="overdue" />}
                    {d.notDue > 0 && <rect x={overdueW} y={0} width={notDueW} height={10} className="ov-bar-notdue" data-part="not-due" />}
                  </svg>
                  <Money amount={d.total} digits={digits} className="ov-debtor-total" />
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {props.customersOpen > debtors.length && debtors.length > 0 && <p className="ov-hint muted">{t('overview.debtors.more', { count: props.customersOpen })}</p>}
    </section>
  );
}
