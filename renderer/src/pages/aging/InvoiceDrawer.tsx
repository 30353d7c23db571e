import { useEffect } from 'react';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { ClassBadge } from './ClassBadge';
import { bucketLabel, classLabel } from './labels';
import { OverrideForm } from './OverrideForm';

/** An invoice on the as-of date: its allocations, its class, and the form to set the class by hand. */
export function InvoiceDrawer(props: { invoiceId: number; asOf: string; bounds: number[]; onClose(): void; onChanged(): void }) {
  const { t } = useI18n();
  const drill = useLoad(() => call('aging-drill', { invoiceId: props.invoiceId, asOf: props.asOf }), [props.invoiceId, props.asOf]);
  const { onClose } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const d = drill.data;
  return (
    <aside className="aging-drawer" role="dialog" aria-label={d ? t('agingWs.drillTitle', { number: d.invoice.number }) : t('app.loading')} data-testid="invoice-drawer">
      <header>
        <h2>{d ? t('agingWs.drillTitle', { number: d.invoice.number }) : t('app.loading')}</h2>
        <button type="button" className="modal-close" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {drill.error && <ErrorBox error={drill.error} onRetry={drill.reload} />}
      {d && (
        <div className="drawer-body">
          <p className="drawer-customer">
            <span className="muted">{d.invoice.customerCode}</span> {d.invoice.customerName}
            <button type="button" className="link-button" onClick={() => navigate(`customers/${d.invoice.customerId}`)}>
              {t('agingWs.openLedger')}
            </button>
          </p>
          <dl className="facts-list">
            <dt>{t('agingWs.date')}</dt>
            <dd>{d.invoice.date}</dd>
            <dt>{t('agingWs.dueDate')}</dt>
            <dd>{d.invoice.dueDate}</dd>
            <dt>{t('agingWs.amount')}</dt>
            <dd>
              <Money amount={d.invoice.amount} digits={d.invoice.digits} />
            </dd>
            <dt>{t('agingWs.openAsOf', { asOf: d.asOf })}</dt>
            <dd data-testid="drill-open">
              <Money amount={d.invoice.open} digits={d.invoice.digits} />
              {d.invoice.reversed && <span className="badge reversed">{t('agingWs.reversed')}</span>}
            </dd>
            <dt>{t('agingWs.days')}</dt>
            <dd>
              {d.invoice.days} · {bucketLabel(d.invoice.bucket, props.bounds, t)}
            </dd>
            <dt>{t('agingWs.classNow', { asOf: d.asOf })}</dt>
            <dd>
              <ClassBadge cls={d.invoice.cls} manual={d.invoice.cls !== d.invoice.autoClass || d.overrides.some((o) => o.effectiveDate <= d.asOf && o.cls !== null)} />{' '}
              {d.invoice.cls !== d.invoice.autoClass && <div className="muted">{t('agingWs.autoClass', { cls: classLabel(d.invoice.autoClass, t) })}</div>}
            </dd>
          </dl>
          <h3>{t('agingWs.allocations', { asOf: d.asOf })}</h3>
          {d.allocations.length === 0 ? (
            <p className="muted">{t('agingWs.noAllocations')}</p>
          ) : (
            <table className="mini-table allocations-table">
              <thead>
                <tr>
                  <th scope="col">{t('agingWs.allocDate')}</th>
                  <th scope="col">{t('agingWs.allocDoc')}</th>
                  <th scope="col" className="num">
                    {t('agingWs.allocAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.allocations.map((a) => (
                  <tr key={a.id} data-allocation={a.number}>
                    <td>{a.date}</td>
                    <td>
                      <span className={`kind kind-${a.kind}`}>{t(`kind.${a.kind}`)}</span> {a.number}
                    </td>
                    <td className="num">
                      <Money amount={a.amount} digits={d.invoice.digits} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <OverrideForm
            invoiceId={d.invoice.id}
            asOf={d.asOf}
            current={d.invoice.cls}
            onDone={() => {
              drill.reload();
              props.onChanged();
            }}
          />
          {d.overrides.length > 0 && (
            <>
              <h3>{t('agingWs.history')}</h3>
              <ul className="override-history">
                {d.overrides.map((o) => (
                  <li key={o.id}>
                    {t('agingWs.historyLine', {
                      date: o.effectiveDate,
                      cls: o.cls ? classLabel(o.cls, t) : t('agingWs.overrideAuto'),
                      reason: o.reason,
                      actor: o.actor,
                      at: o.at.slice(0, 16).replace('T', ' '),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </aside>
  );
}
