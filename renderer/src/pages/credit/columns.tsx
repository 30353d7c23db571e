/** Columns of the credit grid: one row per customer. */
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import type { CreditRow } from '../../../../shared/credit/types';
import type { Translate } from '../../i18n';
import { amountColumnWidth } from '../../lib/columnWidth';
import { GradeBadge, TrendArrow, UtilisationBar } from './bits';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cols = ColumnDef<CreditRow, any>[];

const digitsOf = (r: CreditRow) => r.digits;

function money(id: string, header: string, get: (r: CreditRow) => number, rows: readonly CreditRow[], blankZero: boolean): ColumnDef<CreditRow, number> {
  return {
    id,
    accessorFn: get,
    header,
    size: amountColumnWidth(rows.map(get), rows[0]?.digits ?? 2, header, 96),
    meta: { kind: 'money', align: 'right', digits: digitsOf, blankZero, sum: false },
  };
}

export function creditColumns(t: Translate, rows: readonly CreditRow[], trendDays: number, reasonText: (r: CreditRow) => string, signalText: (r: CreditRow) => string): Cols {
  const col = createColumnHelper<CreditRow>();
  const holdLabel = (v: unknown) => t(v === 'block' ? 'credit.hold.block' : v === 'limit' ? 'credit.hold.limit' : 'credit.hold.none');
  return [
    col.accessor('code', { header: t('credit.col.code'), size: 84 }),
    col.accessor('name', { header: t('credit.col.name'), size: 210 }),
    col.accessor('salesperson', { header: t('credit.col.salesperson'), size: 96, meta: { kind: 'set' } }),
    col.accessor('grade', {
      header: t('credit.col.grade'),
      size: 64,
      meta: { kind: 'set', align: 'center' },
      cell: (c) => <GradeBadge grade={c.row.original.grade} manual={c.row.original.manual} computed={c.row.original.computedGrade} noHistory={c.row.original.noHistory} />,
    }),
    col.accessor('score', { header: t('credit.col.score'), size: 64, meta: { kind: 'number', align: 'right' } }),
    col.accessor((r) => r.score - r.previousScore, {
      id: 'trend',
      header: t('credit.col.trend'),
      size: 70,
      meta: { kind: 'number', align: 'center' },
      cell: (c) => <TrendArrow score={c.row.original.score} previous={c.row.original.previousScore} days={trendDays} />,
    }),
    money('limit', t('credit.col.limit'), (r) => r.creditLimit, rows, true),
    col.accessor((r) => (r.utilisation === null ? -1 : Math.round(r.utilisation * 100)), {
      id: 'utilisation',
      header: t('credit.col.utilisation'),
      size: 124,
      meta: { kind: 'number', label: (v: number) => (v < 0 ? t('credit.noLimit') : `${v}%`) },
      cell: (c) => <UtilisationBar value={c.row.original.utilisation} />,
    }),
    money('exposure', t('credit.col.exposure'), (r) => r.exposure, rows, true),
    money('overdue', t('credit.col.overdue'), (r) => r.overdue, rows, true),
    col.accessor('oldestOverdueDays', { header: t('credit.col.oldest'), size: 92, meta: { kind: 'number', align: 'right', label: (v: number) => (v > 0 ? String(v) : '') } }),
    col.accessor((r) => r.lastReview ?? '', { id: 'lastReview', header: t('credit.col.lastReview'), size: 96, meta: { kind: 'date' } }),
    col.accessor((r) => r.hold ?? 'none', {
      id: 'hold',
      header: t('credit.col.hold'),
      size: 92,
      meta: { kind: 'set', label: holdLabel },
      cell: (c) => (
        <span className={`hold-badge hold-${c.getValue()}`} title={reasonText(c.row.original)}>
          {holdLabel(c.getValue())}
        </span>
      ),
    }),
    col.accessor((r) => r.signals.length, {
      id: 'signals',
      header: t('credit.col.signals'),
      size: 70,
      meta: { kind: 'number', align: 'center', label: (v: number) => (v > 0 ? String(v) : '') },
      cell: (c) => (c.getValue() > 0 ? <span className="signal-mark" title={signalText(c.row.original)}>⚠ {c.getValue()}</span> : null),
    }),
  ];
}
