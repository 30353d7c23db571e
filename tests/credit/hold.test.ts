/** Credit control: the hold refuses a delivery (service and API), an override passes and is recorded. */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext, type AppContext } from '../../electron/app/context';
import { creditCheck } from '../../electron/credit/check';
import { creditDetail } from '../../electron/credit/ratings';
import { getCreditSettings, setCreditSettings } from '../../electron/credit/store';
import type { Ledger } from '../../electron/db/open';
import { LedgerError } from '../../electron/errors';
import { listAudit } from '../../electron/repos/audit';
import { editCustomer, postInvoice } from '../../electron/services/ledger';
import { errorMessage } from '../../shared/i18n/errors';
import { tempDir, tempLedger } from '../helpers';
import { AS_OF, partialPayer } from './fixture';

let ledger: Ledger | undefined;
let ctx: AppContext | undefined;
afterEach(async () => {
  await ledger?.close();
  await ctx?.ledger?.close();
  ledger = ctx = undefined;
});

const delivery = (customerId: number, number: string, amount: string, override?: string) => ({ customerId, number, date: AS_OF, amount, ...(override ? { override: { reason: override } } : {}) });

describe('credit hold on deliveries', () => {
  it('refuses the delivery in the user language with the numbers, and writes nothing', async () => {
    ledger = await tempLedger();
    const c = await partialPayer(ledger);
    const before = await ledger.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const err = await postInvoice(ledger.db, delivery(c.id, 'I4', '500')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    const e = err as LedgerError;
    expect(e.key).toBe('error.creditHold');
    expect(errorMessage('en', e.key, e.params)).toBe(
      'Delivery refused by credit control: invoice I3 is 90 days overdue, and the policy stops deliveries beyond 60 days (2,000.00 overdue in all). To deliver anyway, give an override reason (it is recorded with your name).',
    );
    expect(errorMessage('zh', e.key, e.params)).toContain('发票 I3 已逾期 90 天，按规定逾期超过 60 天停止供货（逾期合计 2,000.00）——前帐未清，不谈下回交易');
    const after = await ledger.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('lets an override with a reason through, on the customer and in the audit log with who and when', async () => {
    ledger = await tempLedger();
    const c = await partialPayer(ledger);
    process.env.ARW_USER = 'wang.fang';
    try {
      const res = await postInvoice(ledger.db, delivery(c.id, 'I4', '500', 'Boss approved: I3 paid by cheque on Friday'));
      expect(res.number).toBe('I4');
      const d = await creditDetail(ledger.db, c.id, AS_OF);
      expect(d.overrides).toHaveLength(1);
      expect(d.overrides[0]).toMatchObject({ context: 'delivery', reference: 'I4', onDate: AS_OF, amount: 50000, reason: 'Boss approved: I3 paid by cheque on Friday', createdBy: 'wang.fang' });
      expect(d.overrides[0].reasons.map((r) => r.key)).toEqual(['credit.reason.overdue']);
      const audit = await listAudit(ledger.db, 'customer', c.id);
      const row = audit.find((a) => a.action === 'credit.override')!;
      expect(row.actor).toBe('wang.fang');
      expect(row.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(JSON.parse(row.after_json!)).toMatchObject({ reason: 'Boss approved: I3 paid by cheque on Friday', documentId: res.documentId });
    } finally {
      delete process.env.ARW_USER;
    }
  });

  it('over the limit, a low grade and a manual hold each hold; an OK customer needs no override', async () => {
    ledger = await tempLedger();
    const c = await partialPayer(ledger);
    // Over the limit: 2,000 open + 8,500 > 10,000.
    expect(await creditCheck(ledger.db, c.id, 850000, { asOf: '2026-04-15' })).toMatchObject({ ok: false, reasons: [{ key: 'credit.reason.overLimit', params: { exposure: '2,000.00', amount: '8,500.00', total: '10,500.00', limit: '10,000.00' } }] });
    expect(await creditCheck(ledger.db, c.id, 10000, { asOf: '2026-04-15' })).toEqual({ ok: true });
    // Hold at grade D or below: the customer's D now holds for that reason too.
    const s = await getCreditSettings(ledger.db);
    await setCreditSettings(ledger.db, { ...s, policy: { ...s.policy, holdGrade: 'D' } });
    const v = await creditCheck(ledger.db, c.id, 10000, { asOf: AS_OF });
    expect(v.ok ? [] : v.reasons.map((r) => r.key)).toEqual(['credit.reason.overdue', 'credit.reason.grade']);
    const row = (await ledger.db.selectFrom('customers').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow());
    await editCustomer(ledger.db, c.id, { code: row.code, name: row.name, salesperson: '', paymentTermsDays: 30, creditLimit: '10000', currency: 'CNY', language: 'zh', notes: '', status: 'on_hold' });
    const manual = await creditCheck(ledger.db, c.id, 100, { asOf: '2026-04-15' });
    expect(manual).toMatchObject({ ok: false, mode: 'block', reasons: [{ key: 'credit.reason.manualHold' }] });
  });

  it('limited supply (限量供货): small deliveries pass, a larger one is refused with the allowance', async () => {
    ledger = await tempLedger();
    const c = await partialPayer(ledger);
    const s = await getCreditSettings(ledger.db);
    await setCreditSettings(ledger.db, { ...s, policy: { ...s.policy, action: 'limit', limitedPct: 10 } });
    expect((await postInvoice(ledger.db, delivery(c.id, 'S1', '800'))).number).toBe('S1');
    const err = (await postInvoice(ledger.db, delivery(c.id, 'S2', '1500')).catch((e: unknown) => e)) as LedgerError;
    expect(err.key).toBe('error.creditLimited');
    expect(errorMessage('en', err.key, err.params)).toMatch(/^Limited supply while the customer is on hold: at most 1,000.00 per delivery, this one is 1,500.00\. Why: invoice I3 is 90 days overdue/);
  });

  it('through the API: a typed refusal, then the override passes; credit-check and settings validate', async () => {
    ctx = await createContext({ mode: 'web', version: 'test', dataDir: tempDir() });
    await dispatch(ctx, 'ledger-create', { companyName: 'Credit Co.', currency: 'CNY' });
    const c = await partialPayer(ctx.ledger!);
    const refused = await dispatch(ctx, 'invoice-post', delivery(c.id, 'I4', '500'));
    expect(refused).toMatchObject({ ok: false, error: { key: 'error.creditHold', params: { mode: 'block', reasons: 'overdue' } } });
    expect(await dispatch(ctx, 'invoice-post', { ...delivery(c.id, 'I4', '500'), override: { reason: '   ' } })).toMatchObject({ ok: false, error: { key: 'error.reasonRequired', field: 'override.reason' } });
    expect(await dispatch(ctx, 'invoice-post', delivery(c.id, 'I4', '500', 'Approved by the sales director'))).toMatchObject({ ok: true, value: { number: 'I4' } });
    expect(await dispatch(ctx, 'credit-check', { customerId: c.id, amount: '100', date: AS_OF })).toMatchObject({ ok: true, value: { ok: false, mode: 'block' } });
    expect(await dispatch(ctx, 'credit-rating', { customerId: c.id, asOf: '2026-02-30' })).toMatchObject({ ok: false, error: { key: 'error.date' } });
    const settings = await dispatch(ctx, 'credit-settings-get', {});
    expect(settings.ok).toBe(true);
    const s = (settings as { value: Record<string, unknown> }).value;
    expect(await dispatch(ctx, 'credit-settings-set', { ...s, grades: { A: 50, B: 60, C: 55, D: 40 } })).toMatchObject({ ok: false, error: { key: 'error.creditGrades' } });
    // The override's delivery (500.00, not yet due) is in the grid: overdue share 2,000 of 2,500 = 80% → 12, score 52.
    const grid = await dispatch(ctx, 'credit-ratings', { asOf: AS_OF });
    expect(grid).toMatchObject({ ok: true, value: { rows: [{ code: 'P', grade: 'D', score: 52, hold: 'block' }] } });
    expect((await creditDetail(ctx.ledger!.db, c.id, AS_OF)).rating.score).toBe(52);
  });
});
