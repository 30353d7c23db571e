/**
 * The import pipeline, shared by `arw import` and the wizard:
 *   bytes → decode (detected or chosen encoding) → table (CSV/TSV or XLSX) → header row →
 *   mapping (remembered, preset, or the user's) → normalised values → validated records → posting.
 * Everything up to the normalised rows is pure and synchronous; import.ts does the rest.
 */
import crypto from 'node:crypto';
import type { Ledger } from '../db/open';
import { parseCsv, detectDelimiter } from './csv';
import type { Encoding } from './decode';
import { COLUMNS, MAY_BE_ABSENT, fieldsOf, type ImportKind } from './formats';
import { importRows, type ImportOptions, type ImportSummary } from './import';
import { applyPreset, loadRemembered, mappingByName, resolveRemembered, saveRemembered, sourceKey, suggestMapping, type Mapping, type Remembered, type ValueOptions } from './mapping';
import { normaliseRows, resolveOptions, type ImportProblem, type NormalisedRows } from './normalise';
import { findPreset, headerKey, presetsFor, type Preset } from './presets';
import { guessHeaderRow, readTable, type Table, type TableRow } from './table';

/** Fields an import cannot do without; the others have defaults or may be absent. */
export const NEEDED: Record<ImportKind, string[]> = {
  customers: ['code', 'name'],
  invoices: ['number', 'customer_code', 'date', 'amount'],
  receipts: ['reference', 'customer_code', 'date', 'amount'],
  'credit-notes': ['reference', 'customer_code', 'date', 'amount'],
  'opening-balances': ['number', 'customer_code', 'date', 'amount'],
};

export interface PrepareOptions extends ValueOptions {
  encoding?: Encoding;
  delimiter?: string;
  sheet?: number;
  /** Index (in the table's rows) of the header row; guessed when absent. */
  headerRow?: number;
  presetId?: string;
  /** The user's mapping; when absent, remembered or suggested. */
  mapping?: Mapping;
  /** Only the header, mapping and options are wanted (the wizard's preview): rows are not read. */
  previewOnly?: boolean;
}

export interface Prepared extends NormalisedRows {
  table: Table;
  headerRow: number;
  header: string[];
  body: TableRow[];
  mapping: Mapping;
  preset: Preset;
  /** The mapping came from an earlier import of the same source. */
  remembered: boolean;
  sourceKey: string;
  unmapped: string[];
}

function knownHeaders(kind: ImportKind): Set<string> {
  const names = new Set<string>();
  for (const p of presetsFor(kind)) for (const list of Object.values(p.columns)) for (const n of list ?? []) names.add(headerKey(n));
  return names;
}

