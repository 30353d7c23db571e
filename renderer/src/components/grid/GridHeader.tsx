import { flexRender, type Header, type Table } from '@tanstack/react-table';
import { memo, useState, type CSSProperties, type DragEvent, type MouseEvent } from 'react';
import type { Translate } from '../../i18n';
import { headerText } from './columns';
import type { SortKey } from './engine/types';
import type { ColSlot, RowFrame } from './frame';

const DRAG_TYPE = 'application/x-arw-grid-column';

interface Props<T> {
  table: Table<T>;
  frame: RowFrame<T>;
  t: Translate;
  sorting: SortKey[];
  filtered: ReadonlySet<string>;
  grouped: ReadonlySet<string>;
  onSort(id: string, multi: boolean): void;
  onMenu(id: string, anchor: HTMLElement): void;
  onMove(id: string, before: string): void;
}

function GridHeaderImpl<T>(p: Props<T>) {
  const [dropOn, setDropOn] = useState<string | null>(null);
  const headers = new Map<string, Header<T, unknown>>();
  for (const h of [...p.table.getLeftLeafHeaders(), ...p.table.getCenterLeafHeaders()]) headers.set(h.column.id, h);

  const one = (slot: ColSlot<T>) => {
    const col = slot.col;
    const header = headers.get(col.id);
    const sortAt = p.sorting.findIndex((s) => s.id === col.id);
    const sort = sortAt >= 0 ? (p.sorting[sortAt].desc ? 'desc' : 'asc') : false;
    const canSort = !!col.accessorFn && col.columnDef.enableSorting !== false;
    const title = headerText(col);
    const style: CSSProperties = { width: slot.width };
    const label = header ? flexRender(col.columnDef.header, header.getContext()) : title;
    const onDragStart = (e: DragEvent) => {
      e.dataTransfer.setData(DRAG_TYPE, col.id);
      e.dataTransfer.effectAllowed = 'move';
    };
    const onDrop = (e: DragEvent) => {
      const from = e.dataTransfer.getData(DRAG_TYPE);
      setDropOn(null);
      if (from && from !== col.id) {
        e.preventDefault();
        p.onMove(from, col.id);
      }
    };
    const align = col.columnDef.meta?.align ?? 'left';
    return (
      <div
        key={col.id}
        role="columnheader"
        aria-colindex={slot.c + 1}
        aria-sort={sort === 'asc' ? 'ascending' : sort === 'desc' ? 'descending' : undefined}
        data-column={col.id}
        className={`grid-cell xg-cell xg-hcell align-${align}${slot.left !== undefined ? ' xg-pinned' : ''}${dropOn === col.id ? ' xg-drop' : ''}${p.filtered.has(col.id) ? ' xg-filtered' : ''}${p.grouped.has(col.id) ? ' xg-grouped' : ''}`}
        style={style}
        draggable
        onDragStart={onDragStart}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes(DRAG_TYPE)) {
            e.preventDefault();
            setDropOn(col.id);
          }
        }}
        onDragLeave={() => setDropOn(null)}
        onDrop={onDrop}
      >
        {canSort ? (
          <button type="button" className="sort-button" title={p.t('grid.sortHint')} onClick={(e: MouseEvent) => p.onSort(col.id, e.shiftKey)}>
            <span className="head-label">{label}</span>
            <span className="sort-mark" aria-hidden>
              {sort === 'asc' ? '▲' : sort === 'desc' ? '▼' : ''}
              {sort && p.sorting.length > 1 ? sortAt + 1 : ''}
            </span>
          </button>
        ) : (
          <span className="head-label">{label}</span>
        )}
        <button
          type="button"
          className="xg-menu-button"
          aria-label={p.t('grid.menu', { column: title })}
          aria-haspopup="dialog"
          data-action="column-menu"
          onClick={(e) => p.onMenu(col.id, e.currentTarget)}
        />
        {header && (
          <div
            className="xg-resizer"
            role="separator"
            aria-orientation="vertical"
            aria-label={p.t('grid.resize', { column: title })}
            onMouseDown={(e) => {
              e.preventDefault();
              e.stopPropagation();
              header.getResizeHandler()(e);
            }}
            onTouchStart={(e) => header.getResizeHandler()(e)}
            onDoubleClick={() => col.resetSize()}
          />
        )}
      </div>
    );
  };
  return (
    <div role="row" aria-rowindex={1} className="grid-row xg-row xg-head-row" style={{ width: p.frame.width }}>
      {p.frame.pinned.map(one)}
      {p.frame.spacer > 0 && <div className="xg-spacer" style={{ width: p.frame.spacer }} aria-hidden />}
      {p.frame.center.map(one)}
    </div>
  );
}

/** Column headers: click to sort (shift for several), a menu per column, drag to reorder, drag the edge to resize. */
export const GridHeader = memo(GridHeaderImpl) as typeof GridHeaderImpl;
