/** `arw ratings`, `arw credit check|review` and `arw invoice` (a delivery the hold refuses), in-process. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../electron/cli/arw';
import { openLedger } from '../../electron/db/open';
import { tempLedger } from '../helpers';
import { AS_OF, partialPayer, volumeDropper } from './fixture';

let file: string;
let stderr: string[];

beforeEach(async () => {
  const ledger = await tempLedger();
  file = ledger.file;
  await partialPayer(ledger);
  await volumeDropper(ledger);
  await ledger.close();
  stderr = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    stderr.push(String(s));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

async function arw(...args: string[]) {
  let out = '';
  const code = await run([...args, '--ledger', file], (s) => (out += s));
  return { code, out, err: stderr.splice(0).join('') };
}

describe('arw credit commands', () => {
  it('ratings as JSON and CSV, with grades, holds and explanations', async () => {
    const json = await arw('ratings', '--as-of', AS_OF, '--lang', 'en');
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.out).rows;
    expect(rows.map((r: { customer_code: string; grade: string; score: number; hold: string }) => [r.customer_code, r.grade, r.score, r.hold])).toEqual([
      ['P', 'D', 49, 'block'],
      ['V', 'A', 90, ''],
    ]);
    expect(rows[0]).toMatchObject({ exposure: '2000.00', credit_limit: '10000.00', utilisation_pct: 20, overdue: '2000.00', oldest_overdue_days: 90 });
    expect(rows[0].factors.daysLate).toEqual({ points: 14, explanation: 'paid 43 days after the due date on average over 12 months (unpaid invoices counted to date): −14' });
    expect(rows[0].hold_reasons).toEqual(['invoice I3 is 90 days overdue, and the policy stops deliveries beyond 60 days (2,000.00 overdue in all)']);

    const csv = await arw('ratings', '--as-of', AS_OF, '--format', 'csv');
    const [head, p] = csv.out.trim().split('\n');
    expect(head.split(',').slice(0, 8)).toEqual(['customer_code', 'customer_name', 'salesperson', 'currency', 'grade', 'computed_grade', 'manual_grade', 'score']);
    expect(head).toContain('points_daysLate');
    expect(p.startsWith('P,Customer P,,CNY,D,D,false,49,')).toBe(true);
    expect((await arw('ratings', '--format', 'xml')).code).toBe(2);
  });

  it('credit check exits 3 on hold; the delivery is refused until an override reason is given', async () => {
    const check = await arw('credit', 'check', '--customer', 'P', '--amount', '100', '--date', AS_OF, '--lang', 'en');
    expect(check.code).toBe(3);
    expect(check.out).toContain('Deliveries blocked: invoice I3 is 90 days overdue');
    expect((await arw('credit', 'check', '--customer', 'V', '--amount', '100', '--date', AS_OF)).code).toBe(0);

    const refused = await arw('invoice', '--customer', 'P', '--number', 'I4', '--amount', '500', '--date', AS_OF, '--lang', 'zh');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('信用控制拒绝发货：发票 I3 已逾期 90 天');
    const passed = await arw('invoice', '--customer', 'P', '--number', 'I4', '--amount', '500', '--date', AS_OF, '--override-reason', 'Paid by cheque, director approved', '--lang', 'en');
    expect(passed).toMatchObject({ code: 0, out: 'Posted I4 (credit hold overridden: Paid by cheque, director approved)\n' });
    const ledger = await openLedger(file);
    const o = await ledger.db.selectFrom('credit_overrides').selectAll().executeTakeFirstOrThrow();
    expect([o.reference, o.reason, o.amount]).toEqual(['I4', 'Paid by cheque, director approved', 50000]);
    await ledger.close();
  });

  it('credit review stores ratings and schedules the next review by grade', async () => {
    const r = await arw('credit', 'review', '--as-of', AS_OF, '--lang', 'en');
    expect(r).toMatchObject({ code: 0, out: `Reviewed 2 customers as of ${AS_OF}; 0 changed grade\n` });
    expect((await arw('credit', 'review', '--as-of', AS_OF)).out).toContain('Reviewed 0 customers');
    const ledger = await openLedger(file);
    const profiles = await ledger.db.selectFrom('credit_profiles').select(['customer_id', 'last_review', 'next_review']).orderBy('customer_id').execute();
    // D → monthly (月评), A → yearly (年审).
    expect(profiles).toEqual([
      { customer_id: 1, last_review: AS_OF, next_review: '2026-07-29' },
      { customer_id: 2, last_review: AS_OF, next_review: '2027-06-29' },
    ]);
    await ledger.close();
  });
});
