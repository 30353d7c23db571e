import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { BUCKETS } from '../../../../shared/aging';
import type { AgingReport, AgingRow } from '../../../../shared/domain';
import { Money } from '../../components/Money';
import type { Translate } from '../../i18n';
import { amountColumnWidth, textWidth } from '../../lib/columnWidth';
import { compareText, currencyDigits } from '../../lib/format';

const col = createColumnHelper<AgingRow>();
type AmountKey = (typeof BUCKETS)[number] | 'total' | 'unapplied' | 'net';

function amountColumn(key: AmountKey, t: Translate, report: AgingReport, digits: number): ColumnDef<AgingRow, number> {
  const { totals } = report;
  const header = t(`aging.${key}`);
  const values = function* () {
    yield totals[key];
    for (const r of report.rows) yield r[key];
  };
  return col.accessor(key, {
    header,
    size: amountColumnWidth(values(), digits, header),
    meta: { align: 'right', footer: <Money amount={totals[key]} digits={digits} /> },
    cell: (c) => <Money amount={c.getValue()} digits={currencyDigits(c.row.original.currency)} blankZero />,
    enableGlobalFilter: false,
  });
}

/** Aging columns: who (and which invoice), the seven buckets, total, unapplied credit and net. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function agingColumns(t: Translate, report: AgingReport, digits: number): ColumnDef<AgingRow, any>[] {
  const who = [
    col.accessor((r) => `${r.customerCode} ${r.customerName}`, {
      id: 'customer',
      header: t('aging.customer'),
      size: 150,
      meta: { footer: t('aging.totals') },
      sortingFn: (a, b) => compareText(a.original.customerCode, b.original.customerCode),
      cell: (c) => (
        <span title={c.getValue()}>
          <span className="muted">{c.row.original.customerCode}</span> {c.row.original.customerName}
        </span>
      ),
    }),
  ];
  // Last, so the amounts stay in view on a narrow window.
  const salesperson = col.accessor('salesperson', { header: t('customer.salesperson'), size: 90 });
  const longestNumber = report.rows.reduce((best, r) => ((r.invoiceNumber ?? '').length > best.length ? (r.invoiceNumber ?? '') : best), '');
  const invoice =
    report.by === 'invoice'
      ? [
          col.accessor((r) => r.invoiceNumber ?? '', { id: 'invoiceNumber', header: t('aging.invoice'), size: Math.max(90, textWidth(longestNumber)) }),
          col.accessor((r) => r.dueDate ?? '', { id: 'dueDate', header: t('aging.dueDate'), size: 96 }),
          col.accessor((r) => r.daysOverdue ?? 0, {
            id: 'daysOverdue',
            header: t('aging.daysOverdue'),
            size: Math.max(64, textWidth(t('aging.daysOverdue'), true) + 12),
            meta: { align: 'right' },
            enableGlobalFilter: false,
          }),
        ]
      : [];
  const amounts = [...BUCKETS, 'total', 'unapplied', 'net'] as const;
  return [...who, ...invoice, ...amounts.map((k) => amountColumn(k, t, report, digits)), salesperson];
}
