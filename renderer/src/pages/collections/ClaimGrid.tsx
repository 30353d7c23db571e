import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { CaseDetail, ClaimLine } from '../../../../shared/api/collections-types';
import { DataGrid } from '../../components/DataGrid';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';

const col = createColumnHelper<ClaimLine>();

/** The invoices of the case with what is unpaid, interest to date and the limitation clock. */
export function ClaimGrid(props: { detail: CaseDetail; onDispute(line: ClaimLine): void }) {
  const { t, lang } = useI18n();
  const d = props.detail;
  const columns = useMemo(() => claimColumns(t, d, props.onDispute), [t, d, props.onDispute]);
  return (
    <DataGrid<ClaimLine>
      key={lang}
      label={t('coll.case.invoices')}
      data={d.claimDetail.lines}
      columns={columns}
      getRowId={(r) => String(r.invoiceId)}
      rowClassName={(r) => (r.disputed ? 'coll-disputed' : r.limitation.state !== 'ok' ? `coll-lim-${r.limitation.state}` : '')}
      showTotals
      className="coll-claim"
    />
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function claimColumns(t: Translate, d: CaseDetail, onDispute: (l: ClaimLine) => void): ColumnDef<ClaimLine, any>[] {
  const m = (v: number) => <Money amount={v} digits={d.digits} />;
  return [
    col.accessor('number', {
      header: t('coll.inv.number'),
      size: 160,
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
    col.display({
      id: 'dispute',
      header: '',
      size: 90,
      cell: (c) => (
        <button type="button" className="small" data-action={c.row.original.disputed ? 'resolve-dispute' : 'dispute'} onClick={() => onDispute(c.row.original)}>
          {c.row.original.disputed ? t('coll.action.resolve') : t('coll.action.dispute')}
        </button>
      ),
    }),
  ];
}
