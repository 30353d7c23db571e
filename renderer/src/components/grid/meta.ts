/**
 * What a column tells the grid beyond react-table's own definition: how its values are typed
 * (sorting, filters, totals, copy and export depend on it), how they align and how they read.
 */
import type { ReactNode } from 'react';
import type { RowData } from '@tanstack/react-table';
import type { ValueKind } from './engine/types';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    align?: 'left' | 'right' | 'center';
    /** Fixed content of the totals row for this column (otherwise sums are computed from the view). */
    footer?: ReactNode;
    /** Value type; defaults to 'money' for right-aligned integer columns with digits, else 'text'. */
    kind?: ValueKind;
    /** Minor-unit digits of a money column (a number, or per row when currencies differ). */
    digits?: number | ((row: TData) => number);
    /** Summed in the totals row and group subtotals (default: money columns). */
    sum?: boolean;
    /**
     * What a row adds to the totals row and subtotals when not its value (amounts in several
     * currencies add up as their base-currency equivalents).
     */
    sumValue?: (row: TData, index: number) => number;
    /** Display text of a value (set values, group labels, copy and export of text columns). */
    label?: (value: TValue) => string;
    /** Zero amounts show as an empty cell (aging buckets stay readable). */
    blankZero?: boolean;
    /** Extra class of a body cell (colour coding). */
    cellClass?: (row: TData) => string;
    /** Header text used in exports when the header is not a plain string. */
    exportHeader?: string;
    /** Left out of copy and export (action buttons). */
    noExport?: boolean;
  }
}

export {};
