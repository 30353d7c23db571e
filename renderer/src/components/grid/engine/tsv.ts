/**
 * Tab-separated text for the clipboard, as Excel and WPS paste it: numbers plain (no thousands
 * separators, a leading minus), dates ISO, text quoted only when it holds a tab or newline or starts with a quote
 * (as Excel itself copies).
 */
import { toDecimalString } from '../../../../../shared/money';
import type { XCell } from './cells';

export function plainText(cell: XCell): string {
  if (!cell) return '';
  switch (cell.t) {
    case 'm':
      return toDecimalString(cell.v, cell.digits);
    case 'n':
      return String(cell.v);
    default:
      return cell.v;
  }
}

function tsvField(cell: XCell): string {
  const s = plainText(cell);
  return /[\t\n\r]/.test(s) || s.startsWith('"') ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toTsv(rows: readonly XCell[][]): string {
  return rows.map((r) => r.map(tsvField).join('\t')).join('\r\n');
}
