/** What a body cell shows: the column's own renderer, or the default for its kind of value. */
import { flexRender, type CellContext, type Column, type Row, type Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { formatAmount } from '../../lib/format';
import { Money } from '../Money';
import type { ValueCache } from './engine/values';
import './meta';

/** Marker renderer: columns without their own `cell` get the default for their kind. */
export function DefaultCell<T>(ctx: CellContext<T, unknown>): ReactNode {
  const def = ctx.column.columnDef;
  const v = ctx.getValue();
  if (v === null || v === undefined) return null;
  const meta = def.meta;
  switch (meta?.kind) {
    case 'money': {
      const d = meta.digits;
      const digits = typeof d === 'function' ? d(ctx.row.original) : (d ?? 2);
      return typeof v === 'number' ? <Money amount={v} digits={digits} blankZero={meta.blankZero} /> : null;
    }
    default:
      return meta?.label ? meta.label(v) : String(v);
  }
}

/**
 * A light stand-in for react-table's Row (the grid keeps no Row objects for 100,000 rows); column
 * renderers use `original`, `getValue` and `id`.
 */
function rowOf<T>(cache: ValueCache<T>, index: number, id: string): Row<T> {
  return {
    id,
    index,
    depth: 0,
    original: cache.data[index],
    subRows: [],
    getValue: (colId: string) => cache.values(colId)[index],
    renderValue: (colId: string) => cache.values(colId)[index] ?? null,
  } as unknown as Row<T>;
}

/** Text of a default cell straight from the value (no context objects: most cells of a big grid). */
function plainCell<T>(column: Column<T, unknown>, value: unknown, original: T): string | null {
  if (value === null || value === undefined) return null;
  const meta = column.columnDef.meta;
  if (meta?.kind === 'money') {
    if (typeof value !== 'number' || (value === 0 && meta.blankZero)) return null;
    const d = meta.digits;
    return formatAmount(value, typeof d === 'function' ? d(original) : (d ?? 2));
  }
  return meta?.label ? meta.label(value) : String(value);
}

/** Extra classes of a default money cell: it is its own money element (negatives marked). */
export function moneyClass<T>(column: Column<T, unknown>, cache: ValueCache<T>, index: number): string {
  if (column.columnDef.cell !== DefaultCell || column.columnDef.meta?.kind !== 'money') return '';
  const v = cache.values(column.id)[index];
  return typeof v === 'number' && v < 0 ? 'money negative' : 'money';
}

export function cellContent<T>(table: Table<T>, column: Column<T, unknown>, cache: ValueCache<T>, index: number, rowId: string): ReactNode {
  const value = column.accessorFn ? cache.values(column.id)[index] : undefined;
  if (column.columnDef.cell === DefaultCell) return plainCell(column, value, cache.data[index]);
  const row = rowOf(cache, index, rowId);
  const ctx = {
    table,
    column,
    row,
    getValue: () => value,
    renderValue: () => value ?? null,
    cell: { id: `${rowId}_${column.id}`, column, row, getValue: () => value, renderValue: () => value ?? null },
  } as unknown as CellContext<T, unknown>;
  return flexRender(column.columnDef.cell, ctx);
}
