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
  /** Amounts in several currencies: what a row adds to the totals (its base-currency equivalent). */
  sumValue?: (r: T) => number,
): ColumnDef<T, number> {
  // Wide enough for the largest amount and the total.
  const fits = known ?? extent(rows.map(get));
  return {
    id,
    accessorFn: get,
    header,
    size: amountColumnWidth(fits, digits, header, 84),
    meta: { kind: 'money', align: 'right', digits: digitsOf, blankZero, ...(sumValue ? { sumValue } : {}) },
  };
}

/** The code column holds the totals row's label: wide enough for "Totals (CNY)" / "合计（CNY）". */
const TOTALS_IN_WIDTH = 112;

/** The currency column: set-filterable, the code marked where it is not the base currency. */
function currencyColumn<T>(id: string, header: string, get: (r: T) => string, base: string): ColumnDef<T, string> {
  return { id, accessorFn: get, header, size: 64, meta: { kind: 'set', cellClass: (r: T) => (get(r) !== base ? 'ccy-foreign' : '') } };
}

/** The longest of some texts (its width decides the column's). */
function longest(texts: readonly string[]): string {
  let best = '';
  for (const s of texts) if (s.length > best.length) best = s;
  return best;
}

const classLabelOf = (t: Translate) => (i: unknown) => (typeof i === 'number' && CLASSES[i] ? classLabel(CLASSES[i], t) : '');

/**
 * Open invoices. Amounts are in each invoice's currency; where some are in another currency than
 * the base (`base`), the totals row adds base-currency equivalents, the currency column moves next
 * to the customer, and an "Open (base)" column follows the open amount.
 */
export function invoiceColumns(t: Translate, tbl: InvoiceTable, bounds: readonly number[], digits: number, base = ''): Cols<number> {
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
  const multi = tbl.multi;
  const amount = (id: string, header: string, get: (i: number) => number, known: [number, number], blankZero = true, sumValue?: (i: number) => number) =>
    money(id, header, get, rows, digits, blankZero, rowDigitsOf, known, multi ? sumValue : undefined);
  const currency = currencyColumn<number>('currency', t('agingWs.currency'), tbl.currency, base);
  const baseOpen = multi ? [money('baseOpen', t('agingWs.inBase', { label: t('agingWs.open'), currency: base }), tbl.baseOpen, rows, digits, false, () => digits, [biggest, tbl.view.summary.total])] : [];
  return [
    col.accessor(tbl.code, { id: 'code', header: t('agingWs.code'), size: multi ? TOTALS_IN_WIDTH : 84 }),
    col.accessor(tbl.name, { id: 'name', header: t('agingWs.name'), size: 190 }),
    ...(multi ? [currency] : []),
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
    amount('open', t('agingWs.open'), tbl.open, [biggest, tbl.view.summary.total], false, tbl.baseOpen),
    ...baseOpen,
    ...labels.map((label, b) =>
      amount(`b${b}`, label, (i: number) => (tbl.bucket(i) === b ? tbl.open(i) : 0), [perBucket[b][0] ?? 0, totals[b]], true, (i: number) => (tbl.bucket(i) === b ? tbl.baseOpen(i) : 0)),
    ),
    col.accessor(tbl.salesperson, { id: 'salesperson', header: t('agingWs.salesperson'), size: 96, meta: { kind: 'set' } }),
    ...(multi ? [] : [currency]),
  ];
}

/** One row per customer, in the customer's currency; totals in the base currency as for invoices. */
export function customerColumns(t: Translate, rows: readonly CustomerRow[], bounds: readonly number[], digits: number, base = ''): Cols<CustomerRow> {
  const col = createColumnHelper<CustomerRow>();
  const labels = bucketLabels(bounds, t);
  const multi = rows.some((r) => r.base);
  const sum = (f: (b: NonNullable<CustomerRow['base']>) => number, own: (r: CustomerRow) => number) => (multi ? (r: CustomerRow) => (r.base ? f(r.base) : own(r)) : undefined);
  const currency = currencyColumn<CustomerRow>('currency', t('agingWs.currency'), (r) => r.currency, base);
  const baseNet = (r: CustomerRow) => r.base?.net ?? r.net;
  return [
    col.accessor('code', { header: t('agingWs.code'), size: multi ? TOTALS_IN_WIDTH : 84 }),
    col.accessor('name', { header: t('agingWs.name'), size: 190 }),
    ...(multi ? [currency] : []),
    ...labels.map((label, i) => money(`b${i}`, label, (r: CustomerRow) => r.buckets[i], rows, digits, true, undefined, undefined, sum((b) => b.buckets[i], (r) => r.buckets[i]))),
    money('total', t('agingWs.total'), (r: CustomerRow) => r.total, rows, digits, true, undefined, undefined, sum((b) => b.total, (r) => r.total)),
    money('unapplied', t('agingWs.unapplied'), (r: CustomerRow) => r.unapplied, rows, digits, true, undefined, undefined, sum((b) => b.unapplied, (r) => r.unapplied)),
    money('net', t('agingWs.net'), (r: CustomerRow) => r.net, rows, digits, false, undefined, undefined, sum((b) => b.net, (r) => r.net)),
    ...(multi ? [money('baseNet', t('agingWs.inBase', { label: t('agingWs.net'), currency: base }), baseNet, rows, digits, false, () => digits)] : []),
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
    ...(multi ? [] : [currency]),
  ];
}

/** Two dates side by side per customer, in the customer's currency; totals in the base currency. */
export function compareColumns(t: Translate, rows: readonly CompareRow[], bounds: readonly number[], digits: number, base = ''): Cols<CompareRow> {
  const col = createColumnHelper<CompareRow>();
  const labels = bucketLabels(bounds, t);
  const multi = rows.some((r) => r.base);
  const sum = (f: (b: NonNullable<CompareRow['base']>) => number, own: (r: CompareRow) => number) => (multi ? (r: CompareRow) => (r.base ? f(r.base) : own(r)) : undefined);
  const m = (id: string, header: string, get: (r: CompareRow) => number, inBase: (b: NonNullable<CompareRow['base']>) => number) =>
    money(id, header, get, rows, digits, true, undefined, undefined, sum(inBase, get));
  return [
    col.accessor('code', { header: t('agingWs.code'), size: multi ? TOTALS_IN_WIDTH : 84 }),
    col.accessor('name', { header: t('agingWs.name'), size: 190 }),
    ...(multi ? [currencyColumn<CompareRow>('currency', t('agingWs.currency'), (r) => r.currency, base)] : []),
    m('totalA', `${t('agingWs.total')} A`, (r) => r.totalA, (b) => b.totalA),
    m('totalB', `${t('agingWs.total')} B`, (r) => r.totalB, (b) => b.totalB),
    m('change', t('agingWs.change'), (r) => r.totalB - r.totalA, (b) => b.totalB - b.totalA),
    ...labels.flatMap((label, i) => [m(`a${i}`, `${label} A`, (r) => r.a[i], (b) => b.a[i]), m(`b${i}`, `${label} B`, (r) => r.b[i], (b) => b.b[i])]),
    col.accessor('salesperson', { header: t('agingWs.salesperson'), size: 96, meta: { kind: 'set' } }),
  ];
}
