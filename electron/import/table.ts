/**
 * Step one of the import pipeline: file bytes to a table of text cells. XLSX is recognised by its
 * zip signature; anything else is text, decoded with the detected (or chosen) encoding and split
 * with the detected (or chosen) delimiter. Old binary .xls is refused with a clear message.
 */
import { LedgerError } from '../errors';
import { parseCsv } from './csv';
import { detectDelimiter } from './csv';
import { countReplacement, decodeBytes, detectEncoding, type DetectedEncoding, type Encoding } from './decode';
import { headerKey } from './presets';
import { isOleFile, isXlsx, readXlsx, XlsxError } from './xlsx';

export interface TableRow {
  /** Line in the file (text) or row number in the sheet (XLSX), as the user sees it. */
  line: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** Text files: what was detected and what was used. */
  detected: DetectedEncoding | null;
  encoding: Encoding | null;
  delimiter: string | null;
  /** Characters that did not decode in the chosen encoding (a sign the choice is wrong). */
  badChars: number;
  sheets: string[];
  sheet: number;
  /** Serial dates in this file count from 1904 (a workbook's setting; CSV: the user's choice). */
  date1904: boolean;
  rows: TableRow[];
  /** Structural problems (unbalanced quotes), by line. */
  errors: { line: number; key: string }[];
}

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: string;
  sheet?: number;
}

export function readTable(bytes: Uint8Array, opts: ReadOptions = {}): Table {
  if (bytes.length === 0) throw new LedgerError('error.importEmpty');
  if (isOleFile(bytes)) throw new LedgerError('error.importXls');
  if (isXlsx(bytes)) {
    try {
      const book = readXlsx(bytes, opts.sheet);
      return {
        format: 'xlsx', detected: null, encoding: null, delimiter: null, badChars: 0,
        sheets: book.sheets, sheet: book.sheets.indexOf(book.sheet.name), date1904: book.date1904,
        rows: book.sheet.rows, errors: [],
      };
    } catch (e) {
      if (e instanceof XlsxError) throw new LedgerError('error.importXlsx', { detail: e.message });
      throw e;
    }
  }
  const detected = detectEncoding(bytes);
  const encoding = opts.encoding ?? detected.encoding;
  let text = decodeBytes(bytes, encoding);
  let delimiter = opts.delimiter;
  let lineOffset = 0;
  // Excel's "sep=;" hint line.
  const hint = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (hint) {
    delimiter ??= hint[1];
    text = text.slice(hint[0].length);
    lineOffset = 1;
  }
  delimiter ??= detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  if (lineOffset) for (const r of parsed.records) r.line += lineOffset;
  return {
    format: 'csv', detected, encoding, delimiter, badChars: countReplacement(text),
    sheets: [], sheet: 0, date1904: false, rows: parsed.records, errors: parsed.errors.map((e) => ({ ...e, line: e.line + lineOffset })),
  };
}

const TOTAL_ROW = /^(total|totals|grand total|合计|总计|小计|本页合计|累计)(?![a-z])/i;

/** Report footers (QuickBooks "TOTAL", Kingdee 合计) carry sums, not documents. */
export function isTotalRow(cells: string[]): boolean {
  for (const c of cells) {
    const s = c.trim();
    if (s === '') continue;
    return isTotalText(s);
  }
  return false;
}

export function isTotalText(s: string): boolean {
  return TOTAL_ROW.test(s.trim().replace(/\s+/g, ' '));
}

/**
 * Which row holds the column names: reports put a title and the company above it. The first of
 * the top rows that names the most known columns; failing that, the first row with the most
 * non-empty cells.
 */
export function guessHeaderRow(rows: TableRow[], knownHeaders: Set<string>): number {
  const top = rows.slice(0, 15);
  let best = 0;
  let bestKnown = 0;
  let bestFilled = 0;
  top.forEach((r, i) => {
    const known = r.cells.filter((c) => knownHeaders.has(headerKey(c))).length;
    const filled = r.cells.filter((c) => c.trim() !== '').length;
    if (known > bestKnown || (known === bestKnown && bestKnown === 0 && filled > bestFilled)) {
      best = i;
      bestKnown = known;
      bestFilled = filled;
    }
  });
  return best;
}
