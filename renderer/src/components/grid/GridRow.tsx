import { memo, type CSSProperties, type ReactNode } from 'react';
import type { Table } from '@tanstack/react-table';
import { Money } from '../Money';
import type { Translate } from '../../i18n';
import { cellContent, moneyClass } from './cellContent';
import { headerText } from './columns';
import type { GroupItem, ViewItem } from './engine/types';
import type { ValueCache } from './engine/values';
import type { ColSlot, RowFrame } from './frame';

/** What every row needs and that does not change while scrolling. */
export interface RowEnv<T, S> {
  table: Table<T>;
  cache: ValueCache<T>;
  uid: string;
  t: Translate;
  totalsDigits: number;
  getRowId(row: T): string;
  rowClassName?(row: T): string;
  getSubItems?(row: T): S[];
  renderSubItem?(item: S, parent: T): ReactNode;
  detailsOpen: ReadonlySet<number>;
  clickable: boolean;
  onToggleGroup(key: string): void;
  onToggleDetail(index: number): void;
}

interface RowProps<T, S> {
  env: RowEnv<T, S>;
  frame: RowFrame<T>;
  item: ViewItem;
  r: number;
  top: number;
  height: number;
  /** Selected columns of this row (c0..c1), or null. */
  sel: { c0: number; c1: number } | null;
  activeC: number;
}

function cellStyle<T>(slot: ColSlot<T>): CSSProperties {
  return { width: slot.width };
}

function cellClass<T>(slot: ColSlot<T>, sel: RowProps<T, unknown>['sel'], activeC: number): string {
  const align = slot.col.columnDef.meta?.align ?? 'left';
  let cls = `grid-cell xg-cell align-${align}`;
  if (slot.left !== undefined) cls += ' xg-pinned';
  if (sel && slot.c >= sel.c0 && slot.c <= sel.c1) cls += ' xg-selected';
  if (slot.c === activeC) cls += ' xg-active';
  return cls;
}

function Cells<T>(props: { frame: RowFrame<T>; render(slot: ColSlot<T>): ReactNode; r: number; uid: string; sel: RowProps<T, unknown>['sel']; activeC: number; extraClass?(slot: ColSlot<T>): string }) {
  const { frame, r, uid } = props;
  const one = (slot: ColSlot<T>) => (
    <div
      key={slot.col.id}
      role="gridcell"
      id={`${uid}-${r}-${slot.c}`}
      aria-colindex={slot.c + 1}
      aria-selected={props.sel ? slot.c >= props.sel.c0 && slot.c <= props.sel.c1 : undefined}
      data-r={r}
      data-c={slot.c}
      data-column={slot.col.id}
      className={cellClass(slot, props.sel, props.activeC) + (props.extraClass ? ` ${props.extraClass(slot)}` : '')}
      style={cellStyle(slot)}
    >
      {props.render(slot)}
    </div>
  );
  return (
    <>
      {frame.pinned.map(one)}
      {frame.spacer > 0 && <div className="xg-spacer" style={{ width: frame.spacer }} aria-hidden />}
      {frame.center.map(one)}
    </>
  );
}

function DataRow<T, S>({ env, frame, item, r, top, height, sel, activeC }: RowProps<T, S>) {
  if (item.kind !== 'row') return null;
  const index = item.index;
  const original = env.cache.data[index];
  const rowId = env.getRowId(original);
  const subCount = env.getSubItems ? env.getSubItems(original).length : 0;
  const open = env.detailsOpen.has(index);
  const first = frame.pinned[0] ?? frame.center[0];
  const render = (slot: ColSlot<T>) => {
    const content = cellContent(env.table, slot.col, env.cache, index, rowId);
    if (slot !== first || !env.getSubItems) return content;
    return (
      <>
        <button
          type="button"
          className="expander"
          aria-label={open ? env.t('common.collapse') : env.t('common.expand')}
          aria-expanded={open}
          style={subCount > 0 ? undefined : { visibility: 'hidden' }}
          tabIndex={-1}
          onClick={() => env.onToggleDetail(index)}
        >
          {open ? '▾' : '▸'}
        </button>
        {content}
      </>
    );
  };
  return (
    <div
      role="row"
      aria-rowindex={r + 2}
      aria-expanded={subCount > 0 ? open : undefined}
      data-row-id={rowId}
      className={`grid-row xg-row body-row ${env.rowClassName?.(original) ?? ''}${env.clickable ? ' clickable' : ''}`}
      style={{ transform: `translateY(${top}px)`, height, width: frame.width }}
    >
      <Cells
        frame={frame}
        render={render}
        r={r}
        uid={env.uid}
        sel={sel}
        activeC={activeC}
        extraClass={(slot) => `${moneyClass(slot.col, env.cache, index)} ${slot.col.columnDef.meta?.cellClass?.(original) ?? ''}`}
      />
    </div>
  );
}

