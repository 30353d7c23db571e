import { createColumnHelper } from '@tanstack/react-table';
import type { PaperSummary } from '../../../../shared/api/papers';
import { Money } from '../../components/Money';
import type { Translate } from '../../i18n';
import { kindKey, stamp, statusKey } from './labels';

const col = createColumnHelper<PaperSummary>();

export function StatusChip({ status, t }: { status: PaperSummary['status'] | 'converted'; t: Translate }) {
  return <span className={`doc-chip s-${status}`}>{t(statusKey(status))}</span>;
}

export function paperColumns(t: Translate) {
  return [
    col.accessor('number', { header: t('doc.col.number'), size: 170 }),
    col.accessor('kind', { header: t('doc.col.kind'), size: 110, cell: (c) => t(kindKey(c.getValue())), meta: { label: (v) => t(kindKey(v)) } }),
    col.accessor('customerCode', { header: t('doc.col.customer'), size: 90 }),
    col.accessor('customerName', { header: t('doc.col.customerName'), size: 220 }),
    col.accessor('amount', {
      header: t('doc.col.amount'),
      size: 120,
      meta: { align: 'right', digits: (r) => r.digits, sum: false },
      cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} />,
      enableGlobalFilter: false,
    }),
    col.accessor('issuedAt', { header: t('doc.col.issued'), size: 140, cell: (c) => stamp(c.getValue()) }),
    col.accessor('returnBy', { header: t('doc.col.returnBy'), size: 100, cell: (c) => c.getValue() ?? '' }),
    col.accessor('status', {
      header: t('doc.col.status'),
      size: 130,
      cell: (c) => <StatusChip status={c.getValue()} t={t} />,
      meta: { label: (v) => t(statusKey(v)) },
    }),
  ];
}
