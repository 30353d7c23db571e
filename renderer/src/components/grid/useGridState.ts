/** What the user has done to a grid's rows: sort, filters, search, grouping, collapsed groups, open details. */
import { useCallback, useMemo, useRef, useState } from 'react';
import { isActive } from './engine/filters';
import type { EngineColumn, FilterValue, Filters, SortKey } from './engine/types';
import { useGridView } from './useGridView';

interface Options<T> {
  data: readonly T[];
  columns: EngineColumn<T>[];
  getRowId(row: T): string;
  getSubItems?(row: T): unknown[];
  initialSorting?: SortKey[];
  initialGrouping?: string[];
  /** Search text from outside; otherwise the grid's own. */
  globalFilter?: string;
  knownTotals?: Record<string, number>;
}

export function toggled<K>(set: ReadonlySet<K>, key: K): ReadonlySet<K> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

export function useGridState<T>(o: Options<T>) {
  const [sorting, setSorting] = useState<SortKey[]>(o.initialSorting ?? []);
  const [filters, setFilters] = useState<Filters>({});
  const [ownSearch, setOwnSearch] = useState('');
  const [grouping, setGroupingState] = useState<string[]>(o.initialGrouping ?? []);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  // Callers pass these inline; the latest is read through refs so the view is not rebuilt each render.
  const subItems = useRef(o.getSubItems);
  subItems.current = o.getSubItems;
  const rowIdOf = useRef(o.getRowId);
  rowIdOf.current = o.getRowId;
  const { data } = o;
  const detailsOpen = useMemo(() => {
    const out = new Set<number>();
    if (openIds.size === 0 || !subItems.current) return out;
    for (let i = 0; i < data.length; i++) if (openIds.has(rowIdOf.current(data[i]))) out.add(i);
    return out;
  }, [openIds, data]);
  const hasDetails = !!o.getSubItems;
  const detailCount = useCallback((i: number) => subItems.current?.(data[i]).length ?? 0, [data]);
  const view = useGridView(data, o.columns, {
    sorting,
    filters,
    search: o.globalFilter ?? ownSearch,
    grouping,
    collapsed,
    detailsOpen,
    detailCount: hasDetails ? detailCount : undefined,
    knownTotals: o.knownTotals,
  });

  const setFilter = useCallback(
    (id: string, v: FilterValue | undefined) =>
      setFilters((f) => {
        const next = { ...f };
        if (v && isActive(v)) next[id] = v;
        else delete next[id];
        return next;
      }),
    [],
  );
  const setGrouping = useCallback((g: string[] | ((g: string[]) => string[])) => {
    setGroupingState(g);
    setCollapsed(new Set());
  }, []);
  const toggleGroup = useCallback((key: string) => setCollapsed((c) => toggled(c, key)), []);
  const toggleDetail = useCallback((index: number) => setOpenIds((s) => toggled(s, rowIdOf.current(data[index]))), [data]);

  return {
    view,
    sorting,
    setSorting,
    filters,
    setFilter,
    clearFilters: () => setFilters({}),
    ownSearch,
    setOwnSearch,
    grouping,
    setGrouping,
    setCollapsed,
    toggleGroup,
    detailsOpen,
    hasDetails,
    toggleDetail,
  };
}
