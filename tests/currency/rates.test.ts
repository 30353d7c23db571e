/** Exchange rates: entered (append-only, audited), listed, and looked up as the latest on or before a date. */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext } from '../../electron/app/context';
import { RateBook, rateOn } from '../../electron/repos/rates';
import { addRate, rateOnDate, ratesList } from '../../electron/services/rates';
import { listAudit } from '../../electron/repos/audit';
import { verifyLedger } from '../../electron/integrity/verify';
import { errorMessage } from '../../shared/i18n/errors';
import { tempDir } from '../helpers';
import { fixture } from './fixture';

describe('rate lookup', () => {
  it('takes the latest rate dated on or before the date; the latest entered wins for the same date; none before the first', async () => {
    const { ledger } = await fixture();
    await addRate(ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.10' });
    await addRate(ledger.db, { currency: 'USD', date: '2026-02-01', rate: '7.20' });
    await addRate(ledger.db, { currency: 'USD', date: '2026-02-01', rate: '7.25', note: 'corrected' });
    await addRate(ledger.db, { currency: 'USD', date: '2026-03-01', rate: '7.30' });
    await addRate(ledger.db, { currency: 'JPY', date: '2026-02-15', rate: '0.048' });
    const book = await RateBook.load(ledger.db, 'CNY', ['USD', 'JPY', 'EUR']);
    const cases: [string, string, number | null, string | null][] = [
      ['USD', '2025-12-31', null, null],
      ['USD', '2026-01-01', 7_100_000, '2026-01-01'],
      ['USD', '2026-01-31', 7_100_000, '2026-01-01'],
      ['USD', '2026-02-01', 7_250_000, '2026-02-01'], // the correction, not the first entry
      ['USD', '2026-02-28', 7_250_000, '2026-02-01'],
      ['USD', '2026-03-01', 7_300_000, '2026-03-01'],
      ['USD', '2030-01-01', 7_300_000, '2026-03-01'],
      ['JPY', '2026-02-14', null, null],
      ['JPY', '2026-02-15', 48_000, '2026-02-15'],
      ['EUR', '2026-06-01', null, null],
    ];
    for (const [currency, date, ppm, from] of cases) {
      const one = await rateOn(ledger.db, currency, 'CNY', date);
      const many = book.lookup(currency, date);
      expect(one, `${currency} ${date}`).toEqual(ppm === null ? null : { ratePpm: ppm, date: from });
      expect(many, `${currency} ${date} (in memory)`).toEqual(one);
    }
    expect(() => book.lookup('GBP', '2026-01-01')).toThrow(/not loaded/);
    const listed = await ratesList(ledger.db);
    expect(listed.baseCurrency).toBe('CNY');
    expect(listed.currencies).toEqual(['JPY', 'USD']);
    const feb = listed.rates.filter((r) => r.currency === 'USD' && r.date === '2026-02-01');
    expect(feb.map((r) => [r.rate, r.superseded, r.note])).toEqual([
      ['7.25', false, 'corrected'],
      ['7.2', true, ''],
    ]);
    await ledger.close();
  });

  it('records who and when in the audit log, keeps rates append-only and sealed, and refuses bad input with typed errors', async () => {
    const { ledger } = await fixture();
    const r = await addRate(ledger.db, { currency: 'usd', date: '2026-01-01', rate: '7.1234' }, 'alice');
    expect(r).toMatchObject({ currency: 'USD', ratePpm: 7_123_400, rate: '7.1234', createdBy: 'alice' });
    const log = await listAudit(ledger.db, 'exchange_rate', r.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'rate.add', actor: 'alice' });
    expect(JSON.parse(log[0].after_json!)).toMatchObject({ currency: 'USD', date: '2026-01-01', ratePpm: 7_123_400, base: 'CNY' });
    await expect(ledger.db.updateTable('exchange_rates').set({ rate_ppm: 1 }).execute()).rejects.toThrow(/append-only/);
    await expect(ledger.db.deleteFrom('exchange_rates').execute()).rejects.toThrow(/append-only/);
    expect((await verifyLedger(ledger)).problems).toEqual([]);
    await expect(addRate(ledger.db, { currency: 'CNY', date: '2026-01-01', rate: '1' })).rejects.toMatchObject({ key: 'error.rateBaseCurrency', field: 'currency' });
    await expect(addRate(ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1234567' })).rejects.toMatchObject({ key: 'error.exchangeRate', field: 'rate' });
    await expect(addRate(ledger.db, { currency: 'USD', date: '2026-02-30', rate: '7' })).rejects.toMatchObject({ key: 'error.date', field: 'date' });
    await expect(addRate(ledger.db, { currency: 'US', date: '2026-02-01', rate: '7' })).rejects.toMatchObject({ key: 'error.currency' });
    expect(await rateOnDate(ledger.db, 'CNY', '2026-01-01')).toMatchObject({ found: { ratePpm: 1_000_000, rate: '1' } });
    await ledger.close();
  });

  it('a rate is to the base currency it was entered for: after the base changes (allowed before any posting) it is not used', async () => {
    const { ledger } = await fixture();
    await addRate(ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.1' });
    expect((await rateOnDate(ledger.db, 'USD', '2026-02-01')).found).toMatchObject({ ratePpm: 7_100_000 });
    await ledger.db.updateTable('company').set({ base_currency: 'HKD' }).execute();
    expect((await rateOnDate(ledger.db, 'USD', '2026-02-01')).found).toBeNull();
    expect((await ratesList(ledger.db)).rates).toEqual([]);
    await addRate(ledger.db, { currency: 'USD', date: '2026-01-01', rate: '7.8' });
    expect((await rateOnDate(ledger.db, 'USD', '2026-02-01')).found).toMatchObject({ ratePpm: 7_800_000 });
    expect((await RateBook.load(ledger.db, 'HKD', ['USD'])).lookup('USD', '2026-02-01')).toMatchObject({ ratePpm: 7_800_000 });
    await ledger.close();
  });
});

describe('rate operations over the API', () => {
  it('rate-add, rates-list and rate-on answer typed values and typed errors', async () => {
    const ctx = await createContext({ mode: 'web', version: 'test', dataDir: tempDir('arw-rates-') });
    expect(await dispatch(ctx, 'ledger-create', { companyName: 'Rates Co.', currency: 'CNY' })).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'rate-add', { currency: 'USD', date: '2026-01-01', rate: '7.1' })).toMatchObject({ ok: true, value: { currency: 'USD', rate: '7.1', ratePpm: 7_100_000 } });
    expect(await dispatch(ctx, 'rate-add', { currency: 'USD', date: '2026-01-01', rate: 'seven' })).toMatchObject({ ok: false, error: { key: 'error.exchangeRate', field: 'rate' } });
    expect(await dispatch(ctx, 'rate-add', { currency: 'usd', date: '2026-01-01', rate: '7' })).toMatchObject({ ok: false, error: { key: 'error.currency', field: 'currency' } });
    expect(await dispatch(ctx, 'rate-add', { currency: 'USD', date: '2026-01-01', rate: '' })).toMatchObject({ ok: false, error: { key: 'error.required', field: 'rate' } });
    expect(await dispatch(ctx, 'rates-list', {})).toMatchObject({ ok: true, value: { baseCurrency: 'CNY', rates: [{ currency: 'USD', rate: '7.1' }] } });
    expect(await dispatch(ctx, 'rate-on', { currency: 'USD', date: '2026-03-01' })).toMatchObject({ ok: true, value: { found: { rate: '7.1', date: '2026-01-01' } } });
    expect(await dispatch(ctx, 'rate-on', { currency: 'USD', date: '2025-03-01' })).toMatchObject({ ok: true, value: { found: null } });
    await ctx.ledger?.close();
  });

  it('the missing-rate error names the currency and the date in both languages', () => {
    const params = { currency: 'USD', date: '2026-03-05' };
    expect(errorMessage('en', 'error.noExchangeRate', params)).toBe('No exchange rate for USD on or before 2026-03-05: enter the rate, or add one in Settings › Exchange rates');
    expect(errorMessage('zh', 'error.noExchangeRate', params)).toBe('没有 USD 在 2026-03-05 或之前的汇率：请填写汇率，或在“设置 › 汇率”中录入');
  });
});
