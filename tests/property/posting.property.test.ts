/**
 * Property-based tests of the posting invariants: random sequences of invoices, receipts, credit
 * notes, write-offs and reversals (some of them refused) on a fresh ledger each. After every
 * sequence: `arw check` is clean, the chain verifies, aging as of any date agrees with each
 * customer's ledger, and no as-of date shows a negative open amount. A refused operation leaves
 * the ledger exactly as it was. Bounded in time (see LIMIT_MS).
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates';
import { toDecimalString } from '../../shared/money';
import { openLedger, type Ledger } from '../../electron/db/open';
import { LedgerError } from '../../electron/errors';
import { chainHead } from '../../electron/integrity/chain';
import { verifyLedger } from '../../electron/integrity/verify';
import { agingReport } from '../../electron/services/aging';
import { checkLedger } from '../../electron/services/check';
import { customerLedger } from '../../electron/services/customer-ledger';
import { postInvoice, postPayment, reverseDocument } from '../../electron/services/ledger';
import { addCustomer, tempDir, tempLedger } from '../helpers';

const LIMIT_MS = Number(process.env.ARW_PROPERTY_MS ?? 30_000);
const BASE = '2026-01-01';
const CUSTOMERS = 3;

type Op =
  | { t: 'invoice'; c: number; day: number; cents: number; lines: boolean; reuse: boolean }
  | { t: 'payment'; kind: 'receipt' | 'credit_note' | 'write_off'; c: number; day: number; cents: number; applies: number | null }
  | { t: 'reverse'; pick: number; after: number };

const amount = fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 500_000 }), fc.constantFrom(1, 99, 100, 10_000));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('invoice' as const), c: fc.nat(CUSTOMERS - 1), day: fc.nat(150), cents: amount, lines: fc.boolean(), reuse: fc.nat(9).map((x) => x === 0) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('payment' as const),
      kind: fc.constantFrom('receipt' as const, 'receipt' as const, 'credit_note' as const, 'write_off' as const),
      c: fc.nat(CUSTOMERS - 1),
      day: fc.nat(180),
      cents: amount,
      applies: fc.option(fc.nat(50), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('reverse' as const), pick: fc.nat(50), after: fc.nat(60) }) },
);

interface Posted {
  id: number;
  kind: string;
  customer: number;
  number: string;
  date: string;
}

let template: string;
let counter = 0;
const stats = { sequences: 0, operations: 0, refused: 0, asOfChecks: 0 };

beforeAll(async () => {
  const ledger = await tempLedger();
  for (let c = 1; c <= CUSTOMERS; c++) await addCustomer(ledger, `C${c}`, { paymentTermsDays: [0, 30, 60][c - 1] });
  template = ledger.file;
  await ledger.close();
});

afterAll(() => {
  console.log(`property: ${stats.sequences} sequences, ${stats.operations} operations (${stats.refused} refused), ${stats.asOfChecks} as-of checks`);
});

async function fresh(): Promise<Ledger> {
  const file = path.join(tempDir('arw-prop-'), 'p.arw');
  fs.copyFileSync(template, file);
  return openLedger(file);
}

async function fingerprint(ledger: Ledger) {
  const count = async (t: 'documents' | 'allocations' | 'audit_log' | 'open_items') => Number((await ledger.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const open = await ledger.db.selectFrom('open_items').select((eb) => [eb.fn.sum<number>('open_amount').as('open')]).executeTakeFirstOrThrow();
  return { docs: await count('documents'), allocs: await count('allocations'), audit: await count('audit_log'), items: await count('open_items'), open: Number(open.open ?? 0), head: (await chainHead(ledger.db))?.hash };
}

async function apply(ledger: Ledger, o: Op, posted: Posted[]): Promise<void> {
  const n = ++counter;
  if (o.t === 'invoice') {
    const date = addDays(BASE, o.day);
    const prior = posted.filter((p) => p.kind === 'invoice' && p.customer === o.c + 1);
    const number = o.reuse && prior.length ? prior[0].number : `I${n}`;
    const money = toDecimalString(o.cents, 2);
    const req = o.lines && o.cents % 2 === 0
      ? { customerId: o.c + 1, number, date, lines: [{ item: 'a', quantity: '2', unitPrice: toDecimalString(o.cents / 2, 2) }] }
      : { customerId: o.c + 1, number, date, amount: money };
    const r = await postInvoice(ledger.db, { ...req, override: { reason: 'property test' } });
    posted.push({ id: r.documentId, kind: 'invoice', customer: o.c + 1, number, date });
  } else if (o.t === 'payment') {
    const date = addDays(BASE, o.day);
    const invoices = posted.filter((p) => p.kind === 'invoice' && p.customer === o.c + 1);
    const appliesTo = o.applies !== null && invoices.length ? invoices[o.applies % invoices.length].number : undefined;
    const r = await postPayment(ledger.db, { customerId: o.c + 1, kind: o.kind, reference: `P${n}`, date, amount: toDecimalString(o.cents, 2), appliesTo });
    posted.push({ id: r.documentId, kind: o.kind, customer: o.c + 1, number: `P${n}`, date });
  } else {
    if (!posted.length) return;
    const target = posted[o.pick % posted.length];
    const r = await reverseDocument(ledger.db, { documentId: target.id, date: addDays(target.date, o.after), reason: 'property test' });
    posted.push({ id: r.documentId, kind: 'reversal', customer: target.customer, number: r.number, date: addDays(target.date, o.after) });
  }
}

async function assertInvariants(ledger: Ledger, dates: string[]) {
  expect(await checkLedger(ledger)).toEqual([]);
  const verified = await verifyLedger(ledger);
  expect(verified.problems).toEqual([]);
  for (const asOf of dates) {
    stats.asOfChecks++;
    const byCustomer = await agingReport(ledger.db, asOf, 'customer');
    const byInvoice = await agingReport(ledger.db, asOf, 'invoice');
    for (let c = 1; c <= CUSTOMERS; c++) {
      const book = await customerLedger(ledger.db, c, asOf);
      for (const e of book.entries) {
        expect(e.open, `open of ${e.number} as of ${asOf}`).toBeGreaterThanOrEqual(0);
        expect(e.open).toBeLessThanOrEqual(Math.abs(e.amount));
      }
      const row = byCustomer.rows.find((r) => r.customerId === c);
      expect(row?.total ?? 0, `C${c} aging total as of ${asOf}`).toBe(book.openInvoices);
      expect(row?.unapplied ?? 0, `C${c} unapplied as of ${asOf}`).toBe(book.unapplied);
      expect(row?.net ?? 0, `C${c} net as of ${asOf}`).toBe(book.balance);
      const invoiceRows = byInvoice.rows.filter((r) => r.customerId === c);
      expect(invoiceRows.reduce((s, r) => s + r.total, 0)).toBe(book.openInvoices);
    }
    for (const r of byInvoice.rows) {
      for (const k of ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd181_365', 'over_365', 'total'] as const) expect(r[k], `${r.invoiceNumber} ${k} as of ${asOf}`).toBeGreaterThanOrEqual(0);
    }
    expect(byCustomer.totals.net).toBe(byCustomer.rows.reduce((s, r) => s + r.net, 0));
  }
}

describe('posting invariants (property-based)', () => {
  it('hold for random sequences of postings, reversals and refused operations', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40, size: 'medium' }), async (ops) => {
        const ledger = await fresh();
        try {
          const posted: Posted[] = [];
          for (const o of ops) {
            const before = await fingerprint(ledger);
            stats.operations++;
            try {
              await apply(ledger, o, posted);
            } catch (e) {
              // Refusals are typed and change nothing; anything else is a bug.
              if (!(e instanceof LedgerError)) throw e;
              stats.refused++;
              expect(await fingerprint(ledger), `${e.key} changed the ledger`).toEqual(before);
            }
          }
          const days = [...new Set(posted.map((p) => p.date))].sort();
          const dates = [addDays(BASE, -1), ...days.filter((_, i) => i % Math.ceil(days.length / 6 || 1) === 0), ...(days.length ? [days[days.length - 1], addDays(days[days.length - 1], 1)] : []), '2028-01-01'];
          await assertInvariants(ledger, [...new Set(dates)]);
          stats.sequences++;
        } finally {
          await ledger.close();
        }
      }),
      { numRuns: Number(process.env.ARW_PROPERTY_RUNS ?? 60), interruptAfterTimeLimit: LIMIT_MS, markInterruptAsFailure: false, seed: process.env.ARW_SEED ? Number(process.env.ARW_SEED) : undefined },
    );
    expect(stats.sequences).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(LIMIT_MS + 60_000);
  }, LIMIT_MS + 120_000);
});
