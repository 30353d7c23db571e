/**
 * From a table and a mapping to rows of normalised values: each field read with its type's
 * normaliser (values.ts). Settles the date order and decimal mark for the file when the user has
 * not chosen them, and says so when dates like 01/03/2026 could be read either way.
 */
import { FIELD_TYPES, fieldsOf, type FieldType, type ImportKind } from './formats';
import type { Mapping, ValueOptions } from './mapping';
import type { TableRow } from './table';
import { isTotalRow, isTotalText } from './table';
import {
  cleanCode,
  cleanText,
  detectDateOrder,
  detectDecimal,
  normaliseAmount,
  normaliseCurrency,
  normaliseDate,
  normaliseTerms,
  type DateOrder,
  type DecimalMark,
} from './values';

export interface ImportProblem {
  line: number;
  column: string;
  key: string;
  params: Record<string, string | number>;
}

export interface Row {
  line: number;
  get(col: string): string;
}

/** Options after detection: what the rows were actually read with. */
export interface ResolvedOptions {
  dateOrder: Exclude<DateOrder, 'ymd'>;
  /** What the dates in the file say on their own (null: no day/month dates in it). */
  dateOrderDetected: 'dmy' | 'mdy' | 'ambiguous' | null;
  decimal: DecimalMark;
  date1904: boolean;
}

export interface NormalisedRows {
  rows: Row[];
  problems: ImportProblem[];
  options: ResolvedOptions;
  /** Report footers (合计, TOTAL) and rows with none of the mapped columns filled, left out. */
  skippedRows: number;
}

/** One row's values by field (a class, not a closure per row: 100k rows make less garbage). */
class NormalisedRow implements Row {
  constructor(
    readonly line: number,
    private readonly values: string[],
    private readonly index: Map<string, number>,
  ) {}

  get(col: string): string {
    const i = this.index.get(col);
    return i === undefined ? '' : this.values[i];
  }
}

export function normaliseCell(type: FieldType, raw: string, o: ResolvedOptions): { value: string; ok: boolean } {
  switch (type) {
    case 'code':
      return { value: cleanCode(raw), ok: true };
    case 'text':
      return { value: cleanText(raw), ok: true };
    case 'amount': {
      if (raw.trim() === '') return { value: '', ok: true };
      const v = normaliseAmount(raw, o.decimal);
      return v === null ? { value: cleanText(raw), ok: false } : { value: v, ok: true };
    }
    case 'date': {
      if (raw.trim() === '') return { value: '', ok: true };
      const v = normaliseDate(raw, o.dateOrder, o.date1904);
      return v === null ? { value: cleanText(raw), ok: false } : { value: v, ok: true };
    }
    case 'terms': {
      if (raw.trim() === '') return { value: '', ok: true };
      const v = normaliseTerms(raw);
      return v === null ? { value: cleanText(raw), ok: false } : { value: v, ok: true };
    }
    case 'currency':
      return { value: normaliseCurrency(raw), ok: true };
  }
}

function columnValues(rows: TableRow[], cols: (number | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const c of cols) {
    if (c === null || c === undefined) continue;
    for (const r of rows) {
      const v = r.cells[c];
      if (v) out.push(v);
    }
  }
  return out;
}

/** Fills in the date order and decimal mark from the data where the user left them open. */
export function resolveOptions(
  body: TableRow[],
  mapping: Mapping,
  chosen: ValueOptions,
  defaults: { dateOrder?: 'dmy' | 'mdy'; date1904: boolean },
): ResolvedOptions {
  const dateCols = Object.keys(mapping).filter((f) => FIELD_TYPES[f] === 'date').map((f) => mapping[f]);
  const amountCols = Object.keys(mapping).filter((f) => FIELD_TYPES[f] === 'amount').map((f) => mapping[f]);
  const detected = detectDateOrder(columnValues(body, dateCols));
  const auto = detected === 'dmy' || detected === 'mdy' ? detected : defaults.dateOrder;
  return {
    dateOrder: chosen.dateOrder ?? auto ?? 'dmy',
    dateOrderDetected: detected,
    decimal: chosen.decimal ?? detectDecimal(columnValues(body, amountCols)),
    date1904: chosen.date1904 ?? defaults.date1904,
  };
}

/**
 * Rows of the table below the header, read through the mapping. Text files keep their strict
 * rule: a row with a different number of cells than the header is reported and left out (an
 * unquoted "1,234.00" would otherwise shift every column after it).
 */
export function normaliseRows(
  kind: ImportKind,
  format: 'csv' | 'xlsx',
  header: TableRow,
  body: TableRow[],
  mapping: Mapping,
  options: ResolvedOptions,
  ambiguityIsError: boolean,
): NormalisedRows {
  const problems: ImportProblem[] = [];
  const fields = fieldsOf(kind).filter((f) => mapping[f] !== null && mapping[f] !== undefined);
  if (ambiguityIsError && options.dateOrderDetected === 'ambiguous') {
    const col = fields.find((f) => FIELD_TYPES[f] === 'date') ?? 'date';
    problems.push({ line: header.line, column: col, key: 'error.dateOrderAmbiguous', params: { field: col } });
  }
  const index = new Map(fields.map((f, i) => [f, i]));
  const cols = fields.map((f) => mapping[f]!);
  const types = fields.map((f) => FIELD_TYPES[f] ?? 'text');
  const keyField = fields.find((f) => f === 'code' || f === 'number' || f === 'reference');
  const keyAt = keyField ? index.get(keyField)! : -1;
  const width = header.cells.length;
  const rows: Row[] = [];
  let skippedRows = 0;
  for (const r of body) {
    if (format === 'csv' && r.cells.length !== width && !(r.cells.length > width && r.cells.slice(width).every((c) => c.trim() === ''))) {
      problems.push({ line: r.line, column: '', key: 'error.csvColumns', params: { expected: width, found: r.cells.length } });
      continue;
    }
    const values = new Array<string>(cols.length);
    let filled = false;
    for (let i = 0; i < cols.length; i++) {
      const raw = r.cells[cols[i]] ?? '';
      if (raw !== '') filled = true;
      values[i] = normaliseCell(types[i], raw, options).value;
    }
    if (!filled || (isTotalRow(r.cells) && (keyAt < 0 || values[keyAt] === '' || isTotalText(values[keyAt])))) {
      skippedRows++;
      continue;
    }
    rows.push(new NormalisedRow(r.line, values, index));
  }
  return { rows, problems, options, skippedRows };
}
