import { describe, expect, it } from 'vitest';
import { agingReport } from '../../electron/services/aging';
import { checkLedger } from '../../electron/services/check';
import { customerLedger } from '../../electron/services/customer-ledger';
import { postInvoice, postPayment, reverseDocument } from '../../electron/services/ledger';
import { LedgerError } from '../../electron/errors';
import { addCustomer, tempLedger } from '../helpers';

async function setup() {
  const ledger = await tempLedger();
  const c = await addCustomer(ledger, 'C1', { paymentTermsDays: 30 });
  return { ledger, c, db: ledger.db };
}

async function openOf(db: Parameters<typeof customerLedger>[0], id: number, asOf = '2099-12-31') {
  const l = await customerLedger(db, id, asOf);
  return Object.fromEntries(l.entries.map((e) => [e.number, e.open]));
}

describe('allocation rules', () => {
  it('rule 1: a receipt naming an invoice pays it; the excess is unapplied credit', async () => {
    const { db, c, ledger } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100.00' });
    await postInvoice(db, { customerId: c.id, number: 'I2', date: '2026-01-02', amount: '50.00' });
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R1', date: '2026-01-10', amount: '120.00', appliesTo: 'I2' });
    expect(await openOf(db, c.id)).toEqual({ I1: 10000, I2: 0, R1: 7000 });
    const l = await customerLedger(db, c.id);
    expect(l.balance).toBe(3000);
    expect(l.unapplied).toBe(7000);
    expect(await checkLedger(ledger)).toEqual([]);
  });

  it('rule 2: an unnamed receipt pays open invoices dated on or before it, earliest due first', async () => {
    const { db, c } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'B', date: '2026-01-05', dueDate: '2026-03-01', amount: '100' });
    await postInvoice(db, { customerId: c.id, number: 'A', date: '2026-01-06', dueDate: '2026-02-01', amount: '100' });
    await postInvoice(db, { customerId: c.id, number: 'LATER', date: '2026-02-20', dueDate: '2026-02-21', amount: '100' });
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R', date: '2026-02-10', amount: '150' });
    // A (due first) fully, then B half; LATER is dated after the receipt and untouched.
    expect(await openOf(db, c.id)).toEqual({ B: 5000, A: 0, LATER: 10000, R: 0 });
  });

  it('rule 2 ties: same due date goes by date, then number', async () => {
    const { db, c } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'X2', date: '2026-01-01', dueDate: '2026-02-01', amount: '10' });
    await postInvoice(db, { customerId: c.id, number: 'X1', date: '2026-01-01', dueDate: '2026-02-01', amount: '10' });
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R', date: '2026-01-15', amount: '10' });
    expect(await openOf(db, c.id)).toMatchObject({ X1: 0, X2: 1000 });
  });

  it('rule 3: unapplied credit is applied to later invoices, dated the invoice date', async () => {
    const { db, c, ledger } = await setup();
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'PRE', date: '2026-01-01', amount: '80' });
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-20', amount: '50' });
    await postInvoice(db, { customerId: c.id, number: 'I2', date: '2026-02-01', amount: '50' });
    expect(await openOf(db, c.id)).toEqual({ PRE: 0, I1: 0, I2: 2000 });
    const l = await customerLedger(db, c.id);
    const i2 = l.entries.find((e) => e.number === 'I2')!;
    expect(i2.allocations).toEqual([expect.objectContaining({ date: '2026-02-01', amount: 3000, otherNumber: 'PRE' })]);
    expect(await checkLedger(ledger)).toEqual([]);
  });

  it('rule 4: as-of views count only documents and allocations dated on or before D', async () => {
    const { db, c } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', dueDate: '2026-01-31', amount: '100' });
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R1', date: '2026-03-15', amount: '100' });
    await postInvoice(db, { customerId: c.id, number: 'I2', date: '2026-04-01', dueDate: '2026-05-01', amount: '40' });
    const before = await agingReport(db, '2026-03-14', 'customer');
    expect(before.rows[0]).toMatchObject({ d31_60: 10000, total: 10000, net: 10000 });
    const after = await agingReport(db, '2026-03-15', 'customer');
    expect(after.rows).toEqual([]);
    const later = await agingReport(db, '2026-05-10', 'invoice');
    expect(later.rows.map((r) => [r.invoiceNumber, r.daysOverdue, r.d1_30])).toEqual([['I2', 9, 4000]]);
    expect(await openOf(db, c.id, '2026-03-14')).toEqual({ I1: 10000 });
  });

  it('credit notes and write-offs allocate like receipts', async () => {
    const { db, c, ledger } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' });
    await postPayment(db, { customerId: c.id, kind: 'credit_note', reference: 'CN1', date: '2026-01-05', amount: '30', appliesTo: 'I1' });
    await postPayment(db, { customerId: c.id, kind: 'write_off', reference: 'WO1', date: '2026-12-31', amount: '70', appliesTo: 'I1' });
    expect(await openOf(db, c.id)).toEqual({ I1: 0, CN1: 0, WO1: 0 });
    expect((await customerLedger(db, c.id, '2099-12-31')).balance).toBe(0);
    expect(await checkLedger(ledger)).toEqual([]);
  });

  it('invoice lines multiply and round explicitly, and due date comes from terms', async () => {
    const { db, c } = await setup();
    const r = await postInvoice(db, {
      customerId: c.id,
      number: 'L1',
      date: '2026-01-31',
      lines: [
        { item: '螺丝 M6', quantity: '2.5', unitPrice: '3.33' },
        { item: 'Bolt', quantity: '3', unitPrice: '0.10' },
      ],
    });
    const l = await customerLedger(db, c.id);
    const e = l.entries.find((x) => x.id === r.documentId)!;
    expect(e.amount).toBe(833 + 30);
    expect(e.dueDate).toBe('2026-03-02');
  });
});

