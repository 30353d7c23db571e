import { describe, expect, it } from 'vitest';
import { ValueCache } from '../../renderer/src/components/grid/engine/values';
import { buildItems, distinctValues, filterRows, sortRows, sums } from '../../renderer/src/components/grid/engine/view';
import { COLUMNS, DATA, type Inv } from './fixtures';

const cache = () => new ValueCache<Inv>(DATA, COLUMNS);
const codes = (rows: ArrayLike<number>) => Array.from(rows, (i) => DATA[i].code);
const all = (c: ValueCache<Inv>) => filterRows(c, {}, '');

describe('grid engine: sort', () => {
  it('sorts text with numbers inside in numeric order, both directions', () => {
    const c = cache();
    expect(codes(sortRows(c, all(c), [{ id: 'code', desc: false }]))).toEqual(['C001', 'C002', 'C2', 'C010', 'C100']);
    expect(codes(sortRows(c, all(c), [{ id: 'code', desc: true }]))).toEqual(['C100', 'C010', 'C2', 'C002', 'C001']);
  });

  it('sorts by several columns, the first deciding and ties keeping data order', () => {
    const c = cache();
    const rows = sortRows(c, all(c), [
      { id: 'sp', desc: false },
      { id: 'open', desc: true },
    ]);
    expect(codes(rows)).toEqual(['C010', 'C2', 'C001', 'C002', 'C100']);
  });

  it('sorts amounts numerically with negatives first, and dates with blanks first', () => {
    const c = cache();
    expect(codes(sortRows(c, all(c), [{ id: 'open', desc: false }]))).toEqual(['C002', 'C001', 'C2', 'C010', 'C100']);
    expect(codes(sortRows(c, all(c), [{ id: 'due', desc: false }]))).toEqual(['C001', 'C2', 'C010', 'C002', 'C100']);
  });

  it('sorts 100,000 rows on two keys quickly', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => ({ ...DATA[i % 5], code: `C${(i * 7919) % 100_000}`, open: (i * 104729) % 1_000_000 }));
    const c = new ValueCache<Inv>(big, COLUMNS);
    const t = performance.now();
    const rows = sortRows(c, filterRows(c, {}, ''), [
      { id: 'sp', desc: false },
      { id: 'open', desc: true },
    ]);
    const ms = performance.now() - t;
    expect(rows.length).toBe(100_000);
    let ordered = true;
    for (let i = 1; i < rows.length; i++) {
      const a = big[rows[i - 1]];
      const b = big[rows[i]];
      if (!(a.sp < b.sp || (a.sp === b.sp && a.open >= b.open))) ordered = false;
    }
    expect(ordered).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});

describe('grid engine: filters and search', () => {
  it('filters text (contains, any case), number and money ranges, date ranges and sets', () => {
    const c = cache();
    expect(codes(filterRows(c, { name: { type: 'text', text: 'ALPHA' } }, ''))).toEqual(['C100']);
    expect(codes(filterRows(c, { days: { type: 'range', min: 1, max: 70 } }, ''))).toEqual(['C010', 'C002']);
    expect(codes(filterRows(c, { open: { type: 'range', min: 0 } }, ''))).toEqual(['C010', 'C2', 'C100', 'C001']);
    expect(codes(filterRows(c, { due: { type: 'dates', from: '2025-01-01', to: '2025-03-01' } }, ''))).toEqual(['C010', 'C002']);
    expect(codes(filterRows(c, { sp: { type: 'set', values: ['Wang', 'Zhao'] } }, ''))).toEqual(['C002', 'C100', 'C001']);
    expect(codes(filterRows(c, { sp: { type: 'set', values: [] } }, ''))).toEqual([]);
  });

  it('combines column filters with a global search where every word must match', () => {
    const c = cache();
    expect(codes(filterRows(c, {}, '杭州'))).toEqual(['C010']);
    expect(codes(filterRows(c, {}, 'sp wang'))).toEqual(['C002', 'C001']);
    expect(codes(filterRows(c, {}, 'wang 2025-03'))).toEqual(['C002']);
    expect(codes(filterRows(c, { open: { type: 'range', max: 0 } }, 'wang'))).toEqual(['C002', 'C001']);
    // Amount columns are not searched (numbers are found with range filters).
    expect(codes(filterRows(c, {}, '123450'))).toEqual([]);
  });

  it('ignores empty filters and unknown columns', () => {
    const c = cache();
    expect(filterRows(c, { name: { type: 'text', text: '  ' }, nope: { type: 'text', text: 'x' }, days: { type: 'range' } }, '').length).toBe(5);
  });

  it('lists distinct values with counts for the set filter', () => {
    expect(distinctValues(cache(), 'sp').map((d) => [d.key, d.count])).toEqual([
      ['Li Na', 2],
      ['Wang', 2],
      ['Zhao', 1],
    ]);
  });
});

describe('grid engine: grouping and totals', () => {
  it('groups by a column with counts and subtotals, in the data order inside each group', () => {
    const c = cache();
    const rows = all(c);
    const items = buildItems(c, rows, { grouping: ['sp'], sorting: [], collapsed: new Set(), detailsOpen: new Set() });
    const groups = items.filter((i) => i.kind === 'group');
    expect(groups.map((g) => g.kind === 'group' && [g.value, g.count, g.sums.open])).toEqual([
      ['Li Na', 2, 123549],
      ['Wang', 2, -5000],
      ['Zhao', 1, 100000000],
    ]);
    expect(items.map((i) => (i.kind === 'row' ? DATA[i.index].code : i.kind === 'group' ? `[${String(i.value)}]` : '-'))).toEqual([
      '[Li Na]', 'C010', 'C2', '[Wang]', 'C002', 'C001', '[Zhao]', 'C100',
    ]);
    expect(sums(c, rows).open).toBe(123450 - 5000 + 99 + 100000000);
  });

  it('collapses a group, nests groups, and orders groups by the sort direction of their column', () => {
    const c = cache();
    const rows = all(c);
    const collapsed = buildItems(c, rows, { grouping: ['sp'], sorting: [], collapsed: new Set(['sp=Wang']), detailsOpen: new Set() });
    expect(collapsed.length).toBe(3 + 3);
    const nested = buildItems(c, rows, { grouping: ['sp', 'days'], sorting: [{ id: 'sp', desc: true }], collapsed: new Set(), detailsOpen: new Set() });
    const outer = nested.filter((i) => i.kind === 'group' && i.depth === 0).map((g) => g.kind === 'group' && g.value);
    expect(outer).toEqual(['Zhao', 'Wang', 'Li Na']);
    const inner = nested.find((i) => i.kind === 'group' && i.depth === 1);
    expect(inner && inner.kind === 'group' && inner.key).toBe('sp=Zhao|days=-5');
  });

  it('inserts detail lines under rows whose details are open', () => {
    const c = cache();
    const items = buildItems(c, all(c), { grouping: [], sorting: [], collapsed: new Set(), detailsOpen: new Set([1]), detailCount: (i) => (i === 1 ? 2 : 0) });
    expect(items.map((i) => i.kind)).toEqual(['row', 'row', 'detail', 'detail', 'row', 'row', 'row']);
  });
});
