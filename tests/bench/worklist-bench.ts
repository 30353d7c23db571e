/**
 * The collections work list on a large ledger, timed through `dispatch` ('worklist-get') as the
 * app calls it, on the ledger's last day and on earlier dates; printed as JSON.
 *
 *   npm run cli -- demo --ledger /tmp/wl.arw --customers 2000 --invoices 200000
 *   npx tsx tests/bench/worklist-bench.ts --ledger /tmp/wl.arw [--cases 200]
 *
 * Without --ledger it builds that demo ledger first. A ledger without collection cases gets some
 * (--cases N customers with the most overdue, each with a promise, half of them broken), so the
 * promise, next-action and limitation parts of the list have work to do.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addDays } from '../../shared/dates';
import type { Worklist } from '../../shared/api/collections-types';
import { createContext } from '../../electron/app/context';
import { dispatch } from '../../electron/api/dispatch';
import { guardOf } from '../../electron/backup/auto';
import { openCase, updateCase } from '../../electron/collections/cases';
import { recordPromise } from '../../electron/collections/promises';
import { openLedger } from '../../electron/db/open';
import { generateDemo } from '../../electron/services/demo';
import { createLedger } from '../../electron/services/ledger';

export interface WorklistBenchOptions {
  ledger?: string;
  cases?: string;
  keep?: boolean;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, Math.round((performance.now() - t) * 10) / 10];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Cases, promises and next actions for the customers owing the most overdue, as a collector's ledger has. */
async function addCollectionActivity(file: string, count: number, lastDay: string): Promise<number> {
  const ledger = await openLedger(file);
  try {
    const existing = await ledger.db.selectFrom('collection_cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) return Number(existing.n);
    const overdue = await ledger.db
      .selectFrom('open_items')
      .select((eb) => ['customer_id', eb.fn.sum<number>('open_amount').as('owed')])
      .where('side', '=', 1)
      .where('open_amount', '>', 0)
      .where('due_date', '<', lastDay)
      .groupBy('customer_id')
      .orderBy('owed', 'desc')
      .limit(count)
      .execute();
    let i = 0;
    for (const { customer_id } of overdue) {
      const opened = addDays(lastDay, -60);
      const caseId = await openCase(ledger.db, customer_id, { date: opened, owner: 'bench' });
      await updateCase(ledger.db, caseId, { debtorType: 'technical', temperament: 'cooperative', owner: 'bench', nextAction: 'call', nextActionDate: addDays(lastDay, -(i % 10)), interestRate: '', fees: '0' }, opened);
      // Half of the promises fall due before the last day (most of them broken), half on or after it.
      await recordPromise(ledger.db, caseId, { madeOn: opened, dueDate: addDays(lastDay, (i % 2 ? -1 : 1) * (i % 20)), amount: '1000.00', promisedBy: 'AP', how: 'written', note: '' });
      i++;
    }
    return i;
  } finally {
    await ledger.close();
  }
}

export async function benchWorklist(values: WorklistBenchOptions = {}): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arw-worklist-bench-'));
  let ledgerFile = values.ledger;
  let buildMs = 0;
  if (!ledgerFile) {
    ledgerFile = path.join(dir, 'wl.arw');
    const ledger = await createLedger(ledgerFile, 'Bench Co.', 'CNY');
    [, buildMs] = await timed(() => generateDemo(ledger, { customers: 2_000, invoices: 200_000, seed: 1 }));
    await ledger.close();
    process.stderr.write(`worklist bench: demo ledger built in ${buildMs} ms\n`);
  }
  const probe = await openLedger(ledgerFile, { readonly: true });
  const last = (await probe.db.selectFrom('documents').select((eb) => eb.fn.max('date').as('d')).executeTakeFirst())?.d as string;
  const counts = await probe.db
    .selectFrom('documents')
    .select((eb) => [eb.fn.countAll<number>().as('documents'), eb.fn.count<number>('customer_id').distinct().as('customers')])
    .executeTakeFirstOrThrow();
  await probe.close();
  const cases = await addCollectionActivity(ledgerFile, Number(values.cases ?? 200), last);

  const dataDir = path.join(dir, 'data');
  const ctx = await createContext({ mode: 'web', version: 'bench', dataDir, ledgerFile });
  const out: Record<string, unknown> = { ledger: ledgerFile, documents: Number(counts.documents), customers: Number(counts.customers), cases, build_ms: buildMs || undefined };
  try {
    const dates = { last_day: last, days_200_earlier: addDays(last, -200), days_550_earlier: addDays(last, -550) };
    for (const [name, date] of Object.entries(dates)) {
      const [first, cold] = await timed(() => dispatch(ctx, 'worklist-get', { date }));
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) runs.push((await timed(() => dispatch(ctx, 'worklist-get', { date })))[1]);
      const list = first.value as Worklist;
      const byKind: Record<string, number> = {};
      for (const it of list.items) byKind[it.kind] = (byKind[it.kind] ?? 0) + 1;
      out[name] = { date, items: list.items.length, by_kind: byKind, first_ms: cold, warm_median_ms: median(runs), runs_ms: runs, response_bytes: JSON.stringify(list).length };
    }
    out.target_ms = 1000;
  } finally {
    // No automatic backup of a bench ledger on close.
    if (ctx.ledger) await guardOf(ctx.ledger)!.closeQuietly();
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { ledger: { type: 'string' }, cases: { type: 'string' }, keep: { type: 'boolean' } } });
  benchWorklist(values)
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
