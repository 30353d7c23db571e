/**
 * The column model of a grid: react-table holds definitions, order, visibility, pinning and
 * sizing (no rows: data is empty), fed from the remembered layout.
 */
import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingInfoState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { DefaultCell } from './cellContent';
import { headerText, toEngineColumn, withHeaderWidths } from './columns';
import { MAX_WIDTH, MIN_WIDTH } from './engine/layout';
import { useGridLayout } from './useGridLayout';

const EMPTY: never[] = [];
const CORE = getCoreRowModel();
const SIZING_IDLE: ColumnSizingInfoState = {
  startOffset: null,
  startSize: null,
  deltaOffset: null,
  deltaPercentage: null,
  isResizingColumn: false,
  columnSizingStart: [],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function columnIdOf<T>(d: ColumnDef<T, any>): string {
  const key = (d as { accessorKey?: string }).accessorKey;
  return d.id ?? (key ? key.replace(/\./g, '_') : typeof d.header === 'string' ? d.header : '');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useGridColumns<T>(columns: ColumnDef<T, any>[], gridId?: string, pinned?: string[]) {
  const defs = useMemo(() => withHeaderWidths(columns), [columns]);
  const ids = useMemo(() => defs.map(columnIdOf), [defs]);
  const { layout, setLayout, reset } = useGridLayout(gridId, ids, pinned);
  const [sizingInfo, setSizingInfo] = useState<ColumnSizingInfoState>(SIZING_IDLE);
  const visibility = useMemo(() => Object.fromEntries(layout.hidden.map((id) => [id, false])), [layout.hidden]);
  const table = useReactTable<T>({
    data: EMPTY,
    columns: defs,
    getCoreRowModel: CORE,
    defaultColumn: { cell: DefaultCell, minSize: MIN_WIDTH, maxSize: MAX_WIDTH },
    columnResizeMode: 'onChange',
    state: {
      columnOrder: layout.order,
      columnVisibility: visibility,
      columnPinning: { left: layout.pinned, right: [] },
      columnSizing: layout.sizes,
      columnSizingInfo: sizingInfo,
    },
    onColumnSizingChange: (u) => setLayout((l) => ({ ...l, sizes: typeof u === 'function' ? u(l.sizes) : u })),
    onColumnSizingInfoChange: (u) => setSizingInfo((s) => (typeof u === 'function' ? u(s) : u)),
  });
  // react-table rebuilds its columns when the definitions change; so do these.
  const engineColumns = useMemo(() => table.getAllLeafColumns().map(toEngineColumn), [table, defs]); // eslint-disable-line react-hooks/exhaustive-deps
  const titles = useMemo(() => Object.fromEntries(table.getAllLeafColumns().map((c) => [c.id, headerText(c)])), [table, defs]); // eslint-disable-line react-hooks/exhaustive-deps
  const left = table.getLeftVisibleLeafColumns();
  const center = table.getCenterVisibleLeafColumns();
  const visible = useMemo(() => [...left, ...center], [left, center]);
  const leftWidth = left.reduce((s, c) => s + c.getSize(), 0);
  const widthKey = visible.map((c) => `${c.id}:${c.getSize()}`).join(',') + `|${left.length}`;
  return { table, layout, setLayout, reset, engineColumns, titles, left, center, visible, leftWidth, widthKey };
}
