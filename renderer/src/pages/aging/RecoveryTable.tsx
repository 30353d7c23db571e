import type { AgingSummary } from '../../../../shared/aging-workspace/types';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { bucketLabels } from './labels';

/** Expected recovery per bucket and the bad-debt provision it implies. */
export function RecoveryTable(props: { summary: AgingSummary; bounds: number[]; digits: number; onEdit(): void }) {
  const { t } = useI18n();
  const { recovery } = props.summary;
  const labels = bucketLabels(props.bounds, t);
  return (
    <section className="aging-card recovery-card" aria-label={t('agingWs.recovery')}>
      <h2>
        {t('agingWs.recovery')}
        <button type="button" className="link-button" data-action="edit-recovery" onClick={props.onEdit}>
          {t('agingWs.settings')}
        </button>
      </h2>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col" className="num">
              {t('agingWs.open')}
            </th>
            <th scope="col" className="num">
              {t('agingWs.rate')}
            </th>
            <th scope="col" className="num">
              {t('agingWs.provision')}
            </th>
          </tr>
        </thead>
        <tbody>
          {recovery.lines.map((l) => (
            <tr key={l.bucket}>
              <th scope="row">{labels[l.bucket]}</th>
              <td className="num">
                <Money amount={l.amount} digits={props.digits} blankZero />
              </td>
              <td className="num muted">{(l.recoveryBp / 100).toFixed(l.recoveryBp % 100 ? 2 : 0)}%</td>
              <td className="num">
                <Money amount={l.provision} digits={props.digits} blankZero />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="provision-total">
            <th scope="row">{t('agingWs.provisionTotal')}</th>
            <td className="num">
              <Money amount={props.summary.total} digits={props.digits} />
            </td>
            <td />
            <td className="num strong">
              <Money amount={recovery.provision} digits={props.digits} />
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="card-note">
        {t('agingWs.expected')}: <Money amount={recovery.expected} digits={props.digits} />
      </p>
    </section>
  );
}
