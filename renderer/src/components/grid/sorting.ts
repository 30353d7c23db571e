/** Header clicks: a click sorts by one column, shift+click adds it to the sort; amounts start descending. */
import type { SortKey, ValueKind } from './engine/types';

export function toggleSort(sorting: readonly SortKey[], id: string, kind: ValueKind, multi: boolean): SortKey[] {
  const at = sorting.findIndex((s) => s.id === id);
  const cur = at >= 0 ? sorting[at] : null;
  const descFirst = kind === 'money' || kind === 'number';
  // Cycle: first direction → the other → off.
  let next: boolean | null;
  if (!cur) next = descFirst;
  else if (cur.desc === descFirst) next = !descFirst;
  else next = null;
  if (!multi) return next === null ? [] : [{ id, desc: next }];
  if (next === null) return sorting.filter((s) => s.id !== id);
  return at >= 0 ? sorting.map((s) => (s.id === id ? { id, desc: next } : s)) : [...sorting, { id, desc: next }];
}
