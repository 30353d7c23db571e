/** The memoized row pipeline of one grid: each step recomputes only when its inputs change. */
import { useMemo } from 'react';
import type { EngineColumn, Filters, SortKey, View } from './engine/types';
import { ValueCache } from './engine/values';
import { buildItems, filterRows, sortRows, sums } from './engine/view';

export interface ViewInputs {
  sorting: SortKey[];
  filters: Filters;
  search: string;
  grouping: string[];
  collapsed: ReadonlySet<string>;
  detailsOpen: ReadonlySet<number>;
  detailCount?: (index: number) => number;
  /** Totals of the whole data set, known in advance: used while nothing is filtered out. */
  knownTotals?: Record<string, number>;
}

export function useGridView<T>(data: readonly T[], columns: EngineColumn<T>[], inputs: ViewInputs): View & { cache: ValueCache<T> } {
  const cache = useMemo(() => new ValueCache(data, columns), [data, columns]);
  const filtered = useMemo(() => filterRows(cache, inputs.filters, inputs.search), [cache, inputs.filters, inputs.search]);
  const sorted = useMemo(() => sortRows(cache, filtered, inputs.sorting), [cache, filtered, inputs.sorting]);
  const items = useMemo(
    () =>
      buildItems(cache, sorted, {
        grouping: inputs.grouping,
        sorting: inputs.sorting,
        collapsed: inputs.collapsed,
        detailsOpen: inputs.detailsOpen,
        detailCount: inputs.detailCount,
      }),
    [cache, sorted, inputs.grouping, inputs.sorting, inputs.collapsed, inputs.detailsOpen, inputs.detailCount],
  );
  const unfiltered = filtered.length === data.length;
  const { knownTotals } = inputs;
  const totals = useMemo(() => (unfiltered && knownTotals ? knownTotals : sums(cache, sorted)), [cache, sorted, unfiltered, knownTotals]);
  return { cache, items, rows: sorted, totals };
}
