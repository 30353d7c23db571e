import { formatAmount } from './format';

const CELL_PADDING = 18;
let ctx2d: CanvasRenderingContext2D | null | undefined;

/** Pixel width of grid text in the page's own font (measured on a canvas; estimated if none). */
export function textWidth(text: string, bold = false): number {
  if (ctx2d === undefined) ctx2d = document.createElement('canvas').getContext('2d');
  if (ctx2d) {
    const family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
    ctx2d.font = `${bold ? 600 : 400} 13px ${family}`;
    return Math.ceil(ctx2d.measureText(text).width) + CELL_PADDING;
  }
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 13 : 7.5;
  return Math.ceil(w) + CELL_PADDING;
}

/**
 * A width at which every amount of a column (and its total) shows in full: money is never cut
 * with an ellipsis. Only the largest magnitude needs formatting.
 */
export function amountColumnWidth(values: Iterable<number>, digits: number, header: string, min = 64): number {
  let maxAbs = 0;
  let negative = false;
  for (const v of values) {
    if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    if (v < 0) negative = true;
  }
  const sample = (negative ? '-' : '') + formatAmount(maxAbs, digits);
  // Header text sits beside a sort mark (~12px).
  return Math.max(min, textWidth(sample, true), textWidth(header, true) + 12);
}
