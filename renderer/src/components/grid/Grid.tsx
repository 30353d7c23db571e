/**
 * The app's one grid: virtualized rows and columns, multi-column sort, per-column filters, global
 * search, grouping with subtotals, a totals row, resizable / movable / hideable / pinnable columns
 * remembered per grid, keyboard cell and range selection, copy as TSV, export to XLSX and CSV.
 *
 * react-table holds the column model (definitions, order, visibility, pinning, sizing); rows go
 * through the grid's own engine on row indexes (react-table's row model costs seconds and hundreds
 * of megabytes at 100,000 rows); @tanstack/react-virtual draws only what is on screen.
 */
import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { ColumnChooser } from './ColumnChooser';
import { moveBefore } from './engine/layout';
import { clampSelection, rangeOf } from './engine/selection';
import type { SortKey, ViewItem } from './engine/types';
import { allGroupKeys } from './engine/view';
import { selectionTsv } from './exportView';
import { GridColumnMenu } from './GridColumnMenu';
import { GridHeader } from './GridHeader';
import { GridRow, type RowEnv } from './GridRow';
import { GridToolbar } from './GridToolbar';
import { selectionStatus } from './selectionStatus';
import { toggleSort } from './sorting';
import { TotalsRow } from './TotalsRow';
import { useGridColumns } from './useGridColumns';
import { useGridExport } from './useGridExport';
import { FOOTER_H, HEADER_H, useGridFrame } from './useGridFrame';
import { useGridInteraction } from './useGridInteraction';
import { useGridState } from './useGridState';
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
  /** Label of the totals row (default "Totals"; e.g. naming the base currency the totals are in). */
  totalsLabel?: string;
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

function itemAt(items: readonly ViewItem[], target: EventTarget | null): ViewItem | undefined {
  const el = target instanceof HTMLElement ? target.closest<HTMLElement>('[data-r]') : null;
  return el ? items[Number(el.dataset.r)] : undefined;
}

const onControl = (target: EventTarget) => !!(target as HTMLElement).closest('button, a, input, select');

