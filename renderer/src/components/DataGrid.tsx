import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Grid } from './grid/Grid';
import type { SortKey } from './grid/engine/types';
import './grid/meta';

export interface DataGridProps<T, S = never> {
  label: string;
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId(row: T): string;
  globalFilter?: string;
  initialSorting?: SortKey[];
  onRowActivate?(row: T): void;
  rowClassName?(row: T): string;
  /** Detail lines under a row (e.g. allocations under a document), shown when the row is expanded. */
  getSubItems?(row: T): S[];
  renderSubItem?(item: S, parent: T): ReactNode;
  showTotals?: boolean;
  emptyText?: string;
  rowHeight?: number;
  className?: string;
  /** Open scrolled to the last row (ledgers: the latest documents matter most). */
  startAtEnd?: boolean;
  /** Remembers the column layout under this name. */
  gridId?: string;
  totalsDigits?: number;
  toolbar?: boolean;
}

/**
 * The list grid of the app's pages, kept for its callers: the full grid (components/grid/Grid)
 * with one-click row opening, as lists have always worked.
 */
export function DataGrid<T, S = never>(props: DataGridProps<T, S>) {
  return <Grid<T, S> {...props} activateOn="click" />;
}
