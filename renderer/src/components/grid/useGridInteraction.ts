/** Selection by keyboard and mouse, Enter to open, and copying the selected range. */
import { useCallback, useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { clampSelection, navigate, single, type Selection } from './engine/selection';
import type { ViewItem } from './engine/types';

interface Options {
  scroller: RefObject<HTMLDivElement | null>;
  items: readonly ViewItem[];
  cols: number;
  rowHeight: number;
  headerHeight: number;
  scrollToCell(r: number, c: number): void;
  onActivate(item: ViewItem, key: 'enter' | 'space'): void;
  copyText(sel: Selection): { text: string; rows: number } | null;
  onCopied(rows: number): void;
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('button, a, input, select, textarea, label');
}

function cellAt(target: EventTarget | null): { r: number; c: number } | null {
  const el = target instanceof HTMLElement ? target.closest<HTMLElement>('[data-r][data-c]') : null;
  return el ? { r: Number(el.dataset.r), c: Number(el.dataset.c) } : null;
}

export function useGridInteraction(o: Options) {
  const [selection, setSelection] = useState<Selection | null>(null);
  const dragging = useRef(false);
  const rows = o.items.length;

  // Rows or columns changed (filter, sort, hide): keep the selection inside the grid.
  useEffect(() => {
    setSelection((s) => clampSelection(s, { rows, cols: o.cols, page: 1 }));
  }, [rows, o.cols]);

  useEffect(() => {
    const up = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.target !== e.currentTarget) return;
      const ctrl = e.ctrlKey || e.metaKey;
      if (e.key === 'Enter' || (e.key === ' ' && !ctrl)) {
        const item = selection ? o.items[selection.focus.r] : undefined;
        if (item) {
          e.preventDefault();
          o.onActivate(item, e.key === 'Enter' ? 'enter' : 'space');
        }
        return;
      }
      const height = e.currentTarget.clientHeight - o.headerHeight * 2;
      const page = Math.max(1, Math.floor(height / o.rowHeight) - 1);
      const next = navigate(selection, e.key, { shift: e.shiftKey, ctrl }, { rows, cols: o.cols, page });
      if (!next) return;
      e.preventDefault();
      setSelection(next);
      if (!(ctrl && (e.key === 'a' || e.key === 'A'))) o.scrollToCell(next.focus.r, next.focus.c);
    },
    [selection, rows, o],
  );

  const onMouseDown = useCallback(
    (e: MouseEvent<HTMLDivElement>) => {
      if (e.button !== 0 || isControl(e.target)) return;
      const cell = cellAt(e.target);
      if (!cell) return;
      e.preventDefault(); // no text selection while selecting cells
      o.scroller.current?.focus({ preventScroll: true });
      dragging.current = true;
      setSelection((s) => (e.shiftKey && s ? { anchor: s.anchor, focus: cell } : single(cell)));
    },
    [o.scroller],
  );

  const onMouseOver = useCallback((e: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const cell = cellAt(e.target);
    if (cell) setSelection((s) => (s && (s.focus.r !== cell.r || s.focus.c !== cell.c) ? { anchor: s.anchor, focus: cell } : s));
  }, []);

  const onCopy = useCallback(
    (e: ClipboardEvent<HTMLDivElement>) => {
      if (!selection || isControl(e.target)) return;
      const out = o.copyText(selection);
      if (!out) return;
      e.clipboardData.setData('text/plain', out.text);
      e.preventDefault();
      o.onCopied(out.rows);
    },
    [selection, o],
  );

  return { selection, setSelection, onKeyDown, onMouseDown, onMouseOver, onCopy };
}