export function Grid<T, S = never>(props: GridProps<T, S>) {
  const { t } = useI18n();
  const uid = 'g' + useId().replace(/[^a-zA-Z0-9]/g, '');
  const rowHeight = props.rowHeight ?? 30;
  const totalsDigits = props.totalsDigits ?? 2;
  const { data } = props;

  const cols = useGridColumns(props.columns, props.gridId, props.pinned);
  const { table, layout, setLayout, engineColumns, titles, left, center, visible } = cols;
  const st = useGridState({
    data,
    columns: engineColumns,
    getRowId: props.getRowId,
    getSubItems: props.getSubItems,
    initialSorting: props.initialSorting,
    initialGrouping: props.initialGrouping,
    globalFilter: props.globalFilter,
    knownTotals: props.totals,
  });
  const { view, sorting, setSorting, filters, grouping, setGrouping } = st;
  const { cache, items } = view;
  const { scroller, rowV, frame, totalWidth, scrollToCell } = useGridFrame({
    rows: items.length,
    rowHeight,
    footer: !!props.showTotals,
    left,
    center,
    leftWidth: cols.leftWidth,
    widthKey: cols.widthKey,
  });
  const ex = useGridExport(t, scroller, () => ({
    cache,
    rows: view.rows,
    grouping,
    sorting,
    columns: visible,
    totals: props.showTotals ? { label: props.totalsLabel ?? t('grid.totals'), sums: view.totals, digits: totalsDigits } : undefined,
    name: props.exportName ?? props.label,
  }));

  const activate = (item: ViewItem, key: 'enter' | 'space') => {
    if (item.kind === 'group') st.toggleGroup(item.key);
    else if (item.kind === 'row') {
      if (key === 'enter' && props.onRowActivate) props.onRowActivate(data[item.index]);
      else if (st.hasDetails) st.toggleDetail(item.index);
    }
  };
  const interaction = useGridInteraction({
    scroller,
    items,
    cols: visible.length,
    rowHeight,
    headerHeight: HEADER_H,
    scrollToCell,
    onActivate: activate,
    copyText: (sel) => selectionTsv(cache, items, visible, sel, totalsDigits),
    onCopied: (rows) => ex.setMessage(t('grid.copied', { count: rows })),
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

  const [menu, setMenu] = useState<{ id: string; anchor: HTMLElement } | null>(null);
  const [chooser, setChooser] = useState<HTMLElement | null>(null);

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
      detailsOpen: st.detailsOpen,
      clickable: !!props.onRowActivate,
      onToggleGroup: st.toggleGroup,
      onToggleDetail: st.toggleDetail,
    }),
    [table, cache, uid, t, totalsDigits, props.getRowId, props.rowClassName, props.getSubItems, props.renderSubItem, st.detailsOpen, props.onRowActivate, st.toggleGroup, st.toggleDetail],
  );

  // Stable props, so the header does not re-render while scrolling vertically.
  const filteredIds = useMemo(() => new Set(Object.keys(filters)), [filters]);
  const groupedIds = useMemo(() => new Set(grouping), [grouping]);
  const onSort = useCallback((id: string, multi: boolean) => setSorting((s) => toggleSort(s, id, cache.column(id)?.kind ?? 'text', multi)), [cache, setSorting]);
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

  return (
    <div className={`grid-wrap xg-wrap ${props.className ?? ''}`}>
      {props.toolbar !== false && (
        <GridToolbar
          search={props.globalFilter === undefined ? { value: st.ownSearch, onChange: st.setOwnSearch } : undefined}
          groupable={engineColumns.filter((c) => c.sortable).map((c) => ({ id: c.id, title: titles[c.id] ?? c.id }))}
          grouping={grouping}
          onGroup={setGrouping}
          filters={Object.keys(filters).map((id) => ({ id, title: titles[id] ?? id }))}
          onClearFilter={(id) => (id === null ? st.clearFilters() : st.setFilter(id, undefined))}
          hasGroups={grouping.length > 0}
          onCollapseAll={(c) => st.setCollapsed(c ? new Set(allGroupKeys(items)) : new Set())}
          onCopy={ex.copy}
          canCopy={!!selection}
          onExport={ex.doExport}
          exporting={ex.exporting}
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
            <GridHeader table={table} frame={frame} t={t} sorting={sorting} filtered={filteredIds} grouped={groupedIds} onSort={onSort} onMenu={onMenu} onMove={onMove} />
          </div>
          <div
            role="rowgroup"
            className="grid-body xg-body"
            style={{ height: rowV.getTotalSize(), width: totalWidth, ['--xg-line' as string]: `${rowHeight - 1}px` }}
            onMouseDown={interaction.onMouseDown}
            onMouseOver={interaction.onMouseOver}
            onClick={(e) => {
              if (props.activateOn !== 'click' || !props.onRowActivate || onControl(e.target)) return;
              const item = itemAt(items, e.target);
              if (item?.kind === 'row') props.onRowActivate(data[item.index]);
            }}
            onDoubleClick={(e) => {
              if (onControl(e.target)) return;
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
              <TotalsRow frame={frame} totals={view.totals} digits={totalsDigits} label={props.totalsLabel ?? t('grid.totals')} rowIndex={rowCount} />
            </div>
          )}
        </div>
        {dataRows === 0 && <div className="grid-empty">{props.emptyText ?? t('common.noRows')}</div>}
      </div>
      <div className="grid-status xg-status" aria-live="polite">
        <span data-testid="grid-row-count">{dataRows === data.length ? t('grid.rows', { count: dataRows }) : t('grid.rowsOf', { count: dataRows, total: data.length })}</span>
        {status && <span className="xg-status-sel">{status}</span>}
        {ex.message && (
          <span className="xg-status-msg" role="status">
            {ex.message}
          </span>
        )}
      </div>
      {menu && (
        <GridColumnMenu
          menu={menu}
          table={table}
          cache={cache}
          title={titles[menu.id] ?? menu.id}
          sorting={sorting}
          filters={filters}
          grouping={grouping}
          layout={layout}
          totalsDigits={totalsDigits}
          canHide={visible.length > 1}
          setSorting={setSorting}
          setFilter={st.setFilter}
          setGrouping={setGrouping}
          setLayout={setLayout}
          onClose={() => setMenu(null)}
        />
      )}
      {chooser && <ColumnChooser anchor={chooser} layout={layout} titles={titles} onChange={setLayout} onReset={cols.reset} onClose={() => setChooser(null)} />}
    </div>
  );
}
