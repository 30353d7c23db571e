/** RFC 4180 CSV reading (quotes, doubled quotes, CRLF/LF, UTF-8 BOM stripped), any one-character delimiter. */

export interface CsvRecord {
  /** 1-based line number in the file where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  errors: { line: number; key: string }[];
}

export function parseCsv(text: string, delimiter = ','): CsvParse {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: CsvRecord[] = [];
  const errors: { line: number; key: string }[] = [];
  const DELIM = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
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
      const ch = text.charCodeAt(i);
      if (inQuotes) {
        if (ch === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            cell += '"';
            i += 2;
          } else {
            inQuotes = false;
            i++;
          }
        } else {
          // Copy the run up to the next quote in one slice, counting the newlines inside it.
          let j = text.indexOf('"', i);
          if (j < 0) j = n;
          for (let k = text.indexOf('\n', i); k >= 0 && k < j; k = text.indexOf('\n', k + 1)) line++;
          cell += text.slice(i, j);
          i = j;
        }
      } else if (ch === QUOTE && cell === '' && !quotedCell) {
        inQuotes = true;
        quotedCell = true;
        i++;
      } else if (ch === DELIM) {
        cells.push(cell);
        cell = '';
        quotedCell = false;
        i++;
      } else if (ch === CR || ch === LF) {
        i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        done = true;
      } else {
        // An unquoted run: up to the next delimiter, quote or line break.
        let j = i + 1;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === DELIM || c === CR || c === LF || c === QUOTE) break;
          j++;
        }
        cell += text.slice(i, j);
        i = j;
      }
    }
    if (inQuotes) errors.push({ line: startLine, key: 'error.csvQuote' });
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: startLine, cells });
  }
  return { records, errors };
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The delimiter of a text table: the candidate that splits the first lines (outside quotes) into
 * the same number of cells most consistently. Excel's "sep=;" first line is honoured by the caller.
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const lines: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < sample.length && lines.length < 30; i++) {
    const c = sample[i];
    if (c === '"') q = !q;
    if (!q && (c === '\n' || c === '\r')) {
      if (cur.trim() !== '') lines.push(cur);
      cur = '';
    } else if (!q || c !== '"') cur += q ? ' ' : c;
  }
  if (cur.trim() !== '' && lines.length < 30) lines.push(cur);
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [c, f] of freq) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
    const score = modeCount * 100 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
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
