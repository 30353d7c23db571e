/** Row and column virtualizers over one scroll box, and the frame (which columns each row draws, where). */
import type { Column } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ColSlot, RowFrame } from './frame';

export const HEADER_H = 34;
export const FOOTER_H = 32;

interface Options<T> {
  rows: number;
  rowHeight: number;
  footer: boolean;
  left: Column<T, unknown>[];
  center: Column<T, unknown>[];
  leftWidth: number;
  widthKey: string;
}

export function useGridFrame<T>(o: Options<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(800);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientWidth);
    const ro = new ResizeObserver(() => setViewport(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Pinned cells follow the horizontal scroll through one CSS variable (see grid.css).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let last = -1;
    const onScroll = () => {
      if (el.scrollLeft === last) return;
      last = el.scrollLeft;
      el.style.setProperty('--xg-sl', `${last}px`);
    };
    onScroll();
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  const { left, center, leftWidth, widthKey } = o;
  const rowV = useVirtualizer({
    count: o.rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => o.rowHeight,
    overscan: 6,
    // React batches the re-render of a scroll instead of forcing it inside the scroll event.
    useFlushSync: false,
    scrollMargin: HEADER_H,
    scrollPaddingStart: HEADER_H,
    scrollPaddingEnd: o.footer ? FOOTER_H : 0,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: center.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => center[i]?.getSize() ?? 120,
    getItemKey: (i) => center[i]?.id ?? i,
    overscan: 2,
    useFlushSync: false,
    scrollMargin: leftWidth,
    scrollPaddingStart: leftWidth,
  });
  useLayoutEffect(() => colV.measure(), [widthKey, colV]);

  const vcols = colV.getVirtualItems();
  const firstCol = vcols[0]?.index ?? 0;
  const lastCol = vcols[vcols.length - 1]?.index ?? -1;
  const totalWidth = leftWidth + center.reduce((s, c) => s + c.getSize(), 0);
  const frame = useMemo<RowFrame<T>>(() => {
    let x = 0;
    const pinned: ColSlot<T>[] = left.map((col, i) => {
      const slot = { col, c: i, width: col.getSize(), left: x };
      x += slot.width;
      return slot;
    });
    const slots: ColSlot<T>[] = [];
    let spacer = 0;
    for (let i = 0; i < center.length; i++) {
      if (i < firstCol) spacer += center[i].getSize();
      else if (i <= lastCol) slots.push({ col: center[i], c: left.length + i, width: center[i].getSize() });
    }
    return { pinned, center: slots, spacer, width: totalWidth, viewport };
  }, [widthKey, firstCol, lastCol, viewport]); // eslint-disable-line react-hooks/exhaustive-deps

  const scrollToCell = (r: number, c: number) => {
    rowV.scrollToIndex(r);
    if (c >= left.length) colV.scrollToIndex(c - left.length);
  };
  return { scroller, rowV, frame, totalWidth, scrollToCell };
}
