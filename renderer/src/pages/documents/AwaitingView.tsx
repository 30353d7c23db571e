import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { ReconcileDue } from '../../../../shared/api/papers';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { paperColumns } from './columns';

const col = createColumnHelper<ReconcileDue>();

function reconcileColumns(t: Translate, onIssue: (c: ReconcileDue) => void) {
  return [
    col.accessor('customerCode', { header: t('doc.col.customer'), size: 90 }),
    col.accessor('customerName', { header: t('doc.col.customerName'), size: 220 }),
    col.accessor('balance', {
      header: t('doc.col.balance'),
      size: 120,
      meta: { align: 'right', digits: (r) => r.digits },
      cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} />,
    }),
    col.accessor('lastConfirmedPeriod', { header: t('doc.col.lastConfirmed'), size: 160, cell: (c) => c.getValue() ?? t('doc.never') }),
    col.display({
      id: 'issue',
      header: '',
      size: 130,
      meta: { noExport: true },
      cell: (c) => (
        <button type="button" className="small" onClick={() => onIssue(c.row.original)}>
          {t('doc.action.issueStatement')}
        </button>
      ),
    }),
  ];
}

/** Papers out for signature, oldest first; and customers who have not confirmed a statement lately. */
export function AwaitingView(props: { refresh: number; onIssueStatement(customerId: number): void }) {
  const { t } = useI18n();
  const [months, setMonths] = useState(3);
  const papers = useLoad(() => call('paper-list', { status: 'awaiting' }), [props.refresh]);
  const due = useLoad(() => call('paper-reconcile-due', { months }), [months, props.refresh]);
  const columns = useMemo(() => paperColumns(t), [t]);
  const dueColumns = useMemo(() => reconcileColumns(t, (c) => props.onIssueStatement(c.customerId)), [t, props]);
  return (
    <div className="doc-split">
      <section className="doc-grid-section">
        <h2>{papers.data ? t('doc.awaiting.count', { count: papers.data.length }) : t('doc.tab.awaiting')}</h2>
        {papers.error && <ErrorBox error={papers.error} onRetry={papers.reload} />}
        {papers.data && (
          <DataGrid
            label={t('doc.tab.awaiting')}
            data={papers.data}
            columns={columns}
            getRowId={(p) => String(p.id)}
            onRowActivate={(p) => navigate(`documents/register/${p.id}`)}
            rowClassName={(p) => (p.status === 'overdue' ? 'doc-overdue' : '')}
            emptyText={t('doc.awaiting.empty')}
            gridId="papers-awaiting"
            className="doc-grid"
          />
        )}
      </section>
      <section className="doc-grid-section">
        <div className="doc-section-head">
          <h2>{t('doc.reconcile.title')}</h2>
          <label className="inline">
            {t('doc.reconcile.months')}{' '}
            <select name="reconcileMonths" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
              {[1, 2, 3, 6, 12].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted">{t('doc.reconcile.hint', { months })}</p>
        {due.error && <ErrorBox error={due.error} onRetry={due.reload} />}
        {due.data && (
          <DataGrid
            label={t('doc.reconcile.title')}
            data={due.data}
            columns={dueColumns}
            getRowId={(c) => String(c.customerId)}
            emptyText={t('doc.reconcile.empty')}
            gridId="papers-reconcile"
            className="doc-grid"
          />
        )}
      </section>
    </div>
  );
}
