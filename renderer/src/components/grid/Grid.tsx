/**
 * The app's one grid: virtualized rows and columns, multi-column sort, per-column filters, global
 * search, grouping with subtotals, a totals row, resizable / movable / hideable / pinnable columns
 * remembered per grid, keyboard cell and range selection, copy as TSV, export to XLSX and CSV.
 *
 * react-table holds the column model (definitions, order, visibility, pinning, sizing); rows go
 * through the grid's own engine on row indexes (react-table's row model costs seconds and hundreds
 * of megabytes at 100,000 rows); @tanstack/react-virtual draws only what is on screen.
 */
import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingInfoState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatMoney } from '../../../../shared/money';
import { useI18n } from '../../i18n';
import { DefaultCell } from './cellContent';
import { ColumnChooser } from './ColumnChooser';
import { ColumnMenu } from './ColumnMenu';
import { headerText, toEngineColumn, withHeaderWidths } from './columns';
import { filterTypeOf, isActive } from './engine/filters';
import { MAX_WIDTH, MIN_WIDTH, moveBefore } from './engine/layout';
import { clampSelection, rangeOf } from './engine/selection';
import type { FilterValue, Filters, SortKey, ViewItem } from './engine/types';
import { allGroupKeys, distinctValues } from './engine/view';
import { download, exportBlob, selectionTsv, type ExportFormat } from './exportView';
import type { ColSlot, RowFrame } from './frame';
import { GridHeader } from './GridHeader';
import { GridRow, type RowEnv } from './GridRow';
import { GridToolbar } from './GridToolbar';
import { TotalsRow } from './TotalsRow';
import { useGridInteraction } from './useGridInteraction';
import { useGridLayout } from './useGridLayout';
import { useGridView } from './useGridView';
import { toggleSort } from './sorting';
import './grid.css';
import './meta';

export interface GridProps<T, S = never> {
  /** Remembers this grid's column layout under this name. */
  gridId?: string;
  label: string;
  data: readonly T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  getRowId(row: T): string;
  /** Search text from outside (the page's own search box); otherwise the toolbar has one. */
  globalFilter?: string;
  initialSorting?: SortKey[];
  initialGrouping?: string[];
  /** Columns pinned to the left until the user changes it. */
  pinned?: string[];
  onRowActivate?(row: T): void;
  /** 'click' opens a row with one click (lists); 'dblclick' leaves clicks to cell selection. */
  activateOn?: 'click' | 'dblclick';
  rowClassName?(row: T): string;
  /** Detail lines under a row (allocations under a document), shown when the row is expanded. */
  getSubItems?(row: T): S[];
  renderSubItem?(item: S, parent: T): ReactNode;
  showTotals?: boolean;
  /** Digits of money totals and subtotals (the base currency's). */
  totalsDigits?: number;
  /** Column totals of all the data, when already known (spares summing 100,000 rows before the first paint). */
  totals?: Record<string, number>;
  emptyText?: string;
  rowHeight?: number;
  className?: string;
  /** Open scrolled to the last row (ledgers: the latest documents matter most). */
  startAtEnd?: boolean;
  toolbar?: boolean;
  toolbarExtra?: ReactNode;
  /** File name of exports (without the date and extension). */
  exportName?: string;
}

const EMPTY: never[] = [];
const CORE = getCoreRowModel();
const HEADER_H = 34;
const FOOTER_H = 32;
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

