/**
 * The import wizard on a large file, through the same API the renderer calls: upload (4 MB parts),
 * preview, dry run, commit. The file is what a Chinese office exports: GBK, Chinese headers,
 * "1,234.56" amounts, 2026/3/1 dates. 2,000 customers are imported first (not timed).
 *   npx tsx tests/bench/import-bench.ts [--rows 100000] [--xlsx]
 * `benchImportWizard` is exported for `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import { IMPORT_PART_BYTES, type ImportPreview, type ImportResult } from '../../shared/api/imports';
import { encodeGbk, makeXlsx } from '../import/fixtures/make-fixtures';

async function ok<T>(p: Promise<unknown>): Promise<T> {
  const r = (await p) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

async function upload(ctx: AppContext, fileName: string, bytes: Uint8Array): Promise<string> {
  let uploadId: string | undefined;
  const parts = Math.max(1, Math.ceil(bytes.length / IMPORT_PART_BYTES));
  for (let i = 0; i < parts; i++) {
    const chunk = Buffer.from(bytes.subarray(i * IMPORT_PART_BYTES, (i + 1) * IMPORT_PART_BYTES));
    uploadId = (await ok<{ uploadId: string }>(dispatch(ctx, 'import-upload', { uploadId, fileName, part: i, dataBase64: chunk.toString('base64'), last: i === parts - 1 }))).uploadId;
  }
  return uploadId!;
}

function invoiceRows(rows: number, customers: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const c = (i * 7919) % customers;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const cents = 10_000 + ((i * 104_729) % 9_000_000);
    const amount = `${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
    out.push([`FP${String(i + 1).padStart(8, '0')}`, `K${String(c + 1).padStart(5, '0')}`, `2025/${month}/${day}`, amount]);
  }
  return out;
}

/**
 * A fixed allocation-heavy loop (100k objects and map entries, like a posting session's own
 * work): about 30 ms on an idle laptop. Divide the figures by how much slower it ran here.
 */
function calibrate(): number {
  const t = performance.now();
  const rows: object[] = [];
  const index = new Map<number, object>();
  for (let i = 0; i < 100_000; i++) {
    const row = { id: i, customer: i % 2000, number: `FP${i}`, date: '2025-01-01', due: '2025-02-01', amount: 1000 + i, open: 1000 + i, allocs: [] as number[], dirty: true };
    rows.push(row);
    index.set(i, row);
  }
  return Math.round(performance.now() - t);
}

export interface ImportBenchResult {
  rows: number;
  format: 'gbk-csv' | 'xlsx';
  file_bytes: number;
  upload_ms: number;
  preview_ms: number;
  dry_run_ms: number;
  commit_ms: number;
  /** CPU time of this process (user + system) for the check and the import: the figure that a busy machine does not inflate. */
  dry_run_cpu_ms: number;
  commit_cpu_ms: number;
  load_average: number;
  calibration_ms: number;
  created: number;
  target_ms: number;
}

export async function benchImportWizard(opts: { rows?: number; xlsx?: boolean } = {}): Promise<ImportBenchResult> {
  const rows = opts.rows ?? 100_000;
  const customers = 2_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-import-bench-'));
  const ctx = await createContext({ mode: 'web', version: 'bench', dataDir: dir });
  try {
    await ok(dispatch(ctx, 'ledger-create', { companyName: 'Bench Co.', currency: 'CNY' }));
    const custCsv = ['code,name,payment_terms_days,credit_limit,currency', ...Array.from({ length: customers }, (_, i) => `K${String(i + 1).padStart(5, '0')},客户${i + 1},30,0,CNY`)].join('\n');
    await ok(dispatch(ctx, 'import-commit', { uploadId: await upload(ctx, 'c.csv', new Uint8Array(Buffer.from(custCsv))), kind: 'customers' }));

    const header = ['发票号', '客户编码', '开票日期', '价税合计'];
    const body = invoiceRows(rows, customers);
    const bytes = opts.xlsx
      ? makeXlsx([{ name: '发票', rows: [header, ...body] }])
      : encodeGbk([header, ...body].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n') + '\r\n');
    const t0 = performance.now();
    const id = await upload(ctx, opts.xlsx ? 'invoices.xlsx' : 'invoices.csv', bytes);
    const t1 = performance.now();
    const preview = await ok<ImportPreview>(dispatch(ctx, 'import-preview', { uploadId: id, kind: 'invoices' }));
    const t2 = performance.now();
    const settings = { uploadId: id, kind: 'invoices', mapping: preview.mapping, encoding: preview.encoding ?? undefined } as const;
    const c2 = process.cpuUsage();
    const dry = await ok<ImportResult>(dispatch(ctx, 'import-dry-run', settings));
    const t3 = performance.now();
    const c3 = process.cpuUsage();
    const done = await ok<ImportResult>(dispatch(ctx, 'import-commit', settings));
    const t4 = performance.now();
    const c4 = process.cpuUsage();
    const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => Math.round((b.user - a.user + b.system - a.system) / 1000);
    if (dry.problemCount || done.problemCount || done.created !== rows) throw new Error(`import failed: ${JSON.stringify(done.problems.slice(0, 3))}`);
    return {
      rows,
      format: opts.xlsx ? 'xlsx' : 'gbk-csv',
      file_bytes: bytes.length,
      upload_ms: Math.round(t1 - t0),
      preview_ms: Math.round(t2 - t1),
      dry_run_ms: Math.round(t3 - t2),
      commit_ms: Math.round(t4 - t3),
      dry_run_cpu_ms: cpuMs(c2, c3),
      commit_cpu_ms: cpuMs(c3, c4),
      load_average: Math.round(os.loadavg()[0] * 10) / 10,
      calibration_ms: calibrate(),
      created: done.created,
      target_ms: 5_000,
    };
  } finally {
    await ctx.ledger?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, xlsx: { type: 'boolean' } } });
  benchImportWizard({ rows: values.rows ? Number(values.rows) : undefined, xlsx: values.xlsx }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
