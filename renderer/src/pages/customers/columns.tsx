import { createColumnHelper } from '@tanstack/react-table';
import type { CustomerSummary } from '../../../../shared/domain';
import { Money } from '../../components/Money';
import type { Translate } from '../../i18n';
import { compareText } from '../../lib/format';

const col = createColumnHelper<CustomerSummary>();

export function StatusBadge({ status, t }: { status: CustomerSummary['status']; t: Translate }) {
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function customerColumns(t: Translate) {
  return [
    col.accessor('code', { header: t('customer.code'), size: 90, sortingFn: (a, b) => compareText(a.original.code, b.original.code) }),
    col.accessor('name', { header: t('customer.name'), size: 240, sortingFn: (a, b) => compareText(a.original.name, b.original.name) }),
    col.accessor('salesperson', { header: t('customer.salesperson'), size: 100, meta: { kind: 'set' } }),
    col.accessor('paymentTermsDays', {
      header: t('customer.terms'),
      size: 90,
      meta: { align: 'right', kind: 'number', label: (v: number) => t('customer.termsValue', { days: v }) },
      cell: (c) => t('customer.termsValue', { days: c.getValue() }),
      enableGlobalFilter: false,
    }),
    col.accessor('creditLimit', {
      header: t('customer.creditLimit'),
      size: 120,
      meta: { align: 'right', kind: 'money', digits: (r: CustomerSummary) => r.digits, sum: false },
      cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} blankZero />,
      enableGlobalFilter: false,
    }),
    col.accessor('balance', {
      header: t('customer.balance'),
      size: 120,
      meta: { align: 'right', kind: 'money', digits: (r: CustomerSummary) => r.digits },
      cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} />,
      enableGlobalFilter: false,
    }),
    col.accessor('overdue', {
      header: t('customer.overdue'),
      size: 120,
      meta: { align: 'right', kind: 'money', digits: (r: CustomerSummary) => r.digits },
      cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} blankZero className="overdue" />,
      enableGlobalFilter: false,
    }),
    col.accessor('currency', { header: t('customer.currency'), size: 60, meta: { kind: 'set' } }),
    col.accessor('status', {
      header: t('customer.status'),
      size: 90,
      meta: { kind: 'set', label: (v: CustomerSummary['status']) => t(`status.${v}`) },
      cell: (c) => <StatusBadge status={c.getValue()} t={t} />,
      enableGlobalFilter: false,
    }),
  ];
}
