import { useCallback, useMemo } from 'react';
import type { AgingView } from '../../../../shared/aging-workspace/types';
import { Grid } from '../../components/grid/Grid';
import { useI18n } from '../../i18n';
import { customerColumns, invoiceColumns } from './columns';
import { customerRows, InvoiceTable, type CustomerRow } from './rows';

/** Every open invoice on the as-of date; Enter or double-click opens its allocations. */
export function InvoiceGrid(props: { view: AgingView; onOpen(invoiceId: number): void }) {
  const { t } = useI18n();
  const { view, onOpen } = props;
  const tbl = useMemo(() => new InvoiceTable(view), [view]);
  const columns = useMemo(() => invoiceColumns(t, tbl, view.settings.bucketBounds, view.digits, view.currency), [t, tbl, view]);
  const rowId = useCallback((i: number) => String(tbl.id(i)), [tbl]);
  const rowClass = useCallback((i: number) => `cls-${tbl.cls(i)}`, [tbl]);
  const open = useCallback((i: number) => onOpen(tbl.id(i)), [tbl, onOpen]);
  const totals = useMemo(() => {
    // The view's own totals (exact, from main) while nothing is filtered: no summing before the first paint.
    // In the base currency, as the totals row always is (invoices in other currencies at their recorded rates).
    const out: Record<string, number> = { open: view.summary.total };
    if (tbl.multi) out.baseOpen = view.summary.total;
    view.summary.bucketTotals.forEach((v, b) => (out[`b${b}`] = v));
    return out;
  }, [view, tbl]);
  return (
    <Grid<number>
      gridId={view.customerId === null ? 'aging-invoices' : 'aging-customer-invoices'}
      label={t('aging.title')}
      data={tbl.rows}
      columns={columns}
      getRowId={rowId}
      pinned={['code', 'name']}
      onRowActivate={open}
      rowClassName={rowClass}
      showTotals
      totals={totals}
      totalsDigits={view.digits}
      totalsLabel={tbl.multi ? t('agingWs.totalsIn', { currency: view.currency }) : undefined}
      rowHeight={28}
      emptyText={t('aging.empty')}
      exportName={`${t('aging.title')} ${view.asOf}`}
    />
  );
}

/** One row per customer; Enter or double-click drills into the customer's invoices. */
export function CustomerGrid(props: { view: AgingView; onOpen(row: CustomerRow): void }) {
  const { t } = useI18n();
  const { view } = props;
  const rows = useMemo(() => customerRows(view), [view]);
  const columns = useMemo(() => customerColumns(t, rows, view.settings.bucketBounds, view.digits, view.currency), [t, rows, view]);
  const multi = !!view.rows?.base;
  return (
    <Grid<CustomerRow>
      gridId="aging-customers"
      label={t('aging.title')}
      data={rows}
      columns={columns}
      getRowId={(r) => String(r.customerId)}
      pinned={['code', 'name']}
      onRowActivate={props.onOpen}
      rowClassName={(r) => (r.invoices > 0 ? `cls-${r.worst}` : '')}
      showTotals
      totalsDigits={view.digits}
      totalsLabel={multi ? t('agingWs.totalsIn', { currency: view.currency }) : undefined}
      rowHeight={28}
      emptyText={t('aging.empty')}
      exportName={`${t('aging.title')} ${view.asOf}`}
    />
  );
}
