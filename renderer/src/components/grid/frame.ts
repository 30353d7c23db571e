/** Which columns a row draws and where: pinned ones stuck to the left, then the visible window of the rest. */
import type { Column } from '@tanstack/react-table';

export interface ColSlot<T> {
  col: Column<T, unknown>;
  /** Index among all visible columns (selection coordinates). */
  c: number;
  width: number;
  /** Set for pinned columns: their x within the row. */
  left?: number;
}

export interface RowFrame<T> {
  pinned: ColSlot<T>[];
  center: ColSlot<T>[];
  /** Width of the unrendered center columns before the window. */
  spacer: number;
  /** Width of every column together. */
  width: number;
  /** Width of the visible area (detail lines span it). */
  viewport: number;
}