export function Grid<T, S = never>(props: GridProps<T, S>) {
  const { t } = useI18n();
  const uid = 'g' + useId().replace(/[^a-zA-Z0-9]/g, '');
  const rowHeight = props.rowHeight ?? 30;
  const totalsDigits = props.totalsDigits ?? 2;
  const defs = useMemo(() => withHeaderWidths(props.columns), [props.columns]);
  const ids = useMemo(() => defs.map(columnIdOf), [defs]);
  const { layout, setLayout, reset } = useGridLayout(props.gridId, ids, props.pinned);
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
  const engineColumns = useMemo(() => table.getAllLeafColumns().map(toEngineColumn), [table, defs]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- view state ----
  const [sorting, setSorting] = useState<SortKey[]>(props.initialSorting ?? []);
  const [filters, setFilters] = useState<Filters>({});
  const [ownSearch, setOwnSearch] = useState('');
  const search = props.globalFilter ?? ownSearch;
  const [grouping, setGrouping] = useState<string[]>(props.initialGrouping ?? []);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  const subItems = useRef(props.getSubItems);
  subItems.current = props.getSubItems;
  const rowIdOf = useRef(props.getRowId);
  rowIdOf.current = props.getRowId;
  const { data } = props;
  const detailsOpen = useMemo(() => {
    const out = new Set<number>();
    if (openIds.size === 0 || !subItems.current) return out;
    for (let i = 0; i < data.length; i++) if (openIds.has(rowIdOf.current(data[i]))) out.add(i);
    return out;
  }, [openIds, data]);
  const hasDetails = !!props.getSubItems;
  const detailCount = useCallback((i: number) => subItems.current?.(data[i]).length ?? 0, [data]);
  const view = useGridView(data, engineColumns, {
    sorting,
    filters,
    search,
    grouping,
    collapsed,
    detailsOpen,
    detailCount: hasDetails ? detailCount : undefined,
    knownTotals: props.totals,
  });
  const { cache, items } = view;

  // ---- columns on screen ----
  const left = table.getLeftVisibleLeafColumns();
  const center = table.getCenterVisibleLeafColumns();
  const visible = useMemo(() => [...left, ...center], [left, center]);
  const leftWidth = left.reduce((s, c) => s + c.getSize(), 0);
  const widthKey = visible.map((c) => `${c.id}:${c.getSize()}`).join(',') + `|${left.length}`;

  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(800);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientWidth);
    const ro = new ResizeObserver(() => setViewport(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const rowV = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    // React batches the re-render of a scroll instead of forcing it inside the scroll event.
    useFlushSync: false,
    scrollMargin: HEADER_H,
    scrollPaddingStart: HEADER_H,
    scrollPaddingEnd: props.showTotals ? FOOTER_H : 0,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: center.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => center[i]?.getSize() ?? 120,
    getItemKey: (i) => center[i]?.id ?? i,
    overscan: 2,
    useFlushSync: false,
    scrollMargin: leftWidth,
    scrollPaddingStart: leftWidth,
  });
  useLayoutEffect(() => colV.measure(), [widthKey, colV]);

  const vcols = colV.getVirtualItems();
  const firstCol = vcols[0]?.index ?? 0;
  const lastCol = vcols[vcols.length - 1]?.index ?? -1;
  const totalWidth = leftWidth + center.reduce((s, c) => s + c.getSize(), 0);
  const frame = useMemo<RowFrame<T>>(() => {
    let x = 0;
    const pinned: ColSlot<T>[] = left.map((col, i) => {
      const slot = { col, c: i, width: col.getSize(), left: x };
      x += slot.width;
      return slot;
    });
    const slots: ColSlot<T>[] = [];
    let spacer = 0;
    for (let i = 0; i < center.length; i++) {
      if (i < firstCol) spacer += center[i].getSize();
      else if (i <= lastCol) slots.push({ col: center[i], c: left.length + i, width: center[i].getSize() });
    }
    return { pinned, center: slots, spacer, width: totalWidth, viewport };
  }, [widthKey, firstCol, lastCol, viewport]); // eslint-disable-line react-hooks/exhaustive-deps

  // ---- interaction ----
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    const id = setTimeout(() => setMessage(null), 4000);
    return () => clearTimeout(id);
  }, [message]);
  const toggleGroup = useCallback((key: string) => setCollapsed((c) => toggled(c, key)), []);
  const toggleDetail = useCallback((index: number) => setOpenIds((o) => toggled(o, rowIdOf.current(data[index]))), [data]);
  const activate = (item: ViewItem, key: 'enter' | 'space') => {
    if (item.kind === 'group') toggleGroup(item.key);
    else if (item.kind === 'row') {
      if (key === 'enter' && props.onRowActivate) props.onRowActivate(data[item.index]);
      else if (hasDetails) toggleDetail(item.index);
    }
  };
  const interaction = useGridInteraction({
    scroller,
    items,
    cols: visible.length,
    rowHeight,
    headerHeight: HEADER_H,
    scrollToCell: (r, c) => {
      rowV.scrollToIndex(r);
      if (c >= left.length) colV.scrollToIndex(c - left.length);
    },
    onActivate: activate,
    copyText: (sel) => selectionTsv(cache, items, visible, sel, totalsDigits),
    onCopied: (rows) => setMessage(t('grid.copied', { count: rows })),
  });
  // Clamped while rendering too: rows or columns may have just gone (filter, hide) before the effect runs.
  const selection = clampSelection(interaction.selection, { rows: items.length, cols: visible.length, page: 1 });
  const range = selection ? rangeOf(selection) : null;

  const scrolledToEnd = useRef(false);
  useEffect(() => {
    if (!props.startAtEnd || scrolledToEnd.current || items.length === 0) return;
    scrolledToEnd.current = true;
    rowV.scrollToIndex(items.length - 1, { align: 'end' });
  }, [props.startAtEnd, items.length, rowV]);

  // ---- menus ----
  const [menu, setMenu] = useState<{ id: string; anchor: HTMLElement } | null>(null);
  const [chooser, setChooser] = useState<HTMLElement | null>(null);
  const [exporting, setExporting] = useState(false);
  const titles = useMemo(() => Object.fromEntries(table.getAllLeafColumns().map((c) => [c.id, headerText(c)])), [table, defs]); // eslint-disable-line react-hooks/exhaustive-deps
  const setFilter = (id: string, v: FilterValue | undefined) =>
    setFilters((f) => {
      const next = { ...f };
      if (v && isActive(v)) next[id] = v;
      else delete next[id];
      return next;
    });
  const activeFilters = Object.keys(filters).map((id) => ({ id, title: titles[id] ?? id }));

  const doExport = (format: ExportFormat) => {
    setExporting(true);
    // Let the button show its busy state before the work blocks the thread.
    setTimeout(() => {
      try {
        const out = exportBlob(
          {
            cache,
            rows: view.rows,
            grouping,
            sorting,
            columns: visible,
            totals: props.showTotals ? { label: t('grid.totals'), sums: view.totals, digits: totalsDigits } : undefined,
            name: props.exportName ?? props.label,
          },
          format,
        );
        download(out.blob, out.fileName);
        setMessage(t('grid.exported', { count: out.rows }));
      } finally {
        setExporting(false);
      }
    }, 30);
  };
  const copy = () => {
    scroller.current?.focus({ preventScroll: true });
    document.execCommand('copy');
  };

  const env = useMemo<RowEnv<T, S>>(
    () => ({
      table,
      cache,
      uid,
      t,
      totalsDigits,
      getRowId: props.getRowId,
      rowClassName: props.rowClassName,
      getSubItems: props.getSubItems,
      renderSubItem: props.renderSubItem,
      detailsOpen,
      clickable: !!props.onRowActivate,
      onToggleGroup: toggleGroup,
      onToggleDetail: toggleDetail,
    }),
    [table, cache, uid, t, totalsDigits, props.getRowId, props.rowClassName, props.getSubItems, props.renderSubItem, detailsOpen, props.onRowActivate, toggleGroup, toggleDetail],
  );

  // Stable props, so the header does not re-render while scrolling vertically.
  const filteredIds = useMemo(() => new Set(Object.keys(filters)), [filters]);
  const groupedIds = useMemo(() => new Set(grouping), [grouping]);
  const onSort = useCallback((id: string, multi: boolean) => setSorting((s) => toggleSort(s, id, cache.column(id)?.kind ?? 'text', multi)), [cache]);
  const onMenu = useCallback((id: string, anchor: HTMLElement) => setMenu({ id, anchor }), []);
  const onMove = useCallback(
    (from: string, before: string) =>
      setLayout((l) => (l.pinned.includes(from) && l.pinned.includes(before) ? { ...l, pinned: moveBefore(l.pinned, from, before) } : { ...l, order: moveBefore(l.order, from, before) })),
    [setLayout],
  );

  // Rows are keyed by their slot on screen, not by index: a row scrolled out is reused for the row
  // scrolled in (React patches its text) instead of being destroyed and rebuilt.
  const virtualRows = rowV.getVirtualItems();
  const dataRows = view.rows.length;
  const rowCount = 1 + items.length + (props.showTotals ? 1 : 0);
  const status = selectionStatus(cache, items, visible, range, totalsDigits, t);
  const menuCol = menu ? table.getColumn(menu.id) : undefined;
  const menuEngine = menu ? cache.column(menu.id) : undefined;

  return (
    <div className={`grid-wrap xg-wrap ${props.className ?? ''}`}>
      {props.toolbar !== false && (
        <GridToolbar
          search={props.globalFilter === undefined ? { value: ownSearch, onChange: setOwnSearch } : undefined}
          groupable={engineColumns.filter((c) => c.sortable).map((c) => ({ id: c.id, title: titles[c.id] ?? c.id }))}
          grouping={grouping}
          onGroup={(g) => {
            setGrouping(g);
            setCollapsed(new Set());
          }}
          filters={activeFilters}
          onClearFilter={(id) => (id === null ? setFilters({}) : setFilter(id, undefined))}
          hasGroups={grouping.length > 0}
          onCollapseAll={(c) => setCollapsed(c ? new Set(allGroupKeys(items)) : new Set())}
          onCopy={copy}
          canCopy={!!selection}
          onExport={doExport}
          exporting={exporting}
          onColumns={setChooser}
          extra={props.toolbarExtra}
        />
      )}
      <div
        ref={scroller}
        className="grid-scroll xg-scroll"
        role="grid"
        tabIndex={0}
        aria-label={props.label}
        aria-rowcount={rowCount}
        aria-colcount={visible.length}
        aria-multiselectable
        aria-activedescendant={selection ? `${uid}-${selection.focus.r}-${selection.focus.c}` : undefined}
        onKeyDown={interaction.onKeyDown}
        onCopy={interaction.onCopy}
      >
        <div className="xg-canvas" style={{ width: totalWidth, minWidth: '100%' }}>
          <div role="rowgroup" className="grid-head xg-head" style={{ height: HEADER_H, width: totalWidth }}>
            <GridHeader
              table={table}
              frame={frame}
              t={t}
              sorting={sorting}
              filtered={filteredIds}
              grouped={groupedIds}
              onSort={onSort}
              onMenu={onMenu}
              onMove={onMove}
            />
          </div>
          <div
            role="rowgroup"
            className="grid-body xg-body"
            style={{ height: rowV.getTotalSize(), width: totalWidth, ['--xg-line' as string]: `${rowHeight - 1}px` }}
            onMouseDown={interaction.onMouseDown}
            onMouseOver={interaction.onMouseOver}
            onClick={(e) => {
              if (props.activateOn !== 'click' || !props.onRowActivate || (e.target as HTMLElement).closest('button, a, input, select')) return;
              const item = itemAt(items, e.target);
              if (item?.kind === 'row') props.onRowActivate(data[item.index]);
            }}
            onDoubleClick={(e) => {
              if ((e.target as HTMLElement).closest('button, a, input, select')) return;
              const item = itemAt(items, e.target);
              if (item) activate(item, 'enter');
            }}
          >
            {virtualRows.map((v) => {
              const r = v.index;
              const sel = range && r >= range.r0 && r <= range.r1 ? { c0: range.c0, c1: range.c1 } : null;
              return (
                <GridRow<T, S>
                  key={r % virtualRows.length}
                  env={env}
                  frame={frame}
                  item={items[r]}
                  r={r}
                  top={v.start - HEADER_H}
                  height={rowHeight}
                  sel={sel}
                  activeC={selection && selection.focus.r === r ? selection.focus.c : -1}
                />
              );
            })}
          </div>
          {props.showTotals && dataRows > 0 && (
            <div role="rowgroup" className="grid-foot xg-foot" style={{ height: FOOTER_H, width: totalWidth }}>
              <TotalsRow frame={frame} totals={view.totals} digits={totalsDigits} label={t('grid.totals')} rowIndex={rowCount} />
            </div>
          )}
        </div>
        {dataRows === 0 && <div className="grid-empty">{props.emptyText ?? t('common.noRows')}</div>}
      </div>
      <div className="grid-status xg-status" aria-live="polite">
        <span data-testid="grid-row-count">{dataRows === data.length ? t('grid.rows', { count: dataRows }) : t('grid.rowsOf', { count: dataRows, total: data.length })}</span>
        {status && <span className="xg-status-sel">{status}</span>}
        {message && <span className="xg-status-msg" role="status">{message}</span>}
      </div>
      {menu && menuCol && menuEngine && (
        <ColumnMenu
          key={menu.id}
          anchor={menu.anchor}
          columnId={menu.id}
          title={titles[menu.id] ?? menu.id}
          sort={((s) => (s ? (s.desc ? 'desc' : 'asc') : false))(sorting.find((s) => s.id === menu.id))}
          filterType={filterTypeOf(menuEngine.kind)}
          filter={filters[menu.id]}
          moneyDigits={menuEngine.kind === 'money' ? (typeof menuCol.columnDef.meta?.digits === 'number' ? menuCol.columnDef.meta.digits : totalsDigits) : undefined}
          choices={() => distinctValues(cache, menu.id).map((d) => ({ key: d.key, label: menuEngine.text(d.value), count: d.count }))}
          grouped={grouping.includes(menu.id)}
          pinned={layout.pinned.includes(menu.id)}
          canHide={visible.length > 1}
          onSort={(dir) => setSorting((s) => (dir ? [{ id: menu.id, desc: dir === 'desc' }] : s.filter((x) => x.id !== menu.id)))}
          onFilter={(v) => setFilter(menu.id, v)}
          onGroup={() => {
            setGrouping((g) => (g.includes(menu.id) ? g.filter((x) => x !== menu.id) : [...g, menu.id]));
            setCollapsed(new Set());
          }}
          onPin={() => setLayout((l) => ({ ...l, pinned: l.pinned.includes(menu.id) ? l.pinned.filter((x) => x !== menu.id) : [...l.pinned, menu.id] }))}
          onHide={() => setLayout((l) => ({ ...l, hidden: [...l.hidden, menu.id] }))}
          onClose={() => setMenu(null)}
        />
      )}
      {chooser && <ColumnChooser anchor={chooser} layout={layout} titles={titles} onChange={setLayout} onReset={reset} onClose={() => setChooser(null)} />}
    </div>
  );
}