function groupLabel<T>(env: RowEnv<T, unknown>, g: GroupItem): string {
  const col = env.table.getColumn(g.columnId);
  if (!col) return String(g.value);
  const engine = env.cache.column(g.columnId);
  const text = engine ? engine.text(g.value) : String(g.value ?? '');
  return env.t('grid.groupLabel', { column: headerText(col), value: text || env.t('grid.blank') });
}

function GroupRow<T, S>({ env, frame, item, r, top, height, sel, activeC }: RowProps<T, S>) {
  if (item.kind !== 'group') return null;
  const first = frame.pinned[0] ?? frame.center[0];
  const render = (slot: ColSlot<T>) => {
    if (slot === first) {
      return (
        <span className="xg-group-label" style={{ paddingLeft: item.depth * 16 }}>
          <button
            type="button"
            className="expander"
            tabIndex={-1}
            aria-label={item.collapsed ? env.t('grid.expandGroup') : env.t('grid.collapseGroup')}
            onClick={() => env.onToggleGroup(item.key)}
          >
            {item.collapsed ? '▸' : '▾'}
          </button>
          <span>{groupLabel(env as RowEnv<T, unknown>, item)}</span>
          <span className="xg-group-count">{item.count}</span>
        </span>
      );
    }
    const sum = item.sums[slot.col.id];
    const meta = slot.col.columnDef.meta;
    if (sum === undefined || (sum === 0 && meta?.blankZero)) return null;
    return meta?.kind === 'money' ? <Money amount={sum} digits={env.totalsDigits} /> : String(sum);
  };
  return (
    <div
      role="row"
      aria-rowindex={r + 2}
      aria-level={item.depth + 1}
      aria-expanded={!item.collapsed}
      data-group={item.key}
      className="grid-row xg-row group-row"
      style={{ transform: `translateY(${top}px)`, height, width: frame.width }}
    >
      <Cells frame={frame} render={render} r={r} uid={env.uid} sel={sel} activeC={activeC} />
    </div>
  );
}

function DetailRow<T, S>({ env, frame, item, r, top, height }: RowProps<T, S>) {
  if (item.kind !== 'detail') return null;
  const parent = env.cache.data[item.parent];
  const sub = env.getSubItems?.(parent)[item.sub];
  return (
    <div role="row" aria-rowindex={r + 2} className="grid-row xg-row sub-row" style={{ transform: `translateY(${top}px)`, height, width: frame.width }}>
      <div role="gridcell" className="grid-cell xg-cell sub-cell xg-pinned" style={{ width: Math.min(frame.viewport, frame.width) }}>
        {sub !== undefined && env.renderSubItem?.(sub, parent)}
      </div>
    </div>
  );
}

function GridRowImpl<T, S>(props: RowProps<T, S>) {
  switch (props.item.kind) {
    case 'row':
      return <DataRow {...props} />;
    case 'group':
      return <GroupRow {...props} />;
    case 'detail':
      return <DetailRow {...props} />;
  }
}

const same = <T, S>(a: RowProps<T, S>, b: RowProps<T, S>) =>
  a.env === b.env &&
  a.frame === b.frame &&
  a.item === b.item &&
  a.r === b.r &&
  a.top === b.top &&
  a.height === b.height &&
  a.activeC === b.activeC &&
  (a.sel === b.sel || (!!a.sel && !!b.sel && a.sel.c0 === b.sel.c0 && a.sel.c1 === b.sel.c1));

/** One body row (data, group header with subtotals, or detail line); only changed rows re-render while scrolling. */
export const GridRow = memo(GridRowImpl, same) as typeof GridRowImpl;