describe('append-only corrections', () => {
  it('reversing a paid invoice frees the receipt as unapplied credit', async () => {
    const { db, c, ledger } = await setup();
    const inv = await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' });
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R1', date: '2026-01-10', amount: '100', appliesTo: 'I1' });
    await reverseDocument(db, { documentId: inv.documentId, date: '2026-01-20', reason: 'wrong customer' });
    const l = await customerLedger(db, c.id);
    expect(l.balance).toBe(-10000);
    expect(l.unapplied).toBe(10000);
    expect(l.entries.find((e) => e.number === 'I1')!.reversedById).not.toBeNull();
    // History is kept: as of the 15th the invoice was paid and nothing was owed.
    const mid = await customerLedger(db, c.id, '2026-01-15');
    expect(mid.balance).toBe(0);
    expect(await checkLedger(ledger)).toEqual([]);
  });

  it('reversing a receipt reopens the invoices it paid', async () => {
    const { db, c, ledger } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' });
    const r = await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R1', date: '2026-01-10', amount: '60' });
    await reverseDocument(db, { documentId: r.documentId, date: '2026-01-11', reason: 'bounced cheque' });
    expect(await openOf(db, c.id)).toMatchObject({ I1: 10000, R1: 0 });
    expect((await customerLedger(db, c.id)).balance).toBe(10000);
    expect(await checkLedger(ledger)).toEqual([]);
  });

  it('refuses a second reversal, reversing a reversal, and a reversal dated too early', async () => {
    const { db, c } = await setup();
    const inv = await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' });
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R1', date: '2026-02-10', amount: '10' });
    await expect(reverseDocument(db, { documentId: inv.documentId, date: '2026-02-01', reason: 'x' })).rejects.toMatchObject({ key: 'error.reversalTooEarly' });
    const rev = await reverseDocument(db, { documentId: inv.documentId, date: '2026-02-11', reason: 'x' });
    await expect(reverseDocument(db, { documentId: inv.documentId, date: '2026-02-12', reason: 'x' })).rejects.toMatchObject({ key: 'error.alreadyReversed' });
    await expect(reverseDocument(db, { documentId: rev.documentId, date: '2026-02-12', reason: 'x' })).rejects.toMatchObject({ key: 'error.cannotReverseReversal' });
  });

  it('the database itself refuses UPDATE and DELETE of posted rows', async () => {
    const { db, c, ledger } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' });
    expect(() => ledger.sqlite.prepare('update documents set amount = 1').run()).toThrow(/append-only/);
    expect(() => ledger.sqlite.prepare('delete from documents').run()).toThrow(/append-only/);
    expect(() => ledger.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
  });

  it('refuses bad input with the field named and changes nothing', async () => {
    const { db, c } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' });
    const attempts = [
      () => postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '5' }),
      () => postInvoice(db, { customerId: c.id, number: 'I9', date: '2026-13-01', amount: '5' }),
      () => postInvoice(db, { customerId: c.id, number: 'I9', date: '2026-01-01', amount: '1.234' }),
      () => postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R', date: '2026-01-01', amount: '5', appliesTo: 'NOPE' }),
      () => postInvoice(db, { customerId: 999, number: 'I9', date: '2026-01-01', amount: '5' }),
    ];
    const fields = [];
    for (const a of attempts) {
      const err = await a().catch((e) => e);
      expect(err).toBeInstanceOf(LedgerError);
      fields.push((err as LedgerError).field);
    }
    expect(fields).toEqual(['number', 'date', 'amount', 'appliesTo', 'customerId']);
    const l = await customerLedger(db, c.id);
    expect(l.entries.map((e) => e.number)).toEqual(['I1']);
  });

  it('writes an audit row with who and when for every change', async () => {
    const { db, c } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2026-01-01', amount: '100' }, 'alice');
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['ledger.create', 'customer.create', 'invoice.post']);
    expect(rows[2].actor).toBe('alice');
    expect(rows[2].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe('history stays in date order', () => {
  it('a back-dated receipt meeting an invoice reopened by a later reversal never shows a negative open amount', async () => {
    const { db, c, ledger } = await setup();
    await postInvoice(db, { customerId: c.id, number: 'I1', date: '2025-01-01', amount: '1000' });
    const r1 = await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R1', date: '2025-01-10', amount: '1000' });
    await reverseDocument(db, { documentId: r1.documentId, date: '2026-11-24', reason: 'bounced' });
    await postPayment(db, { customerId: c.id, kind: 'receipt', reference: 'R2', date: '2025-01-25', amount: '1000' });
    for (const asOf of ['2025-01-20', '2025-03-15', '2026-11-23', '2026-11-24', '2026-12-31']) {
      const aging = await agingReport(db, asOf, 'invoice');
      for (const r of aging.rows) expect(r.total, `as of ${asOf}`).toBeGreaterThanOrEqual(0);
    }
    // R2 could only apply once I1 was open again: on the reversal date.
    const l = await customerLedger(db, c.id, '2026-12-31');
    const i1 = l.entries.find((e) => e.number === 'I1')!;
    expect(i1.open).toBe(0);
    expect(i1.allocations.at(-1)).toMatchObject({ otherNumber: 'R2', date: '2026-11-24' });
    expect((await agingReport(db, '2025-03-15', 'customer')).rows[0]).toMatchObject({ total: 0, unapplied: 100000, net: -100000 });
    expect(await checkLedger(ledger)).toEqual([]);
  });
});
