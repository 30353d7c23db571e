/** Grid columns of the aging workspace: by invoice, by customer, and the two-date comparison. */
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { CLASSES } from '../../../../shared/aging-workspace/settings';
import { currencyDigits } from '../../../../shared/money';
import type { Translate } from '../../i18n';
import { amountColumnWidth, textWidth } from '../../lib/columnWidth';
import { ClassBadge } from './ClassBadge';
import { bucketLabels, classLabel } from './labels';
import type { CompareRow, CustomerRow, InvoiceTable } from './rows';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cols<T> = ColumnDef<T, any>[];

const rowDigits = (r: { currency: string }) => currencyDigits(r.currency);

/** Largest magnitude (signed when any is negative) and total of some amounts: what a column's width must fit. */
function extent(values: Iterable<number>): [number, number] {
  let maxAbs = 0;
  let negative = false;
  let total = 0;
  for (const v of values) {
    total += v;
    if (v < 0) negative = true;
    if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  }
  return [negative ? -maxAbs : maxAbs, total];
}

function money<T>(
  id: string,
  header: string,
  get: (r: T) => number,
  rows: readonly T[],
  digits: number,
  blankZero = true,
  digitsOf: (r: T) => number = rowDigits as unknown as (r: T) => number,
  known?: [number, number],
): ColumnDef<T, number> {
  // Wide enough for the largest amount and the total.
  const fits = known ?? extent(rows.map(get));
  return {
    id,
    accessorFn: get,
    header,
    size: amountColumnWidth(fits, digits, header, 84),
    meta: { kind: 'money', align: 'right', digits: digitsOf, blankZero },
  };
}

/** The longest of some texts (its width decides the column's). */
function longest(texts: readonly string[]): string {
  let best = '';
  for (const s of texts) if (s.length > best.length) best = s;
  return best;
}

const classLabelOf = (t: Translate) => (i: unknown) => (typeof i === 'number' && CLASSES[i] ? classLabel(CLASSES[i], t) : '');

export function invoiceColumns(t: Translate, tbl: InvoiceTable, bounds: readonly number[], digits: number): Cols<number> {
  const col = createColumnHelper<number>();
  const labels = bucketLabels(bounds, t);
  const rows = tbl.rows;
  const rowDigitsOf = (i: number) => currencyDigits(tbl.currency(i));
  // One pass over the columns for every amount column's width (100,000 rows).
  const inv = tbl.view.invoices!;
  const perBucket = labels.map(() => [] as number[]);
  let biggest = 0;
  for (let i = 0; i < inv.open.length; i++) {
    const v = Math.abs(inv.open[i]);
    if (v > biggest) biggest = v;
    const b = inv.bucket[i];
    if (v > (perBucket[b][0] ?? 0)) perBucket[b][0] = v;
  }
  const totals = tbl.view.summary.bucketTotals;
  const amount = (id: string, header: string, get: (i: number) => number, known: [number, number], blankZero = true) =>
    money(id, header, get, rows, digits, blankZero, rowDigitsOf, known);
  return [
    col.accessor(tbl.code, { id: 'code', header: t('agingWs.code'), size: 84 }),
    col.accessor(tbl.name, { id: 'name', header: t('agingWs.name'), size: 190 }),
    col.accessor(tbl.number, { id: 'number', header: t('agingWs.invoice'), size: Math.max(96, textWidth(longest(inv.number)) + 4) }),
    col.accessor(tbl.date, { id: 'date', header: t('agingWs.date'), size: 96, meta: { kind: 'date' } }),
    col.accessor(tbl.dueDate, { id: 'dueDate', header: t('agingWs.dueDate'), size: 96, meta: { kind: 'date' } }),
    col.accessor(tbl.days, { id: 'days', header: t('agingWs.days'), size: 76, meta: { kind: 'number', align: 'right' } }),
    col.accessor(tbl.bucket, { id: 'bucket', header: t('agingWs.bucket'), size: 92, meta: { kind: 'set', label: (i: number) => labels[i] ?? '' } }),
    col.accessor(tbl.clsIndex, {
      id: 'class',
      header: t('agingWs.class'),
      size: 112,
      meta: { kind: 'set', label: classLabelOf(t) },
      cell: (c) => <ClassBadge cls={tbl.cls(c.row.original)} manual={tbl.overridden(c.row.original)} />,
    }),
    amount('open', t('agingWs.open'), tbl.open, [biggest, tbl.view.summary.total], false),
    ...labels.map((label, b) => amount(`b${b}`, label, (i: number) => (tbl.bucket(i) === b ? tbl.open(i) : 0), [perBucket[b][0] ?? 0, totals[b]])),
    col.accessor(tbl.salesperson, { id: 'salesperson', header: t('agingWs.salesperson'), size: 96, meta: { kind: 'set' } }),
    col.accessor(tbl.currency, { id: 'currency', header: t('agingWs.currency'), size: 64, meta: { kind: 'set' } }),
  ];
}

