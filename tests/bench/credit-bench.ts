/**
 * Credit bench: rating every customer of a ledger (target: 2,000 customers / 500,000 invoices in
 * at most 2 s), and one customer's credit check as run on every delivery.
 *   npx tsx tests/bench/credit-bench.ts /tmp/big.arw
 */
import { addDays, todayIso } from '../../shared/dates';
import { openLedger } from '../../electron/db/open';
import { creditCheck } from '../../electron/credit/check';
import { syncCreditCache } from '../../electron/credit/cache';
import { rateAll } from '../../electron/credit/ratings';
import { getCreditSettings } from '../../electron/credit/store';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
}

export async function benchRatings(ledgerFile: string, asOf?: string) {
  const ledger = await openLedger(ledgerFile);
  try {
    const last = await ledger.db.selectFrom('documents').select((eb) => eb.fn.max('date').as('d')).executeTakeFirst();
    const date = asOf ?? (last?.d as string | undefined) ?? todayIso();
    // The running totals (credit_cum) are derived state, built once and then caught up lazily.
    const tb = performance.now();
    const cache = await syncCreditCache(ledger.db, (await getCreditSettings(ledger.db)).graceDays);
    const cacheMs = performance.now() - tb;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const first = await rateAll(ledger.db, date);
    const cold = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await rateAll(ledger.db, date);
      warm.push(performance.now() - t);
    }
    const t1 = performance.now();
    await rateAll(ledger.db, addDays(date, -400));
    const past = performance.now() - t1;
    const ids = first.rows.slice(0, 50).map((r) => r.customerId);
    const checks: number[] = [];
    for (const id of ids) {
      const t = performance.now();
      await creditCheck(ledger.db, id, 100_00, { asOf: date });
      checks.push(performance.now() - t);
    }
    const grades: Record<string, number> = {};
    for (const r of first.rows) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
    return {
      as_of: date,
      customers: first.rows.length,
      cache_sync: cache.mode,
      cache_sync_ms: Math.round(cacheMs),
      ratings_cold_ms: Math.round(cold),
      ratings_cold_cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
      ratings_warm_median_ms: median(warm),
      ratings_400_days_earlier_ms: Math.round(past),
      ratings_target_ms: 2000,
      credit_check_median_ms: median(checks),
      grades,
      on_hold: first.rows.filter((r) => r.hold).length,
    };
  } finally {
    await ledger.close();
  }
}

const isMain = process.argv[1] && /credit-bench\.ts$/.test(process.argv[1]);
if (isMain) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx tests/bench/credit-bench.ts LEDGER [AS_OF]');
    process.exit(2);
  }
  benchRatings(file, process.argv[3]).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
