/** What a body cell shows: the column's own renderer, or the default for its kind of value. */
import { flexRender, type CellContext, type Column, type Row, type Table } from '@tanstack/react-table';
import type { ReactNode } from 'react';
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

export function cellContent<T>(table: Table<T>, column: Column<T, unknown>, cache: ValueCache<T>, index: number, rowId: string): ReactNode {
  const row = rowOf(cache, index, rowId);
  const value = column.accessorFn ? cache.values(column.id)[index] : undefined;
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
