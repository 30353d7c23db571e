/** From react-table columns to what the row engine, the header and the exports need. */
import type { Column, ColumnDef } from '@tanstack/react-table';
import { formatAmount } from '../../lib/format';
import { textWidth } from '../../lib/columnWidth';
import type { ExportColumn } from './engine/cells';
import type { EngineColumn, ValueKind } from './engine/types';
import './meta';

export function kindOf<T>(def: ColumnDef<T, unknown>): ValueKind {
  return def.meta?.kind ?? 'text';
}

/** The header as plain text (exports, menus, the column chooser). */
export function headerText<T>(col: Column<T, unknown>): string {
  const def = col.columnDef;
  if (def.meta?.exportHeader) return def.meta.exportHeader;
  return typeof def.header === 'string' ? def.header : col.id;
}

export function digitsOf<T>(def: ColumnDef<T, unknown>): (row: T) => number {
  const d = def.meta?.digits;
  if (typeof d === 'function') return d;
  const fixed = d ?? 2;
  return () => fixed;
}

/** Display text of a value of this column, without React (search, filters, group labels, export). */
export function valueText<T>(def: ColumnDef<T, unknown>, fallbackDigits = 2): (v: unknown) => string {
  const label = def.meta?.label;
  const kind = kindOf(def);
  const d = def.meta?.digits;
  const digits = typeof d === 'number' ? d : fallbackDigits;
  return (v) => {
    if (label) return label(v);
    if (v === null || v === undefined) return '';
    if (kind === 'money' && typeof v === 'number') return formatAmount(v, digits);
    return String(v);
  };
}

export function toEngineColumn<T>(col: Column<T, unknown>): EngineColumn<T> {
  const def = col.columnDef;
  const kind = kindOf(def);
  const accessor = col.accessorFn;
  const numeric = kind === 'money' || kind === 'number';
  return {
    id: col.id,
    kind,
    get: accessor ? (row, i) => accessor(row, i) : () => undefined,
    digits: digitsOf(def),
    sum: def.meta?.sum ?? kind === 'money',
    sumValue: def.meta?.sumValue,
    text: valueText(def),
    searchable: !!accessor && (numeric ? def.enableGlobalFilter === true : def.enableGlobalFilter !== false),
    sortable: !!accessor && def.enableSorting !== false,
  };
}

export function toExportColumn<T>(col: Column<T, unknown>): ExportColumn<T> {
  return { ...toEngineColumn(col), header: headerText(col) };
}

export function exportable<T>(col: Column<T, unknown>): boolean {
  return !!col.accessorFn && !col.columnDef.meta?.noExport;
}

/** Room a header needs: its label, the sort mark and the menu button. */
export function headerWidth(header: unknown): number {
  return typeof header === 'string' ? textWidth(header, true) + 34 : 60;
}

/** Column definitions never narrower than their header (labels differ by language). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function withHeaderWidths<T>(defs: ColumnDef<T, any>[]): ColumnDef<T, any>[] {
  return defs.map((d) => ({ ...d, size: Math.max(d.size ?? 120, headerWidth(d.header)) }));
}