/** Table → prepared rows. `remembered` is the stored mapping for this source, if any. */
export function prepareTable(kind: ImportKind, table: Table, opts: PrepareOptions, remembered?: Remembered | null): Prepared {
  const headerRow = Math.min(opts.headerRow ?? guessHeaderRow(table.rows, knownHeaders(kind)), Math.max(0, table.rows.length - 1));
  const headerLine = table.rows[headerRow] ?? { line: 1, cells: [] };
  const header = headerLine.cells.map((c) => c.trim());
  const body = table.rows.slice(headerRow + 1);
  const sample = body.slice(0, 20).map((r) => r.cells);
  const key = sourceKey(kind, header);

  let mapping: Mapping | null = opts.mapping ?? null;
  let preset = findPreset(kind, opts.presetId);
  let fromMemory = false;
  if (!mapping && !preset && remembered) {
    mapping = resolveRemembered(kind, remembered, header);
    if (mapping) {
      preset = findPreset(kind, remembered.presetId);
      fromMemory = true;
    }
  }
  if (!mapping) {
    if (preset) mapping = applyPreset(preset, header, sample);
    else ({ preset, mapping } = suggestMapping(kind, header, sample));
  }
  preset ??= presetsFor(kind)[0];
  for (const f of fieldsOf(kind)) if (mapping[f] === undefined || (mapping[f] ?? 0) >= header.length) mapping[f] = null;

  const problems: ImportProblem[] = table.errors.map((e) => ({ line: e.line, column: '', key: e.key, params: {} }));
  if (table.rows.length === 0) problems.push({ line: 1, column: '', key: 'error.csvHeader', params: { column: COLUMNS[kind].required[0] } });
  // A canonical file keeps the CLI's contract: every listed column present in the header.
  const strict = preset.source === 'canonical' && !opts.mapping && !fromMemory;
  const needed = strict ? COLUMNS[kind].required.filter((c) => !MAY_BE_ABSENT.has(c)) : NEEDED[kind];
  const missing = table.rows.length ? needed.filter((f) => mapping![f] === null) : [];
  for (const m of missing) problems.push({ line: headerLine.line, column: m, key: 'error.csvHeader', params: { column: m } });

  const chosen: ValueOptions = { ...(fromMemory ? remembered!.options : {}), ...stripUndefined({ dateOrder: opts.dateOrder, decimal: opts.decimal, date1904: opts.date1904 }) };
  const options = resolveOptions(body, mapping, chosen, { dateOrder: preset.dateOrder, date1904: table.date1904 });
  const unmapped = fieldsOf(kind).filter((f) => mapping![f] === null);
  const base = { table, headerRow, header, body, mapping, preset, remembered: fromMemory, sourceKey: key, unmapped };
  if (missing.length || table.rows.length === 0 || opts.previewOnly) return { ...base, rows: [], problems, options, skippedRows: 0 };
  const ambiguityIsError = chosen.dateOrder === undefined && preset.dateOrder === undefined;
  const normalised = normaliseRows(kind, table.format, headerLine, body, mapping, options, ambiguityIsError);
  return { ...base, ...normalised, problems: [...problems, ...normalised.problems] };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A text already decoded (tests, the demo, the bench): delimiter detected unless given. */
export function prepareText(kind: ImportKind, text: string, opts: PrepareOptions = {}): Prepared {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  const table: Table = { format: 'csv', detected: null, encoding: 'utf-8', delimiter, badChars: 0, sheets: [], sheet: 0, date1904: false, rows: parsed.records, errors: parsed.errors };
  return prepareTable(kind, table, opts);
}

export interface FileImportOptions extends ImportOptions, PrepareOptions {}

export interface FileImportResult extends ImportSummary {
  format: Table['format'];
  encoding: Encoding | null;
  delimiter: string | null;
  presetId: string;
}

/**
 * A whole file: read, map (remembered for this ledger and source, else suggested), normalise,
 * validate and post. After a successful import (not a dry run) the mapping is remembered.
 */
/** Table → prepared rows, with the mapping remembered for this source in this ledger (unless the caller chose one). */
export async function prepareWithMemory(ledger: Ledger, kind: ImportKind, table: Table, opts: PrepareOptions): Promise<Prepared> {
  const headerRow = opts.headerRow ?? guessHeaderRow(table.rows, knownHeaders(kind));
  const key = sourceKey(kind, (table.rows[headerRow]?.cells ?? []).map((c) => c.trim()));
  const remembered = opts.mapping || opts.presetId ? null : await loadRemembered(ledger.db, key);
  return prepareTable(kind, table, { ...opts, headerRow }, remembered);
}

/**
 * `table` and `prepared` let the wizard reuse what it already read for the same choices (a check
 * right before the import); they must come from these bytes and options.
 */
export async function importFile(ledger: Ledger, kind: ImportKind, bytes: Uint8Array, opts: FileImportOptions, table?: Table, prepared?: Prepared): Promise<FileImportResult> {
  opts.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  table ??= readTable(bytes, opts);
  prepared ??= await prepareWithMemory(ledger, kind, table, opts);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const summary = await importRows(
    ledger,
    kind,
    prepared.rows,
    prepared.problems,
    { ...opts, sha256, unmapped: prepared.unmapped, repeatsPerLine: opts.repeatsPerLine ?? prepared.preset.repeatsPerLine },
    prepared.skippedRows,
  );
  if (!summary.dryRun && !summary.cancelled && summary.problems.length === 0) {
    const { dateOrder, decimal, date1904 } = prepared.options;
    await saveRemembered(ledger.db, prepared.sourceKey, {
      presetId: prepared.preset.id,
      columns: mappingByName(prepared.mapping, prepared.header),
      options: { dateOrder, decimal, date1904 },
      fileName: opts.fileName,
      usedAt: new Date().toISOString(),
    });
  }
  return { ...summary, format: table.format, encoding: table.encoding, delimiter: table.delimiter, presetId: prepared.preset.id };
}
