import type { Table } from '@tanstack/react-table';
import { ColumnMenu } from './ColumnMenu';
import { filterTypeOf } from './engine/filters';
import type { GridLayout } from './engine/layout';
import type { FilterValue, Filters, SortKey } from './engine/types';
import type { ValueCache } from './engine/values';
import { distinctValues } from './engine/view';

interface Props<T> {
  menu: { id: string; anchor: HTMLElement };
  table: Table<T>;
  cache: ValueCache<T>;
  title: string;
  sorting: SortKey[];
  filters: Filters;
  grouping: string[];
  layout: GridLayout;
  totalsDigits: number;
  canHide: boolean;
  setSorting(update: (s: SortKey[]) => SortKey[]): void;
  setFilter(id: string, v: FilterValue | undefined): void;
  setGrouping(update: (g: string[]) => string[]): void;
  setLayout(update: (l: GridLayout) => GridLayout): void;
  onClose(): void;
}

/** The column menu of one column, wired to the grid's state. */
export function GridColumnMenu<T>(p: Props<T>) {
  const { id, anchor } = p.menu;
  const col = p.table.getColumn(id);
  const engine = p.cache.column(id);
  if (!col || !engine) return null;
  const sort = p.sorting.find((s) => s.id === id);
  const digits = col.columnDef.meta?.digits;
  return (
    <ColumnMenu
      key={id}
      anchor={anchor}
      columnId={id}
      title={p.title}
      sort={sort ? (sort.desc ? 'desc' : 'asc') : false}
      filterType={filterTypeOf(engine.kind)}
      filter={p.filters[id]}
      moneyDigits={engine.kind === 'money' ? (typeof digits === 'number' ? digits : p.totalsDigits) : undefined}
      choices={() => distinctValues(p.cache, id).map((d) => ({ key: d.key, label: engine.text(d.value), count: d.count }))}
      grouped={p.grouping.includes(id)}
      pinned={p.layout.pinned.includes(id)}
      canHide={p.canHide}
      onSort={(dir) => p.setSorting((s) => (dir ? [{ id, desc: dir === 'desc' }] : s.filter((x) => x.id !== id)))}
      onFilter={(v) => p.setFilter(id, v)}
      onGroup={() => p.setGrouping((g) => (g.includes(id) ? g.filter((x) => x !== id) : [...g, id]))}
      onPin={() => p.setLayout((l) => ({ ...l, pinned: l.pinned.includes(id) ? l.pinned.filter((x) => x !== id) : [...l.pinned, id] }))}
      onHide={() => p.setLayout((l) => ({ ...l, hidden: [...l.hidden, id] }))}
      onClose={p.onClose}
    />
  );
}
