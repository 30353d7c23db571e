import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { CaseDetail, ClaimLine } from '../../../../shared/api/collections-types';
import { DataGrid } from '../../components/DataGrid';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';

const col = createColumnHelper<ClaimLine>();

/**
 * The invoices of the case with what is unpaid, interest to date and the limitation clock; invoices
 * are added from the customer's other overdue ones and taken out with a reason (both on the timeline).
 */
export function ClaimGrid(props: { detail: CaseDetail; onDispute(line: ClaimLine): void; onAdd(): void; onRemove(line: ClaimLine): void }) {
  const { t, lang } = useI18n();
  const d = props.detail;
  const others = d.otherOpenInvoices.length;
  const columns = useMemo(() => claimColumns(t, d, props.onDispute, props.onRemove), [t, d, props.onDispute, props.onRemove]);
  return (
    <>
      <div className="toolbar coll-claim-toolbar" data-testid="claim-toolbar">
        <button type="button" className="small" data-action="add-invoices" disabled={others === 0} title={others === 0 ? t('coll.claim.noOthers') : undefined} onClick={props.onAdd}>
          {t('coll.action.addInvoices')} ({others})
        </button>
        <span className="muted">{t('coll.claim.count', { count: d.claimDetail.lines.length })}</span>
      </div>
      <DataGrid<ClaimLine>
        // Other invoices or other figures (another as-of date) make a new grid: the grid keeps the totals row of its first mount.
        key={`${lang}:${d.claimDetail.lines.map((l) => l.invoiceId).join(',')}:${d.claimDetail.principal}:${d.claimDetail.interest}`}
        label={t('coll.case.invoices')}
        data={d.claimDetail.lines}
        columns={columns}
        getRowId={(r) => String(r.invoiceId)}
        rowClassName={(r) => (r.disputed ? 'coll-disputed' : r.limitation.state !== 'ok' ? `coll-lim-${r.limitation.state}` : '')}
        showTotals
        className="coll-claim"
      />
    </>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function claimColumns(t: Translate, d: CaseDetail, onDispute: (l: ClaimLine) => void, onRemove: (l: ClaimLine) => void): ColumnDef<ClaimLine, any>[] {
  const m = (v: number) => <Money amount={v} digits={d.digits} />;
  return [
    col.accessor('number', {
      header: t('coll.inv.number'),
      size: 170,
      meta: { footer: t('common.total') },
      cell: (c) => (
        <span title={c.row.original.disputeReason ?? undefined}>
          {c.getValue()}
          {c.row.original.disputed && (
            <span className="coll-chip disputed" title={t('coll.inv.disputed', { reason: c.row.original.disputeReason ?? '' })}>
              {t('coll.inv.disputedShort')}
            </span>
          )}
        </span>
      ),
    }),
    // Next to the number, so they are in view without scrolling the grid sideways.
    col.display({
      id: 'actions',
      header: t('coll.col.actions'),
      size: 215,
      meta: { noExport: true },
      cell: (c) => (
        <span className="coll-row-actions">
          <button type="button" className="small" data-action={c.row.original.disputed ? 'resolve-dispute' : 'dispute'} onClick={() => onDispute(c.row.original)}>
            {c.row.original.disputed ? t('coll.action.resolve') : t('coll.action.dispute')}
          </button>
          <button type="button" className="small" data-action="remove-invoice" data-invoice={c.row.original.number} onClick={() => onRemove(c.row.original)}>
            {t('coll.action.removeFromCase')}
          </button>
        </span>
      ),
    }),
    col.accessor('dueDate', { header: t('coll.inv.due'), size: 100 }),
    col.accessor('amount', { header: t('coll.inv.amount'), size: 120, meta: { align: 'right' }, cell: (c) => m(c.getValue()) }),
    col.accessor('open', { header: t('coll.inv.open'), size: 120, meta: { align: 'right', footer: m(d.claimDetail.principal) }, cell: (c) => m(c.getValue()) }),
    col.accessor('daysOverdue', { header: t('coll.inv.days'), size: 80, meta: { align: 'right' } }),
    col.accessor('interest', { header: t('coll.inv.interest'), size: 100, meta: { align: 'right', footer: m(d.claimDetail.interest) }, cell: (c) => m(c.getValue()) }),
    col.accessor((r) => r.limitation.expires, {
      id: 'limitation',
      header: t('coll.inv.limitation'),
      size: 110,
      cell: (c) => <span className={`coll-lim ${c.row.original.limitation.state}`}>{c.getValue()}</span>,
    }),
  ];
}
