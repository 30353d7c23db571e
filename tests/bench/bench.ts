/**
 * `npm run bench`: builds demo ledgers of 10k and 500k invoices through the real CSV import and
 * prints timings as JSON. Later features add their figures here.
 *   npm run bench                 both sizes
 *   npm run bench -- --only 10k   one part: 10k, 500k, import (the wizard's 100k-row import) or grid
 *                                 (the aging grid in Chromium with >100,000 open invoices; needs
 *                                 `npm run build:renderer` first) or worklist (the collections work list
 *                                 through dispatch on a 2,000-customer, 200k-invoice demo ledger)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../../shared/dates';
import { importCsv } from '../../electron/import/import';
import type { ImportKind } from '../../electron/import/formats';
import { agingReport } from '../../electron/services/aging';
import { checkLedger } from '../../electron/services/check';
import { sealStats } from '../../electron/integrity/chain';
import { verifyLedger } from '../../electron/integrity/verify';
import { generateDemoData } from '../../electron/services/demo-data';
import { createLedger } from '../../electron/services/ledger';
import { statementData } from '../../electron/services/statement';
import { rng } from '../../electron/services/demo-data';
import { benchRatings } from './credit-bench';
import { benchImportWizard } from './import-bench';
import { benchStatements } from './papers-bench';
import { benchGrid } from './grid-bench';
import { benchWorklist } from './worklist-bench';

const SIZES = {
  '10k': { customers: 200, invoices: 10_000, receipts: 8_000 },
  '500k': { customers: 2_000, invoices: 500_000, receipts: 400_000 },
} as const;
const END = '2026-10-31';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 100) / 100;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function benchSize(name: keyof typeof SIZES, dir: string) {
  const size = SIZES[name];
  const [data, genMs] = await timed(async () => generateDemoData({ ...size, seed: 42, endDate: END }));
  const files: [ImportKind, string][] = [
    ['customers', data.customersCsv],
    ['invoices', data.invoicesCsv],
    ['credit-notes', data.creditNotesCsv],
    ['receipts', data.receiptsCsv],
  ];
  for (const [kind, csv] of files) fs.writeFileSync(path.join(dir, `${name}-${kind}.csv`), csv);
  const ledgerFile = path.join(dir, `${name}.arw`);
  const ledger = await createLedger(ledgerFile, 'Bench Co.', 'CNY');
  const importMs: Record<string, number> = {};
  const sealBefore = sealStats.totalMs; // the tamper-evidence chain's share of the imports
  let peakRss = process.memoryUsage().rss;
  for (const [kind] of files) {
    const text = fs.readFileSync(path.join(dir, `${name}-${kind}.csv`), 'utf8');
    const [res, ms] = await timed(() => importCsv(ledger, kind, text, { fileName: `${kind}.csv`, actor: 'bench' }));
    if (res.problems.length) throw new Error(`${kind}: ${JSON.stringify(res.problems.slice(0, 3))}`);
    importMs[kind] = Math.round(ms);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const invoicesPlusReceiptsMs = importMs.invoices + importMs.receipts;
  const sealMs = sealStats.totalMs - sealBefore;

  const dates = [END, addDays(END, -200), addDays(END, -550), addDays(END, -900)];
  const aging: Record<string, { cold_ms: number; warm_median_ms: number; rows: number }> = {};
  for (const d of dates) {
    const [first, cold] = await timed(() => agingReport(ledger.db, d, 'customer'));
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await timed(() => agingReport(ledger.db, d, 'customer')))[1]);
    aging[d] = { cold_ms: Math.round(cold), warm_median_ms: median(warm), rows: first.rows.length };
  }
  const [byInvoice, byInvoiceMs] = await timed(() => agingReport(ledger.db, END, 'invoice'));

  const r = rng(7);
  const ids = (await ledger.db.selectFrom('customers').select('id').execute()).map((c) => c.id);
  const stmt: number[] = [];
  for (let i = 0; i < 200; i++) {
    const id = ids[Math.floor(r() * ids.length)];
    stmt.push((await timed(() => statementData(ledger.db, id, '2026-09')))[1]);
  }
  const [problems, checkMs] = await timed(() => checkLedger(ledger));
  const [verified, verifyMs] = await timed(() => verifyLedger(ledger));
  await ledger.close();
  // Figures of the later features, on the same ledger.
  const credit = await benchRatings(ledgerFile);
  const statements = await benchStatements(ledgerFile);
  return {
    credit,
    statements,
    size: name,
    counts: data.counts,
    generate_ms: Math.round(genMs),
    import_ms: importMs,
    import_invoices_plus_receipts_ms: invoicesPlusReceiptsMs,
    import_target_ms: 30_000,
    aging_by_customer: aging,
    aging_target_ms: 300,
    aging_by_invoice_ms: Math.round(byInvoiceMs),
    aging_by_invoice_rows: byInvoice.rows.length,
    statement_data_median_ms: median(stmt),
    statement_data_p95_ms: Math.round([...stmt].sort((a, b) => a - b)[Math.floor(stmt.length * 0.95)] * 100) / 100,
    statement_target_ms: 5,
    check_ms: Math.round(checkMs),
    check_problems: problems.length,
    integrity: { import_seal_ms: Math.round(sealMs), verify_ms: Math.round(verifyMs), verify_ok: verified.ok, seals: verified.seals },
    ledger_bytes: fs.statSync(ledgerFile).size,
    peak_rss_mb: Math.round(peakRss / 1e6),
  };
}

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean' } } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-bench-'));
  const names = (values.only ? [values.only] : Object.keys(SIZES)) as (keyof typeof SIZES)[];
  const results: unknown[] = [];
  if (!values.only || values.only === 'import') results.push({ import_wizard_100k: await benchImportWizard({ rows: 100_000 }) });
  for (const n of names.filter((x) => (x as string) !== 'import' && (x as string) !== 'grid' && (x as string) !== 'worklist')) {
    if (!(n in SIZES)) throw new Error(`unknown size ${n}`);
    process.stderr.write(`bench ${n}…\n`);
    results.push(await benchSize(n, dir));
    process.stderr.write(`bench ${n} done\n`);
  }
  if (!values.only || values.only === 'grid') {
    // 370,000 receipts leave more than 100,000 invoices open: the figure the grid issue names.
    process.stderr.write('bench grid…\n');
    results.push({ aging_grid_100k_open: await benchGrid({ receipts: '370000', keep: values.keep }) });
  }
  if (!values.only || values.only === 'worklist') {
    process.stderr.write('bench worklist…\n');
    results.push({ collections_worklist_200k: await benchWorklist({ keep: values.keep }) });
  }
  console.log(JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2));
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  else process.stderr.write(`kept ${dir}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
