/** RFC 4180 CSV reading (quotes, doubled quotes, CRLF/LF, UTF-8 BOM stripped). */

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  errors: { line: number; key: string }[];
}

export function parseCsv(text: string): CsvParse {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: CsvRecord[] = [];
  const errors: { line: number; key: string }[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let inQuotes = false;
    let quotedCell = false;
    let done = false;
    while (i < n && !done) {
      const ch = text[i];
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            inQuotes = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
      } else if (ch === '"' && cell === '' && !quotedCell) {
        inQuotes = true;
        quotedCell = true;
        i++;
      } else if (ch === ',') {
        cells.push(cell);
        cell = '';
        quotedCell = false;
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        done = true;
      } else {
        cell += ch;
        i++;
      }
    }
    if (inQuotes) errors.push({ line: startLine, key: 'error.csvQuote' });
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: startLine, cells });
  }
  return { records, errors };
}

/** Quote a cell for CSV output; cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
