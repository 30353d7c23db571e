/** Export of the current view (filters, order and grouping applied) to XLSX or CSV, downloaded by the browser. */
import type { Column } from '@tanstack/react-table';
import { todayIso } from '../../../../shared/dates';
import { exportable, toExportColumn } from './columns';
import { exportMatrix, itemCells } from './engine/cells';
import { toCsv } from './engine/csv';
import { rangeOf, type Selection } from './engine/selection';
import { toTsv } from './engine/tsv';
import type { SortKey, ViewItem } from './engine/types';
import type { ValueCache } from './engine/values';
import { buildItems } from './engine/view';
import { toXlsx } from './engine/xlsx';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportInput<T> {
  cache: ValueCache<T>;
  rows: Int32Array;
  grouping: string[];
  sorting: SortKey[];
  columns: Column<T, unknown>[];
  totals?: { label: string; sums: Record<string, number>; digits: number };
  name: string;
}

/** Data rows in view order; a grouped view exports every row of every group, collapsed or not. */
function orderedRows<T>(input: ExportInput<T>): ArrayLike<number> {
  if (!input.grouping.length) return input.rows;
  const items = buildItems(input.cache, input.rows, { grouping: input.grouping, sorting: input.sorting, collapsed: new Set(), detailsOpen: new Set() });
  const out: number[] = [];
  for (const i of items) if (i.kind === 'row') out.push(i.index);
  return out;
}

export function exportBlob<T>(input: ExportInput<T>, format: ExportFormat): { blob: Blob; rows: number; fileName: string } {
  const cols = input.columns.filter(exportable).map(toExportColumn);
  const rows = orderedRows(input);
  const matrix = exportMatrix(input.cache, rows, cols, input.totals);
  const base = `${input.name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'export'} ${todayIso()}`;
  if (format === 'csv') {
    return { blob: new Blob([toCsv(matrix)], { type: 'text/csv;charset=utf-8' }), rows: rows.length, fileName: `${base}.csv` };
  }
  const widths = input.columns.filter(exportable).map((c) => Math.max(8, Math.round(c.getSize() / 7)));
  const bytes = toXlsx(matrix, { sheet: input.name, widths });
  return {
    blob: new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    rows: rows.length,
    fileName: `${base}.xlsx`,
  };
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The selected range as TSV; the header row comes along when whole columns are selected. */
export function selectionTsv<T>(
  cache: ValueCache<T>,
  items: readonly ViewItem[],
  columns: Column<T, unknown>[],
  sel: Selection,
  totalsDigits: number,
): { text: string; rows: number } {
  const r = rangeOf(sel);
  const cols = columns.slice(r.c0, r.c1 + 1).map(toExportColumn);
  const lines = [];
  if (r.r0 === 0 && r.r1 === items.length - 1) lines.push(cols.map((c) => ({ t: 's' as const, v: c.header })));
  for (let i = r.r0; i <= r.r1; i++) lines.push(itemCells(cache, items[i], cols, totalsDigits));
  return { text: toTsv(lines), rows: r.r1 - r.r0 + 1 };
}
