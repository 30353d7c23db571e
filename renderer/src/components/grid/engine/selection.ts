/** Cell and range selection, moved by the keys spreadsheet users expect. */

export interface CellPos {
  r: number;
  c: number;
}

export interface Selection {
  anchor: CellPos;
  focus: CellPos;
}

export interface Range {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export interface Dims {
  rows: number;
  cols: number;
  /** Rows per page (page up/down). */
  page: number;
}

export interface Mods {
  shift: boolean;
  /** Ctrl on Windows, Cmd on macOS. */
  ctrl: boolean;
}

export function rangeOf(sel: Selection): Range {
  return {
    r0: Math.min(sel.anchor.r, sel.focus.r),
    r1: Math.max(sel.anchor.r, sel.focus.r),
    c0: Math.min(sel.anchor.c, sel.focus.c),
    c1: Math.max(sel.anchor.c, sel.focus.c),
  };
}

export function contains(range: Range, r: number, c: number): boolean {
  return r >= range.r0 && r <= range.r1 && c >= range.c0 && c <= range.c1;
}

export function single(pos: CellPos): Selection {
  return { anchor: pos, focus: pos };
}

export function selectAll(d: Dims): Selection | null {
  if (d.rows === 0 || d.cols === 0) return null;
  return { anchor: { r: 0, c: 0 }, focus: { r: d.rows - 1, c: d.cols - 1 } };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The selection after a navigation key, or null when the key is not a navigation key.
 * Shift extends from the anchor; Ctrl/Cmd with arrows, Home or End jumps to the edge.
 */
export function navigate(sel: Selection | null, key: string, mods: Mods, d: Dims): Selection | null {
  if (d.rows === 0 || d.cols === 0) return null;
  if (mods.ctrl && (key === 'a' || key === 'A')) return selectAll(d);
  const cur = sel?.focus ?? { r: 0, c: 0 };
  let next: CellPos;
  switch (key) {
    case 'ArrowDown':
      next = { r: mods.ctrl ? d.rows - 1 : cur.r + 1, c: cur.c };
      break;
    case 'ArrowUp':
      next = { r: mods.ctrl ? 0 : cur.r - 1, c: cur.c };
      break;
    case 'ArrowRight':
      next = { r: cur.r, c: mods.ctrl ? d.cols - 1 : cur.c + 1 };
      break;
    case 'ArrowLeft':
      next = { r: cur.r, c: mods.ctrl ? 0 : cur.c - 1 };
      break;
    case 'PageDown':
      next = { r: cur.r + Math.max(1, d.page), c: cur.c };
      break;
    case 'PageUp':
      next = { r: cur.r - Math.max(1, d.page), c: cur.c };
      break;
    case 'Home':
      next = mods.ctrl ? { r: 0, c: 0 } : { r: cur.r, c: 0 };
      break;
    case 'End':
      next = mods.ctrl ? { r: d.rows - 1, c: d.cols - 1 } : { r: cur.r, c: d.cols - 1 };
      break;
    default:
      return null;
  }
  next = { r: clamp(next.r, 0, d.rows - 1), c: clamp(next.c, 0, d.cols - 1) };
  if (!sel) return single(next);
  return mods.shift ? { anchor: sel.anchor, focus: next } : single(next);
}

/** Keep a selection inside the grid after rows or columns changed. */
export function clampSelection(sel: Selection | null, d: Dims): Selection | null {
  if (!sel || d.rows === 0 || d.cols === 0) return null;
  const fix = (p: CellPos) => ({ r: clamp(p.r, 0, d.rows - 1), c: clamp(p.c, 0, d.cols - 1) });
  return { anchor: fix(sel.anchor), focus: fix(sel.focus) };
}
