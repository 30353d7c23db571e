import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { textWidth } from '../lib/columnWidth';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    align?: 'left' | 'right' | 'center';
    /** Cell content of the totals row for this column. */
    footer?: ReactNode;
  }
}

export interface DataGridProps<T, S = never> {
  label: string;
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId(row: T): string;
  globalFilter?: string;
  initialSorting?: SortingState;
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
}

type Item<T, S> = { kind: 'row'; row: Row<T> } | { kind: 'sub'; item: S; parent: Row<T>; index: number };

/**
 * The app's one grid: sortable headers (shift for several), global search, virtualized rows,
 * expandable detail lines, a totals row, and grid / row / gridcell roles for screen readers.
 */
export function DataGrid<T, S = never>(props: DataGridProps<T, S>) {
  const { t } = useI18n();
  const [sorting, setSorting] = useState<SortingState>(props.initialSorting ?? []);
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const table = useReactTable({
    data: props.data,
    columns: props.columns,
    getRowId: (row) => props.getRowId(row),
    state: { sorting, globalFilter: props.globalFilter ?? '' },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    globalFilterFn: 'includesString',
    enableSortingRemoval: true,
  });
  const rows = table.getRowModel().rows;
  const { getSubItems } = props;
  const items = useMemo<Item<T, S>[]>(() => {
    const out: Item<T, S>[] = [];
    for (const row of rows) {
      out.push({ kind: 'row', row });
      if (getSubItems && expanded[row.id]) {
        getSubItems(row.original).forEach((item, index) => out.push({ kind: 'sub', item, parent: row, index }));
      }
    }
    return out;
  }, [rows, expanded, getSubItems]);

  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = props.rowHeight ?? 30;
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  const scrolledToEnd = useRef(false);
  useEffect(() => {
    if (!props.startAtEnd || scrolledToEnd.current || items.length === 0) return;
    scrolledToEnd.current = true;
    virtualizer.scrollToIndex(items.length - 1, { align: 'end' });
  }, [props.startAtEnd, items.length, virtualizer]);

  const leafColumns = table.getVisibleLeafColumns();
  // A column is never narrower than its own header (plus the sort mark): labels differ by language.
  const widths = leafColumns.map((c) => {
    const header = c.columnDef.header;
    const headerWidth = typeof header === 'string' ? textWidth(header, true) + (c.getCanSort() ? 12 : 0) : 0;
    return Math.max(c.getSize(), headerWidth);
  });
  const expander = getSubItems ? '28px ' : '';
  const template = expander + widths.map((w) => `minmax(${w}px, ${w}fr)`).join(' ');
  const minWidth = widths.reduce((sum, w) => sum + w, getSubItems ? 28 : 0);
  const headerRows = 1;
  const rowCount = headerRows + items.length + (props.showTotals ? 1 : 0);

  const toggle = (id: string) => setExpanded((e) => ({ ...e, [id]: !e[id] }));
  const onRowKey = (e: KeyboardEvent, row: Row<T>) => {
    if (e.key === 'Enter' && props.onRowActivate) props.onRowActivate(row.original);
    if (getSubItems && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      setExpanded((x) => ({ ...x, [row.id]: e.key === 'ArrowRight' }));
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = (e.currentTarget as HTMLElement)[e.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling'];
      if (next instanceof HTMLElement && next.tabIndex >= 0) {
        e.preventDefault();
        next.focus();
      }
    }
  };

  return (
    <div className={`grid-wrap ${props.className ?? ''}`}>
      <div
        ref={scroller}
        className="grid-scroll"
        role="grid"
        aria-label={props.label}
        aria-rowcount={rowCount}
        aria-colcount={leafColumns.length + (getSubItems ? 1 : 0)}
      >
        <div role="rowgroup" className="grid-head" style={{ minWidth }}>
          {table.getHeaderGroups().map((group) => (
            <div role="row" aria-rowindex={1} key={group.id} className="grid-row" style={{ gridTemplateColumns: template }}>
              {getSubItems && <div role="columnheader" className="grid-cell" />}
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <div
                    role="columnheader"
                    key={header.id}
                    className={`grid-cell align-${header.column.columnDef.meta?.align ?? 'left'}`}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {canSort ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <span className="head-label">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                        <span className="sort-mark" aria-hidden>
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    ) : (
                      <span className="head-label">{flexRender(header.column.columnDef.header, header.getContext())}</span>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index];
            const style = { transform: `translateY(${v.start}px)`, height: rowHeight, gridTemplateColumns: template };
            if (item.kind === 'sub') {
              return (
                <div role="row" aria-rowindex={v.index + 2} key={`${item.parent.id}/${item.index}`} className="grid-row sub-row" style={style}>
                  <div role="gridcell" className="grid-cell sub-cell" style={{ gridColumn: '1 / -1' }}>
                    {props.renderSubItem?.(item.item, item.parent.original)}
                  </div>
                </div>
              );
            }
            const row = item.row;
            const subCount = getSubItems ? getSubItems(row.original).length : 0;
            return (
              <div
                role="row"
                aria-rowindex={v.index + 2}
                aria-expanded={subCount > 0 ? !!expanded[row.id] : undefined}
                key={row.id}
                tabIndex={0}
                data-row-id={row.id}
                className={`grid-row body-row ${props.rowClassName?.(row.original) ?? ''}${props.onRowActivate ? ' clickable' : ''}`}
                style={style}
                onDoubleClick={() => props.onRowActivate?.(row.original)}
                onClick={(e) => {
                  if (props.onRowActivate && !(e.target as HTMLElement).closest('button, a, input, select')) props.onRowActivate(row.original);
                }}
                onKeyDown={(e) => onRowKey(e, row)}
              >
                {getSubItems && (
                  <div role="gridcell" className="grid-cell align-center">
                    {subCount > 0 && (
                      <button
                        type="button"
                        className="expander"
                        aria-label={expanded[row.id] ? t('common.collapse') : t('common.expand')}
                        onClick={() => toggle(row.id)}
                      >
                        {expanded[row.id] ? '▾' : '▸'}
                      </button>
                    )}
                  </div>
                )}
                {row.getVisibleCells().map((cell) => (
                  <div role="gridcell" key={cell.id} className={`grid-cell align-${cell.column.columnDef.meta?.align ?? 'left'}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {props.showTotals && items.length > 0 && (
          <div role="rowgroup" className="grid-foot" style={{ minWidth }}>
            <div role="row" aria-rowindex={rowCount} className="grid-row totals-row" style={{ gridTemplateColumns: template }}>
              {getSubItems && <div role="gridcell" className="grid-cell" />}
              {leafColumns.map((c) => (
                <div role="gridcell" key={c.id} className={`grid-cell align-${c.columnDef.meta?.align ?? 'left'}`}>
                  {c.columnDef.meta?.footer ?? ''}
                </div>
              ))}
            </div>
          </div>
        )}
        {items.length === 0 && <div className="grid-empty">{props.emptyText ?? t('common.noRows')}</div>}
      </div>
      <div className="grid-status" aria-live="polite">
        {t('common.rows', { count: rows.length })}
      </div>
    </div>
  );
}
