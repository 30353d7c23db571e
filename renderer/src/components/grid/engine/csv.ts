/** CSV of a view: UTF-8 with a byte-order mark (so Chinese Excel opens it), CRLF, RFC 4180 quoting. */
import type { XCell } from './cells';
import { neutralise } from './neutralise';
import { plainText } from './tsv';

function csvField(cell: XCell): string {
  const s = cell && cell.t === 's' ? neutralise(cell.v) : plainText(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const BOM = '\uFEFF';

export function toCsv(rows: readonly XCell[][]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
