import { useMemo } from 'react';
import type { AgingView } from '../../../../shared/aging-workspace/types';
import { Grid } from '../../components/grid/Grid';
import { useI18n } from '../../i18n';
import { customerColumns, invoiceColumns } from './columns';
import { customerRows, invoiceRows, type CustomerRow, type InvoiceRow } from './rows';

/** Every open invoice on the as-of date; Enter or double-click opens its allocations. */
export function InvoiceGrid(props: { view: AgingView; onOpen(row: InvoiceRow): void }) {
  const { t } = useI18n();
  const { view } = props;
  const rows = useMemo(() => invoiceRows(view), [view]);
  const columns = useMemo(() => invoiceColumns(t, rows, view.settings.bucketBounds, view.digits), [t, rows, view]);
  return (
    <Grid<InvoiceRow>
      gridId={view.customerId === null ? 'aging-invoices' : 'aging-customer-invoices'}
      label={t('aging.title')}
      data={rows}
      columns={columns}
      getRowId={(r) => String(r.id)}
      pinned={['code', 'name']}
      onRowActivate={props.onOpen}
      rowClassName={(r) => `cls-${r.cls}`}
      showTotals
      totalsDigits={view.digits}
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
  const columns = useMemo(() => customerColumns(t, rows, view.settings.bucketBounds, view.digits), [t, rows, view]);
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
      rowHeight={28}
      emptyText={t('aging.empty')}
      exportName={`${t('aging.title')} ${view.asOf}`}
    />
  );
}
