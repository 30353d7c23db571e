/** Typed cell values for copy and export: amounts stay exact (minor units with their digits). */
import type { EngineColumn, ViewItem } from './types';
import type { ValueCache } from './values';

export type XCell =
  | null
  | { t: 's'; v: string }
  | { t: 'n'; v: number }
  /** Money: minor units and the currency's digits. */
  | { t: 'm'; v: number; digits: number }
  /** ISO date. */
  | { t: 'd'; v: string };

export interface ExportColumn<T> extends EngineColumn<T> {
  header: string;
}

export function valueCell<T>(col: EngineColumn<T>, value: unknown, row: T | undefined): XCell {
  if (value === null || value === undefined || value === '') return null;
  switch (col.kind) {
    case 'money':
      return typeof value === 'number' ? { t: 'm', v: value, digits: row === undefined ? 2 : col.digits(row) } : null;
    case 'number':
      return typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: String(value) };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? { t: 'd', v: value } : { t: 's', v: String(value) };
    default:
      return { t: 's', v: col.text(value) };
  }
}

/** The cells of one view item across the given columns. */
export function itemCells<T>(cache: ValueCache<T>, item: ViewItem, cols: readonly ExportColumn<T>[], groupDigits = 2): XCell[] {
  if (item.kind === 'row') {
    const row = cache.data[item.index];
    return cols.map((c) => valueCell(c, cache.values(c.id)[item.index], row));
  }
  if (item.kind === 'detail') return cols.map(() => null);
  const groupCol = cache.column(item.columnId);
  const label = `${groupCol ? groupCol.text(item.value) : String(item.value)} (${item.count})`;
  return cols.map((c, i) => {
    if (i === 0) return { t: 's', v: label } as XCell;
    if (c.sum && item.sums[c.id] !== undefined) {
      return c.kind === 'money' ? { t: 'm', v: item.sums[c.id], digits: groupDigits } : { t: 'n', v: item.sums[c.id] };
    }
    return null;
  });
}

/** Header row, the data rows in view order, and (when given) a totals row. */
export function exportMatrix<T>(
  cache: ValueCache<T>,
  rows: ArrayLike<number>,
  cols: readonly ExportColumn<T>[],
  totals?: { label: string; sums: Record<string, number>; digits: number },
): XCell[][] {
  const out: XCell[][] = [cols.map((c) => ({ t: 's', v: c.header }) as XCell)];
  const lists = cols.map((c) => cache.values(c.id));
  for (let i = 0; i < rows.length; i++) {
    const index = rows[i];
    const row = cache.data[index];
    out.push(cols.map((c, k) => valueCell(c, lists[k][index], row)));
  }
  if (totals) {
    out.push(
      cols.map((c, i) => {
        if (c.sum && totals.sums[c.id] !== undefined) {
          return c.kind === 'money' ? { t: 'm', v: totals.sums[c.id], digits: totals.digits } : { t: 'n', v: totals.sums[c.id] };
        }
        return i === 0 ? { t: 's', v: totals.label } : null;
      }),
    );
  }
  return out;
}
