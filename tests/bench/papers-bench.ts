/**
 * Papers bench: the month-end statement batch for a ledger's customers (target: 2,000 statements
 * with the CJK font in at most 60 s on a 2-core machine, using both cores, memory flat).
 *   npx tsx tests/bench/papers-bench.ts [LEDGER] [--month YYYY-MM] [--workers N]
 * Without LEDGER a demo ledger of 2,000 customers is built first (takes a minute).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openLedger } from '../../electron/db/open';
import { customersForMonth, runStatementBatch } from '../../electron/papers/batch';
import { generateDemo } from '../../electron/services/demo';
import { createLedger } from '../../electron/services/ledger';

/** The latest month with documents in the ledger. */
async function lastMonth(file: string): Promise<string> {
  const ledger = await openLedger(file, { readonly: true });
  try {
    const r = await ledger.db.selectFrom('documents').select((eb) => eb.fn.max('date').as('d')).executeTakeFirst();
    return String(r?.d ?? '').slice(0, 7);
  } finally {
    await ledger.close();
  }
}

/**
 * Runs the batch on a copy of `ledgerFile` (the bench ledger is not changed) and reports wall time
 * per statement and the process's peak RSS (worker threads included), sampled every 50 ms.
 */
export async function benchStatements(ledgerFile: string, opts: { month?: string; workers?: number } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-papers-bench-'));
  const copy = path.join(dir, 'ledger.arw');
  {
    // A consistent copy even while the source has a WAL: VACUUM INTO through the same driver.
    const src = await openLedger(ledgerFile, { readonly: true });
    src.sqlite.prepare('vacuum into ?').run(copy);
    await src.close();
  }
  const month = opts.month ?? (await lastMonth(copy));
  const ledger = await openLedger(copy);
  // What this process already held (a bench that built the ledger first keeps some of it).
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const customers = (await customersForMonth(ledger.db, month)).length;
    const cpu0 = process.cpuUsage();
    // RSS at each tenth of the run: flat when memory is bounded, rising when something leaks.
    const rssByTenth: number[] = [];
    const res = await runStatementBatch(ledger.db, {
      month,
      outDir: path.join(dir, 'out'),
      workers: opts.workers,
      actor: 'bench',
      onProgress: (p) => {
        if (p.done * 10 >= (rssByTenth.length + 1) * p.total) rssByTenth.push(Math.round(process.memoryUsage().rss / 1e6));
      },
    });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const combinedBytes = res.combinedFile ? fs.statSync(res.combinedFile).size : 0;
    return {
      month,
      customers_in_scope: customers,
      statements: res.done,
      pages: res.pages,
      workers: opts.workers ?? Math.min(4, os.availableParallelism?.() ?? os.cpus().length),
      total_ms: res.elapsedMs,
      ms_per_statement: Math.round((res.elapsedMs / Math.max(1, res.done)) * 10) / 10,
      target_ms_for_2000: 60_000,
      projected_ms_for_2000: Math.round((res.elapsedMs / Math.max(1, res.done)) * 2000),
      // CPU time of all threads: what the batch costs whatever else the machine is doing.
      cpu_ms_per_statement: Math.round((cpuMs / Math.max(1, res.done)) * 10) / 10,
      cpu_bound_ms_for_2000_on_this_machine: Math.round((cpuMs / Math.max(1, res.done) / Math.min(os.cpus().length, (opts.workers ?? 2) + 1)) * 2000),
      rss_before_mb: Math.round(rssBefore / 1e6),
      peak_rss_mb: Math.round(peakRss / 1e6),
      rss_mb_by_tenth: rssByTenth,
      combined_pdf_mb: Math.round(combinedBytes / 1e5) / 10,
      missing_glyphs: res.missingGlyphs,
    };
  } finally {
    clearInterval(sampler);
    await ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { month: { type: 'string' }, workers: { type: 'string' }, invoices: { type: 'string' } } });
  let file = positionals[0];
  let tmp: string | null = null;
  if (!file) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-papers-ledger-'));
    file = path.join(tmp, 'demo.arw');
    const ledger = await createLedger(file, '示例贸易有限公司 Demo Trading Co.', 'CNY');
    process.stderr.write('building a demo ledger of 2,000 customers…\n');
    await generateDemo(ledger, { customers: 2000, invoices: Number(values.invoices ?? 60_000), seed: 42 });
    await ledger.close();
  }
  const result = await benchStatements(file, { month: values.month, workers: values.workers ? Number(values.workers) : undefined });
  console.log(JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version, load: os.loadavg().map((l) => Math.round(l * 10) / 10) }, statements: result }, null, 2));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

if (process.argv[1] && /papers-bench\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
