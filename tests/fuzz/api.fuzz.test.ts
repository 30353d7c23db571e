/**
 * Fuzzing the API boundary: every operation of the contract gets random and malformed payloads
 * (wrong types, hostile strings, huge values, prototype keys, nested junk, and objects shaped like
 * its request with plausible-but-wrong values). `dispatch` must never throw, must answer a typed
 * error or a valid (JSON-serialisable) result, never an internal error, and a rejected request
 * must leave the ledger byte for byte as it was.
 */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import { OP_NAMES, contract } from '../../shared/contract';
import { postInvoice, postPayment } from '../../electron/services/ledger';
import { addRate } from '../../electron/services/rates';
import { addCustomer, tempDir } from '../helpers';
import { verifyLedger } from '../../electron/integrity/verify';
import { anyValue, shapedLike } from './values';

const LIMIT_MS = Number(process.env.ARW_FUZZ_MS ?? 40_000);
const RUNS_PER_OP = Number(process.env.ARW_FUZZ_RUNS ?? 80);

let ctx: AppContext;
const stats = { inputs: 0, rejected: 0, accepted: 0, internal: [] as string[] };

function requestKeys(op: string): string[] {
  const schema = (contract as Record<string, { request: unknown }>)[op].request as { shape?: Record<string, unknown>; _zod?: { def?: { shape?: Record<string, unknown>; in?: { shape?: Record<string, unknown> } } } };
  const shape = schema.shape ?? schema._zod?.def?.shape ?? schema._zod?.def?.in?.shape ?? {};
  return Object.keys(shape);
}

/** Every row of every table, hashed: the ledger's content, not just its counts. */
function contentHash(): string {
  const sqlite = ctx.ledger!.sqlite;
  const h = crypto.createHash('sha256');
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  for (const t of tables) {
    h.update(`\u0001${t}\u0001`);
    const rows = (sqlite.prepare(`select * from "${t}"`).raw(true).all() as unknown[][]).map((row) => JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)));
    for (const r of rows.sort()) h.update(r);
  }
  return h.digest('hex');
}

beforeAll(async () => {
  ctx = await createContext({ mode: 'web', version: 'fuzz', dataDir: tempDir('arw-fuzz-') });
  await dispatch(ctx, 'ledger-create', { companyName: 'Fuzz Co.', currency: 'CNY' });
  const ledger = ctx.ledger!;
  await addCustomer(ledger, 'A');
  await addCustomer(ledger, 'B', { currency: 'USD' });
  // A document in another currency is posted at a recorded rate (issue 8): without one it is refused.
  await addRate(ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
  await postInvoice(ledger.db, { customerId: 1, number: 'I-1', date: '2026-01-05', amount: '100.00' });
  await postInvoice(ledger.db, { customerId: 2, number: 'I-2', date: '2026-01-06', amount: '50.00' });
  await postPayment(ledger.db, { customerId: 1, kind: 'receipt', reference: 'R-1', date: '2026-01-20', amount: '30.00' });
});

afterAll(async () => {
  console.log(`api fuzz: ${stats.inputs} requests over ${OP_NAMES.length} operations, ${stats.rejected} rejected, ${stats.accepted} accepted`);
  await ctx.ledger?.close();
});

describe('API fuzz', () => {
  it('answers payloads that make the validator itself throw with a typed error (found by this fuzz)', async () => {
    // zod's length checks read `length` off a non-array and coerce it: [{__proto__: null}] has no toString.
    const hostile = { payInvoiceIds: { length: [Object.create(null)] } };
    for (const op of OP_NAMES) {
      const res = await dispatch(ctx, op, hostile);
      expect(typeof res.ok, op).toBe('boolean');
      if (!res.ok) expect(res.error.key, op).toMatch(/^error\.[A-Za-z]+$/);
    }
    const direct = await dispatch(ctx, 'credit-whatif', { customerId: 1, payInvoiceIds: { length: [Object.create(null)] } });
    expect(direct).toMatchObject({ ok: false, error: { key: 'error.invalidField' } });
  });

  it('answers an unknown customer with a typed error, not a foreign-key failure (found by this fuzz)', async () => {
    expect(await dispatch(ctx, 'credit-review-cycle-set', { customerId: 999, cycle: null })).toMatchObject({ ok: false, error: { key: 'error.customerNotFound', field: 'customerId' } });
  });

  it('every operation answers any payload with a typed error or a valid result, and rejections change nothing', async () => {
    const deadline = Date.now() + LIMIT_MS;
    let changes = ctx.ledger!.sqlite.prepare('select total_changes()').pluck();
    let lastHash = contentHash();
    const ops = [...OP_NAMES, 'no-such-op', '__proto__', 'constructor', 'toString'];
    for (const [i, op] of ops.entries()) {
      const keys = OP_NAMES.includes(op as never) ? requestKeys(op) : [];
      const budget = Math.max(200, (deadline - Date.now()) / (ops.length - i));
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyValue, shapedLike(keys), shapedLike(keys)), async (payload) => {
          stats.inputs++;
          const ledgerBefore = ctx.ledger;
          const before = ledgerBefore ? (changes.get() as number) : 0;
          const res = await dispatch(ctx, op, payload);
          expect(typeof res.ok, op).toBe('boolean');
          expect(() => JSON.stringify(res), `${op}: result must cross the boundary as JSON`).not.toThrow();
          if (res.ok) {
            stats.accepted++;
            expect(res).toHaveProperty('value');
          } else {
            stats.rejected++;
            expect(res.error.key, op).toMatch(/^error\.[A-Za-z]+$/);
            expect(typeof res.error.params).toBe('object');
            expect(JSON.stringify(res.error)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/); // never a stack trace
            if (res.error.key === 'error.internal') stats.internal.push(`${op} ${JSON.stringify(payload)?.slice(0, 300)}`);
          }
          if (!ctx.ledger) throw new Error(`${op} closed the ledger`);
          if (ctx.ledger !== ledgerBefore) changes = ctx.ledger.sqlite.prepare('select total_changes()').pluck();
          else if ((changes.get() as number) !== before) {
            const now = contentHash();
            if (!res.ok) expect(now, `${op} was rejected (${res.error.key}) but changed the ledger`).toBe(lastHash);
            lastHash = now;
          }
        }),
        { numRuns: RUNS_PER_OP, interruptAfterTimeLimit: budget, markInterruptAsFailure: false },
      );
    }
    expect(stats.internal, 'internal errors (a handler crashed on input its schema accepted)').toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Whatever the accepted requests wrote went through sealed transactions.
    expect((await verifyLedger(ctx.ledger!)).problems).toEqual([]);
    expect(stats.inputs).toBeGreaterThan(OP_NAMES.length * 5);
  }, LIMIT_MS + 120_000);
});
