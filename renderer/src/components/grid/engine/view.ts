/**
 * The row pipeline: filter → sort → group → the flat list of items the virtualized body shows.
 * Each step takes and returns row indexes, so the component can memoize them one by one.
 */
import { ranks } from './compare';
import { isActive, predicate, searchTerms } from './filters';
import type { EngineColumn, Filters, GroupItem, SortKey, ViewItem } from './types';
import { valueKey, type ValueCache } from './values';

export function filterRows<T>(cache: ValueCache<T>, filters: Filters, search: string): Int32Array {
  const n = cache.data.length;
  const tests: { values: unknown[]; test: (v: unknown) => boolean }[] = [];
  for (const [id, f] of Object.entries(filters)) {
    const col = cache.column(id);
    if (!col || !isActive(f)) continue;
    tests.push({ values: cache.values(id), test: predicate(f, col.text) });
  }
  const terms = searchTerms(search);
  const hay = terms.length ? cache.searchText() : null;
  const out = new Int32Array(n);
  let k = 0;
  outer: for (let i = 0; i < n; i++) {
    for (const t of tests) if (!t.test(t.values[i])) continue outer;
    if (hay) for (const term of terms) if (!hay[i].includes(term)) continue outer;
    out[k++] = i;
  }
  return out.slice(0, k);
}

/** Multi-column sort; ties keep the data's own order (stable). */
export function sortRows<T>(cache: ValueCache<T>, rows: Int32Array, sorting: readonly SortKey[]): Int32Array {
  const keys = sorting
    .map((s) => ({ col: cache.column(s.id), desc: s.desc }))
    .filter((k): k is { col: EngineColumn<T>; desc: boolean } => !!k.col && k.col.sortable)
    .map((k) => ({ rank: ranks(cache.values(k.col.id), k.col.kind), sign: k.desc ? -1 : 1 }));
  if (keys.length === 0) return rows;
  const out = Array.from(rows);
  out.sort((a, b) => {
    for (const k of keys) {
      const d = k.rank[a] - k.rank[b];
      if (d !== 0) return d < 0 ? -k.sign : k.sign;
    }
    return a - b;
  });
  return Int32Array.from(out);
}

/** Sums of the summed columns over some rows. */
export function sums<T>(cache: ValueCache<T>, rows: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const col of cache.columns) {
    if (!col.sum) continue;
    const values = cache.summands(col.id);
    let s = 0;
    for (let i = 0; i < rows.length; i++) {
      const v = values[rows[i]];
      if (typeof v === 'number') s += v;
    }
    out[col.id] = s;
  }
  return out;
}

export interface ItemOptions {
  grouping: readonly string[];
  sorting: readonly SortKey[];
  collapsed: ReadonlySet<string>;
  detailsOpen: ReadonlySet<number>;
  detailCount?: (index: number) => number;
}

/** The flat list shown: group headers with subtotals (nested), data rows, open detail lines. */
export function buildItems<T>(cache: ValueCache<T>, rows: Int32Array, opts: ItemOptions): ViewItem[] {
  const items: ViewItem[] = [];
  const grouping = opts.grouping.filter((id) => cache.column(id));
  const groupRanks = grouping.map((id) => ranks(cache.values(id), cache.column(id)!.kind));
  const pushRows = (list: ArrayLike<number>, depth: number) => {
    for (let i = 0; i < list.length; i++) {
      const index = list[i];
      items.push({ kind: 'row', index, depth });
      if (opts.detailCount && opts.detailsOpen.has(index)) {
        const n = opts.detailCount(index);
        for (let sub = 0; sub < n; sub++) items.push({ kind: 'detail', parent: index, sub, depth });
      }
    }
  };
  const group = (list: Int32Array, level: number, prefix: string) => {
    if (level >= grouping.length) return pushRows(list, level);
    const id = grouping[level];
    const values = cache.values(id);
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < list.length; i++) {
      const key = valueKey(values[list[i]]);
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = []));
      b.push(list[i]);
    }
    const rank = groupRanks[level];
    const desc = opts.sorting.find((s) => s.id === id)?.desc ?? false;
    const groups = [...buckets.values()].sort((a, b) => (rank[a[0]] - rank[b[0]]) * (desc ? -1 : 1) || a[0] - b[0]);
    for (const members of groups) {
      const value = values[members[0]];
      const key = `${prefix}${id}=${valueKey(value)}`;
      const collapsed = opts.collapsed.has(key);
      const item: GroupItem = { kind: 'group', key, depth: level, columnId: id, value, count: members.length, sums: sums(cache, members), collapsed, first: members[0] };
      items.push(item);
      if (!collapsed) group(Int32Array.from(members), level + 1, key + '|');
    }
  };
  if (grouping.length) group(rows, 0, '');
  else pushRows(rows, 0);
  return items;
}

/** Every group key of the current grouping (to collapse or expand all at once). */
export function allGroupKeys(items: readonly ViewItem[]): string[] {
  return items.filter((i): i is GroupItem => i.kind === 'group').map((g) => g.key);
}

/** Distinct values of a column with how many rows carry each (set filter choices), in value order. */
export function distinctValues<T>(cache: ValueCache<T>, id: string, limit = 500): { key: string; value: unknown; count: number }[] {
  const values = cache.values(id);
  const counts = new Map<string, { key: string; value: unknown; count: number }>();
  for (const v of values) {
    const key = valueKey(v);
    const e = counts.get(key);
    if (e) e.count++;
    else counts.set(key, { key, value: v, count: 1 });
  }
  const col = cache.column(id);
  const kind = col?.kind ?? 'text';
  const list = [...counts.values()];
  const r = ranks(list.map((e) => e.value), kind);
  return list
    .map((e, i) => ({ e, r: r[i] }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.e)
    .slice(0, limit);
}
