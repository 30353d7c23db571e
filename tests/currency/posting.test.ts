/**
 * A rate recorded with each document in another currency, in the same transaction as the
 * document; reversals at the rate of their original; `arw check` holds every one to it.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext } from '../../electron/app/context';
import { verifyLedger } from '../../electron/integrity/verify';
import { checkLedger } from '../../electron/services/check';
import { agingReport } from '../../electron/services/aging';
import { agingView } from '../../electron/services/aging-view';
import { agingJson } from '../../electron/cli/arw';
import { postInvoice, postPayment, reverseDocument } from '../../electron/services/ledger';
import { addRate } from '../../electron/services/rates';
import { listAudit } from '../../electron/repos/audit';
import { tempDir } from '../helpers';
import { counts, fixture } from './fixture';

async function rateRow(f: Awaited<ReturnType<typeof fixture>>, documentId: number) {
  return f.ledger.db.selectFrom('document_rates').select(['rate_ppm', 'base_amount', 'source']).where('document_id', '=', documentId).executeTakeFirst();
}

describe('posting in another currency', () => {
  it('records the latest rate on or before the document date with a USD invoice in a CNY ledger', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-03-01', rate: '7.2' });
    const inv = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-02-15', amount: '1234.56' });
    // USD 1,234.56 × 7.1 = CNY 8,765.376 → 8,765.38.
    expect(await rateRow(f, inv.documentId)).toEqual({ rate_ppm: 7_100_000, base_amount: 876_538, source: 'table' });
    const doc = await f.ledger.db.selectFrom('documents').select(['amount', 'currency']).where('id', '=', inv.documentId).executeTakeFirstOrThrow();
    expect(doc).toEqual({ amount: 123_456, currency: 'USD' }); // the document stays in the customer's currency
    const log = await listAudit(f.ledger.db, 'document', inv.documentId);
    expect(JSON.parse(log[0].after_json!)).toMatchObject({ ratePpm: 7_100_000 });
    // A rate typed on the form wins over the table.
    const typed = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-2', date: '2026-03-02', amount: '100.00', rate: '7.15' });
    expect(await rateRow(f, typed.documentId)).toEqual({ rate_ppm: 7_150_000, base_amount: 71_500, source: 'entered' });
    // Receipts too, here at the table's rate of their own date.
    const rcpt = await postPayment(f.ledger.db, { customerId: f.usd, kind: 'receipt', reference: 'R-1', date: '2026-03-05', amount: '34.56', appliesTo: 'U-1' });
    expect(await rateRow(f, rcpt.documentId)).toEqual({ rate_ppm: 7_200_000, base_amount: 24_883, source: 'table' }); // 248.832 → 248.83
    expect(await checkLedger(f.ledger)).toEqual([]);
    expect((await verifyLedger(f.ledger)).problems).toEqual([]);
    await f.ledger.close();
  });

  it('a document in the base currency records nothing', async () => {
    const f = await fixture();
    const before = counts(f.ledger).document_rates;
    await postInvoice(f.ledger.db, { customerId: f.cny, number: 'C-1', date: '2026-02-15', amount: '500.00' });
    await postInvoice(f.ledger.db, { customerId: f.cny, number: 'C-2', date: '2026-02-15', amount: '500.00', rate: '1' }); // 1 is the base's own rate
    await postPayment(f.ledger.db, { customerId: f.cny, kind: 'receipt', reference: 'R-1', date: '2026-02-20', amount: '100' });
    expect(counts(f.ledger).document_rates).toBe(before);
    await expect(postInvoice(f.ledger.db, { customerId: f.cny, number: 'C-3', date: '2026-02-15', amount: '1.00', rate: '7.1' })).rejects.toMatchObject({ key: 'error.rateBaseCurrency', field: 'rate' });
    expect(await checkLedger(f.ledger)).toEqual([]);
    await f.ledger.close();
  });

  it('without any rate on or before the date it refuses with a typed error naming the currency and date, and writes nothing', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-03-01', rate: '7.2' });
    const before = counts(f.ledger);
    await expect(postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-02-28', amount: '10.00' })).rejects.toMatchObject({
      key: 'error.noExchangeRate',
      params: { currency: 'USD', date: '2026-02-28' },
      field: 'rate',
    });
    await expect(postPayment(f.ledger.db, { customerId: f.jpy, kind: 'receipt', reference: 'R-1', date: '2026-03-28', amount: '100' })).rejects.toMatchObject({
      key: 'error.noExchangeRate',
      params: { currency: 'JPY', date: '2026-03-28' },
    });
    await expect(postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-03-01', amount: '10.00', rate: '7,2' })).rejects.toMatchObject({ key: 'error.exchangeRate', field: 'rate' });
    expect(counts(f.ledger)).toEqual(before);
    await f.ledger.close();
  });

  it('is atomic: a failure while writing the rate or after it leaves neither the document nor the rate', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
    await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-0', date: '2026-01-02', amount: '10.00' });
    const before = counts(f.ledger);
    // The rate row is written after the document and its lines: make it fail there.
    f.ledger.sqlite.exec(`create trigger fail_rate before insert on document_rates begin select raise(abort, 'disk full (test)'); end`);
    await expect(postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-02-01', lines: [{ item: 'Bolts', quantity: '2', unitPrice: '5.00' }] })).rejects.toThrow(/disk full/);
    expect(counts(f.ledger)).toEqual(before);
    f.ledger.sqlite.exec('drop trigger fail_rate');
    // …and after it (the open-item state is written last).
    f.ledger.sqlite.exec(`create trigger fail_state before insert on open_items begin select raise(abort, 'disk full (test)'); end`);
    await expect(postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-02-01', amount: '10.00' })).rejects.toThrow(/disk full/);
    expect(counts(f.ledger)).toEqual(before);
    f.ledger.sqlite.exec('drop trigger fail_state');
    const ok = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-02-01', amount: '10.00' });
    expect(await rateRow(f, ok.documentId)).toMatchObject({ rate_ppm: 7_100_000, base_amount: 7_100 });
    expect(await checkLedger(f.ledger)).toEqual([]);
    expect((await verifyLedger(f.ledger)).problems).toEqual([]);
    await f.ledger.close();
  });

  it('a reversal takes the rate of its original, not the rate of its own date', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
    const inv = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-01-10', amount: '100.00', rate: '7.05' });
    const rcpt = await postPayment(f.ledger.db, { customerId: f.usd, kind: 'receipt', reference: 'R-1', date: '2026-01-20', amount: '40.00' });
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-02-01', rate: '7.4' });
    const voidRcpt = await reverseDocument(f.ledger.db, { documentId: rcpt.documentId, date: '2026-02-05', reason: 'bounced' });
    const voidInv = await reverseDocument(f.ledger.db, { documentId: inv.documentId, date: '2026-02-06', reason: 'wrong customer' });
    expect(await rateRow(f, voidRcpt.documentId)).toEqual({ rate_ppm: 7_100_000, base_amount: 28_400, source: 'original' });
    expect(await rateRow(f, voidInv.documentId)).toEqual({ rate_ppm: 7_050_000, base_amount: 70_500, source: 'original' });
    expect(await checkLedger(f.ledger)).toEqual([]);
    await f.ledger.close();
  });

  it('`arw check` finds a document in another currency without its rate, a wrong base amount and a reversal at another rate', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
    const a = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-1', date: '2026-01-10', amount: '100.00' });
    const b = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-2', date: '2026-01-10', amount: '100.00' });
    const c = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-3', date: '2026-01-10', amount: '100.00' });
    const rc = await reverseDocument(f.ledger.db, { documentId: c.documentId, date: '2026-01-11', reason: 'x' });
    expect(await checkLedger(f.ledger)).toEqual([]);
    f.ledger.sqlite.exec('drop trigger document_rates_no_delete; drop trigger document_rates_no_update;');
    f.ledger.sqlite.prepare('delete from document_rates where document_id = ?').run(a.documentId);
    f.ledger.sqlite.prepare('update document_rates set base_amount = base_amount + 1 where document_id = ?').run(b.documentId);
    f.ledger.sqlite.prepare('update document_rates set rate_ppm = 7200000, base_amount = 72000 where document_id = ?').run(rc.documentId);
    const problems = await checkLedger(f.ledger);
    expect(problems.filter((p) => p.check === 'rate').map((p) => p.detail)).toEqual([
      `document ${a.documentId} in USD has 0 recorded rates, expected exactly one`,
      `document ${b.documentId}: base amount 71001, expected 71000 at rate 7100000`,
      `reversal ${rc.documentId} is at rate 7200000, its original ${c.documentId} at 7100000`,
    ]);
    await f.ledger.close();
  });

  it('documents from before rates were recorded need none, and their reversals record none', async () => {
    const f = await fixture();
    await addRate(f.ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
    const old = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-OLD', date: '2026-01-10', amount: '100.00' });
    // As a ledger upgraded by the currency migration: the document predates recorded rates.
    f.ledger.sqlite.exec('drop trigger document_rates_no_delete');
    f.ledger.sqlite.prepare('delete from document_rates where document_id = ?').run(old.documentId);
    f.ledger.sqlite.prepare("update settings set value_json = ? where key = 'currency.rated_from'").run(JSON.stringify({ documentId: old.documentId + 1 }));
    expect(await checkLedger(f.ledger)).toEqual([]);
    // The aging cannot convert it: it is left out of the base totals, and says so.
    const aging = await agingReport(f.ledger.db, '2026-01-10', 'customer');
    expect(aging).toMatchObject({ unrated: 1, baseTotals: { total: 0 }, totals: { total: 10_000 } });
    expect(agingJson(aging)).toMatchObject({ unrated_documents: 1 });
    expect((await agingView(f.ledger.db, '2026-01-10', 'customer')).unrated).toBe(1);
    const rev = await reverseDocument(f.ledger.db, { documentId: old.documentId, date: '2026-01-11', reason: 'x' });
    expect(await rateRow(f, rev.documentId)).toBeUndefined();
    expect(await checkLedger(f.ledger)).toEqual([]);
    // New documents of the same customer do record theirs.
    const fresh = await postInvoice(f.ledger.db, { customerId: f.usd, number: 'U-NEW', date: '2026-01-12', amount: '1.00' });
    expect(await rateRow(f, fresh.documentId)).toMatchObject({ rate_ppm: 7_100_000 });
    await f.ledger.close();
  });

  it('the API takes the rate as text and answers a missing rate as a typed error', async () => {
    const ctx = await createContext({ mode: 'web', version: 'test', dataDir: tempDir('arw-fx-') });
    await dispatch(ctx, 'ledger-create', { companyName: 'FX Co.', currency: 'CNY' });
    const cust = await dispatch(ctx, 'customer-create', { code: 'US1', name: 'Acme', paymentTermsDays: 30, currency: 'USD' });
    const id = (cust as { ok: true; value: { id: number } }).value.id;
    expect(await dispatch(ctx, 'invoice-post', { customerId: id, number: 'I1', date: '2026-01-05', amount: '10.00' })).toMatchObject({
      ok: false,
      error: { key: 'error.noExchangeRate', params: { currency: 'USD', date: '2026-01-05' }, field: 'rate' },
    });
    expect(await dispatch(ctx, 'invoice-post', { customerId: id, number: 'I1', date: '2026-01-05', amount: '10.00', rate: '7.0123' })).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'payment-post', { customerId: id, kind: 'receipt', reference: 'R1', date: '2026-01-06', amount: '1.00', rate: 'x' })).toMatchObject({
      ok: false,
      error: { key: 'error.exchangeRate', field: 'rate' },
    });
    await ctx.ledger?.close();
  });
});
