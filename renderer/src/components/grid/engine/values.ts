/** Column values read once per data set and cached: sorting, filtering and grouping reuse them. */
import type { EngineColumn } from './types';

export class ValueCache<T> {
  private readonly cache = new Map<string, unknown[]>();
  private haystack: string[] | null = null;

  constructor(
    readonly data: readonly T[],
    readonly columns: readonly EngineColumn<T>[],
  ) {}

  column(id: string): EngineColumn<T> | undefined {
    return this.columns.find((c) => c.id === id);
  }

  values(id: string): unknown[] {
    let v = this.cache.get(id);
    if (!v) {
      const col = this.column(id);
      const { data } = this;
      v = new Array(data.length);
      if (col) for (let i = 0; i < data.length; i++) v[i] = col.get(data[i], i);
      this.cache.set(id, v);
    }
    return v;
  }

  /** What each row adds to the column's totals: its `sumValue` where the column has one, else its value. */
  summands(id: string): unknown[] {
    const col = this.column(id);
    if (!col?.sumValue) return this.values(id);
    const key = '\u0000sum\u0000' + id;
    let v = this.cache.get(key);
    if (!v) {
      const { data } = this;
      const sumValue = col.sumValue;
      v = new Array(data.length);
      for (let i = 0; i < data.length; i++) v[i] = sumValue(data[i], i);
      this.cache.set(key, v);
    }
    return v;
  }

  /** Lower-case text of every searchable column of each row, built on the first search. */
  searchText(): string[] {
    if (!this.haystack) {
      const cols = this.columns.filter((c) => c.searchable);
      const lists = cols.map((c) => this.values(c.id));
      const out = new Array<string>(this.data.length);
      for (let i = 0; i < out.length; i++) {
        let s = '';
        for (let k = 0; k < cols.length; k++) s += cols[k].text(lists[k][i]) + '\u0001';
        out[i] = s.toLowerCase();
      }
      this.haystack = out;
    }
    return this.haystack;
  }
}

/** Group and set-filter key of a value. */
export function valueKey(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}
