/**
 * Import wizard operations. A file goes to main in parts ('import-upload', base64, so a 50 MB
 * workbook fits the browser-mode body limit), then is previewed with any encoding, sheet, header
 * row and mapping, checked (dry run: counts and every problem row), and committed in one
 * transaction. A long check or commit reports its progress and can be cancelled.
 */
import { z } from 'zod';
import { isoDate, op } from './common';

export const IMPORT_KINDS = ['customers', 'invoices', 'receipts', 'credit-notes', 'opening-balances'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];
export const IMPORT_ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be', 'big5', 'shift_jis', 'windows-1252'] as const;
export const IMPORT_MAX_MB = 50;
/** Raw bytes per upload part (base64 makes it 4/3 larger on the wire). */
export const IMPORT_PART_BYTES = 4 * 1024 * 1024;

const uploadId = z.string().regex(/^[a-f0-9]{32}$/, 'error.importExpired');

const upload = z.object({
  uploadId: uploadId.optional(),
  fileName: z.string().trim().min(1).max(260),
  part: z.number().int().min(0).max(100),
  dataBase64: z.string().max(Math.ceil(IMPORT_PART_BYTES / 3) * 4 + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'error.invalidField'),
  last: z.boolean(),
});

export const importSettings = z.object({
  uploadId,
  kind: z.enum(IMPORT_KINDS),
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  sheet: z.number().int().min(0).max(1000).optional(),
  headerRow: z.number().int().min(0).max(50).optional(),
  presetId: z.string().max(60).optional(),
  mapping: z.record(z.string().max(40), z.number().int().min(0).max(10_000).nullable()).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  decimal: z.enum(['.', ',']).optional(),
  date1904: z.boolean().optional(),
  cutover: isoDate.optional(),
});
const byUpload = z.object({ uploadId });

export interface ImportCell {
  raw: string;
  value: string;
  ok: boolean;
}

export interface ImportPreview {
  fileName: string;
  bytes: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  detectedEncoding: string | null;
  encodingConfident: boolean;
  /** Characters that did not decode: a sign the encoding is wrong. */
  badChars: number;
  delimiter: string | null;
  sheets: string[];
  sheet: number;
  /** The first rows of the file as they are, to pick the header row and judge the encoding. */
  topRows: { line: number; cells: string[] }[];
  headerRow: number;
  header: string[];
  rowCount: number;
  fields: { name: string; type: string; needed: boolean }[];
  mapping: Record<string, number | null>;
  presetId: string;
  presets: { id: string; source: string }[];
  remembered: boolean;
  options: { dateOrder: 'dmy' | 'mdy'; dateOrderDetected: 'dmy' | 'mdy' | 'ambiguous' | null; decimal: '.' | ','; date1904: boolean };
  /** The first rows read through the mapping: per field, the cell as typed and as understood. */
  sample: { line: number; cells: Record<string, ImportCell> }[];
}

export interface ImportProblemView {
  line: number;
  column: string;
  key: string;
  params: Record<string, string | number>;
}

export interface ImportResult {
  kind: ImportKindName;
  dryRun: boolean;
  rows: number;
  created: number;
  skipped: number;
  allocations: number;
  settled: number;
  ignored: number;
  /** Net amount per currency as decimal strings. */
  totals: Record<string, string>;
  cancelled: boolean;
  /** Every problem up to a cap, and how many there are. */
  problems: ImportProblemView[];
  problemCount: number;
}

export interface ImportProgressView {
  running: boolean;
  phase: 'reading' | 'checking' | 'writing' | 'saving' | null;
  done: number;
  total: number;
}

export const importOps = {
  'import-upload': op<typeof upload, { uploadId: string; bytes: number }>(upload),
  'import-preview': op<typeof importSettings, ImportPreview>(importSettings),
  'import-dry-run': op<typeof importSettings, ImportResult>(importSettings),
  'import-commit': op<typeof importSettings, ImportResult>(importSettings),
  'import-progress': op<typeof byUpload, ImportProgressView>(byUpload),
  'import-cancel': op<typeof byUpload, { cancelled: boolean }>(byUpload),
  'import-discard': op<typeof byUpload, { discarded: boolean }>(byUpload),
};