export function customerColumns(t: Translate, rows: readonly CustomerRow[], bounds: readonly number[], digits: number): Cols<CustomerRow> {
  const col = createColumnHelper<CustomerRow>();
  const labels = bucketLabels(bounds, t);
  return [
    col.accessor('code', { header: t('agingWs.code'), size: 84 }),
    col.accessor('name', { header: t('agingWs.name'), size: 190 }),
    ...labels.map((label, i) => money(`b${i}`, label, (r: CustomerRow) => r.buckets[i], rows, digits)),
    money('total', t('agingWs.total'), (r: CustomerRow) => r.total, rows, digits),
    money('unapplied', t('agingWs.unapplied'), (r: CustomerRow) => r.unapplied, rows, digits),
    money('net', t('agingWs.net'), (r: CustomerRow) => r.net, rows, digits, false),
    col.accessor('invoices', { header: t('agingWs.invoices'), size: 70, meta: { kind: 'number', align: 'right', sum: true } }),
    col.accessor('maxDays', { header: t('agingWs.oldest'), size: 88, meta: { kind: 'number', align: 'right' } }),
    col.accessor((r) => CLASSES.indexOf(r.worst), {
      id: 'worst',
      header: t('agingWs.worstClass'),
      size: 104,
      meta: { kind: 'set', label: classLabelOf(t) },
      cell: (c) => (c.row.original.invoices > 0 ? <ClassBadge cls={c.row.original.worst} /> : null),
    }),
    col.accessor('salesperson', { header: t('agingWs.salesperson'), size: 96, meta: { kind: 'set' } }),
    col.accessor('currency', { header: t('agingWs.currency'), size: 64, meta: { kind: 'set' } }),
  ];
}

export function compareColumns(t: Translate, rows: readonly CompareRow[], bounds: readonly number[], digits: number): Cols<CompareRow> {
  const col = createColumnHelper<CompareRow>();
  const labels = bucketLabels(bounds, t);
  return [
    col.accessor('code', { header: t('agingWs.code'), size: 84 }),
    col.accessor('name', { header: t('agingWs.name'), size: 190 }),
    money('totalA', `${t('agingWs.total')} A`, (r: CompareRow) => r.totalA, rows, digits),
    money('totalB', `${t('agingWs.total')} B`, (r: CompareRow) => r.totalB, rows, digits),
    money('change', t('agingWs.change'), (r: CompareRow) => r.totalB - r.totalA, rows, digits),
    ...labels.flatMap((label, i) => [
      money(`a${i}`, `${label} A`, (r: CompareRow) => r.a[i], rows, digits),
      money(`b${i}`, `${label} B`, (r: CompareRow) => r.b[i], rows, digits),
    ]),
    col.accessor('salesperson', { header: t('agingWs.salesperson'), size: 96, meta: { kind: 'set' } }),
  ];
}