function toggled<K>(set: ReadonlySet<K>, key: K): ReadonlySet<K> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

function itemAt(items: readonly ViewItem[], target: EventTarget | null): ViewItem | undefined {
  const el = target instanceof HTMLElement ? target.closest<HTMLElement>('[data-r]') : null;
  return el ? items[Number(el.dataset.r)] : undefined;
}

/** "Selected n cells · Sum x" for the status bar (the sum of the amounts in the range, like a spreadsheet). */
function selectionStatus<T>(
  cache: ReturnType<typeof useGridView<T>>['cache'],
  items: readonly ViewItem[],
  visible: { id: string }[],
  range: ReturnType<typeof rangeOf> | null,
  digits: number,
  t: ReturnType<typeof useI18n>['t'],
): string | null {
  if (!range) return null;
  const cells = (range.r1 - range.r0 + 1) * (range.c1 - range.c0 + 1);
  if (cells < 2) return null;
  let sum = 0;
  let amounts = 0;
  for (let c = range.c0; c <= range.c1; c++) {
    const col = visible[c] && cache.column(visible[c].id);
    if (!col || col.kind !== 'money') continue;
    const values = cache.values(col.id);
    for (let r = range.r0; r <= range.r1; r++) {
      const item = items[r];
      if (item?.kind === 'row' && typeof values[item.index] === 'number') {
        sum += values[item.index] as number;
        amounts++;
      }
    }
  }
  const base = t('grid.selection', { cells });
  return amounts ? `${base} · ${t('grid.selectionSum', { sum: formatMoney(sum, digits) })}` : base;
}
