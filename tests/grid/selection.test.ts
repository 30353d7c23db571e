import { describe, expect, it } from 'vitest';
import { clampSelection, contains, navigate, rangeOf, selectAll, single } from '../../renderer/src/components/grid/engine/selection';

const dims = { rows: 100, cols: 8, page: 20 };
const none = { shift: false, ctrl: false };
const shift = { shift: true, ctrl: false };
const ctrl = { shift: false, ctrl: true };

describe('grid selection by keyboard', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    let s = navigate(null, 'ArrowDown', none, dims);
    expect(s).toEqual(single({ r: 1, c: 0 }));
    s = navigate(s, 'ArrowRight', none, dims);
    s = navigate(s, 'ArrowUp', none, dims);
    s = navigate(s, 'ArrowUp', none, dims);
    expect(s!.focus).toEqual({ r: 0, c: 1 });
    s = navigate(s, 'ArrowLeft', none, dims);
    s = navigate(s, 'ArrowLeft', none, dims);
    expect(s!.focus).toEqual({ r: 0, c: 0 });
  });

  it('extends a range with shift from a fixed anchor', () => {
    let s = single({ r: 5, c: 2 });
    s = navigate(s, 'ArrowDown', shift, dims)!;
    s = navigate(s, 'ArrowDown', shift, dims)!;
    s = navigate(s, 'ArrowRight', shift, dims)!;
    expect(rangeOf(s)).toEqual({ r0: 5, r1: 7, c0: 2, c1: 3 });
    s = navigate(s, 'ArrowUp', shift, dims)!;
    s = navigate(s, 'ArrowUp', shift, dims)!;
    s = navigate(s, 'ArrowUp', shift, dims)!;
    expect(rangeOf(s)).toEqual({ r0: 4, r1: 5, c0: 2, c1: 3 });
    expect(contains(rangeOf(s), 4, 3)).toBe(true);
    expect(contains(rangeOf(s), 6, 3)).toBe(false);
    // A plain arrow collapses the range.
    expect(rangeOf(navigate(s, 'ArrowLeft', none, dims)!)).toEqual({ r0: 4, r1: 4, c0: 2, c1: 2 });
  });

  it('pages, jumps home and end, and to the corners with ctrl/cmd', () => {
    let s = single({ r: 10, c: 3 });
    s = navigate(s, 'PageDown', none, dims)!;
    expect(s.focus).toEqual({ r: 30, c: 3 });
    s = navigate(s, 'PageUp', shift, dims)!;
    expect(rangeOf(s)).toEqual({ r0: 10, r1: 30, c0: 3, c1: 3 });
    expect(navigate(s, 'Home', none, dims)!.focus).toEqual({ r: 10, c: 0 });
    expect(navigate(s, 'End', none, dims)!.focus).toEqual({ r: 10, c: 7 });
    expect(navigate(s, 'End', ctrl, dims)!.focus).toEqual({ r: 99, c: 7 });
    expect(navigate(s, 'Home', ctrl, dims)!.focus).toEqual({ r: 0, c: 0 });
    expect(navigate(s, 'ArrowDown', ctrl, dims)!.focus).toEqual({ r: 99, c: 3 });
    expect(navigate(single({ r: 95, c: 0 }), 'PageDown', none, dims)!.focus).toEqual({ r: 99, c: 0 });
  });

  it('selects everything with ctrl/cmd+A and ignores other keys', () => {
    expect(rangeOf(navigate(null, 'a', ctrl, dims)!)).toEqual({ r0: 0, r1: 99, c0: 0, c1: 7 });
    expect(selectAll({ rows: 0, cols: 3, page: 1 })).toBeNull();
    expect(navigate(single({ r: 1, c: 1 }), 'x', none, dims)).toBeNull();
  });

  it('keeps a selection inside the grid when rows disappear', () => {
    const s = { anchor: { r: 50, c: 7 }, focus: { r: 90, c: 9 } };
    expect(clampSelection(s, { rows: 60, cols: 8, page: 10 })).toEqual({ anchor: { r: 50, c: 7 }, focus: { r: 59, c: 7 } });
    expect(clampSelection(s, { rows: 0, cols: 8, page: 10 })).toBeNull();
  });
});

import { toggleSort } from '../../renderer/src/components/grid/sorting';

describe('sorting by header clicks', () => {
  it('cycles text columns ascending, descending, off; amounts start descending', () => {
    let s = toggleSort([], 'name', 'text', false);
    expect(s).toEqual([{ id: 'name', desc: false }]);
    s = toggleSort(s, 'name', 'text', false);
    expect(s).toEqual([{ id: 'name', desc: true }]);
    expect(toggleSort(s, 'name', 'text', false)).toEqual([]);
    expect(toggleSort([], 'open', 'money', false)).toEqual([{ id: 'open', desc: true }]);
  });

  it('adds columns with shift and replaces the sort without it', () => {
    let s = toggleSort([], 'sp', 'set', true);
    s = toggleSort(s, 'open', 'money', true);
    expect(s).toEqual([
      { id: 'sp', desc: false },
      { id: 'open', desc: true },
    ]);
    s = toggleSort(s, 'open', 'money', true);
    expect(s[1]).toEqual({ id: 'open', desc: false });
    expect(toggleSort(s, 'open', 'money', true)).toEqual([{ id: 'sp', desc: false }]);
    expect(toggleSort(s, 'days', 'number', false)).toEqual([{ id: 'days', desc: true }]);
  });
});
