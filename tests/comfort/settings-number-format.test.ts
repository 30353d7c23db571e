/**
 * Settings › number format: every style shows amounts (negatives, zero, yen without decimals) as
 * chosen, the renderer's one formatter and its amount fields follow the stored setting, copy and
 * XLSX keep plain numbers, and the setting and the base currency are kept in the ledger, audited.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { createContext } from '../../electron/app/context';
import { normaliseAmount } from '../../electron/import/values';
import { listAudit } from '../../electron/repos/audit';
import { postInvoice } from '../../electron/services/ledger';
import { currencyDigits, toDecimalString } from '../../shared/money';
import { NUMBER_STYLES, formatAmountIn, readAmountIn, resolveStyle } from '../../shared/number-format';
import { plainText } from '../../renderer/src/components/grid/engine/tsv';
import { amountForInput, amountInput, formatAmount, money, numberStyle, parseAmountInput, setFormatLanguage, setNumberFormat } from '../../renderer/src/lib/format';
import { addCustomer, tempDir } from '../helpers';

const NBSP = '\u00a0';

describe('number formats', () => {
  it('shows amounts in each style: grouping, decimal mark, negatives, zero and zero-decimal currencies', () => {
    const cases: [number, number, Record<string, string>][] = [
      [123456789, 2, { comma_point: '1,234,567.89', point_comma: '1.234.567,89', space_comma: `1${NBSP}234${NBSP}567,89`, apostrophe_point: "1'234'567.89" }],
      [-123450, 2, { comma_point: '-1,234.50', point_comma: '-1.234,50', space_comma: `-1${NBSP}234,50`, apostrophe_point: "-1'234.50" }],
      [0, 2, { comma_point: '0.00', point_comma: '0,00', space_comma: '0,00', apostrophe_point: '0.00' }],
      [-5, 2, { comma_point: '-0.05', point_comma: '-0,05', space_comma: '-0,05', apostrophe_point: '-0.05' }],
      [999, 2, { comma_point: '9.99', point_comma: '9,99', space_comma: '9,99', apostrophe_point: '9.99' }],
      // JPY has no minor unit: no decimal mark at all.
      [1234567, currencyDigits('JPY'), { comma_point: '1,234,567', point_comma: '1.234.567', space_comma: `1${NBSP}234${NBSP}567`, apostrophe_point: "1'234'567" }],
      [-1000, currencyDigits('JPY'), { comma_point: '-1,000', point_comma: '-1.000', space_comma: `-1${NBSP}000`, apostrophe_point: "-1'000" }],
      [0, currencyDigits('KRW'), { comma_point: '0', point_comma: '0', space_comma: '0', apostrophe_point: '0' }],
      [Number.MAX_SAFE_INTEGER, 2, { comma_point: '90,071,992,547,409.91', point_comma: '90.071.992.547.409,91', space_comma: `90${NBSP}071${NBSP}992${NBSP}547${NBSP}409,91`, apostrophe_point: "90'071'992'547'409.91" }],
    ];
    for (const [amount, digits, want] of cases) {
      for (const style of NUMBER_STYLES) expect(formatAmountIn(style, amount, digits), `${style} ${amount}/${digits}`).toBe(want[style]);
    }
  });

  it('reads back what it shows, in every style (the importer’s reader, not a second one)', () => {
    for (const style of NUMBER_STYLES) {
      for (const [amount, digits] of [[123456789, 2], [-123450, 2], [0, 2], [7, 2], [1234567, 0], [-1000, 0]] as const) {
        const shown = formatAmountIn(style, amount, digits);
        expect(readAmountIn(style, shown), `${style} ${shown}`).toBe(toDecimalString(amount, digits));
        expect(readAmountIn(style, shown)).toBe(normaliseAmount(shown, style === 'point_comma' || style === 'space_comma' ? ',' : '.'));
      }
    }
    // The other style's text is not silently misread: "1.234,56" is no amount when the point is the decimal mark.
    expect(readAmountIn('comma_point', '1.234,56')).toBeNull();
    expect(readAmountIn('point_comma', '1,234.56')).toBeNull();
    // An ambiguous-looking "1.234" means one thousand two hundred and thirty-four in the comma styles.
    expect(readAmountIn('point_comma', '1.234')).toBe('1234');
    expect(readAmountIn('comma_point', '1.234')).toBe('1.234');
    // What people also type: plain digits, the other space, currency signs, full-width digits.
    expect(readAmountIn('space_comma', '1 234,5')).toBe('1234.5');
    expect(readAmountIn('space_comma', '1\u202f234,50')).toBe('1234.50');
    expect(readAmountIn('apostrophe_point', "USD 12'500.00")).toBe('12500.00');
    expect(readAmountIn('point_comma', '￥１.２３４,５０')).toBe('1234.50');
    expect(readAmountIn('point_comma', '')).toBeNull();
  });

  it('"follow the language" resolves per interface language', () => {
    expect(resolveStyle('auto', 'en')).toBe('comma_point');
    expect(resolveStyle('auto', 'zh')).toBe('comma_point');
    expect(resolveStyle('point_comma', 'zh')).toBe('point_comma');
  });

  it('the renderer formats, fills and reads amount fields in the chosen format; copy and XLSX stay plain', () => {
    try {
      setFormatLanguage('zh');
      setNumberFormat('point_comma');
      expect(numberStyle()).toBe('point_comma');
      expect(formatAmount(-123456, 2)).toBe('-1.234,56');
      expect(money(0, 2, true)).toBe('');
      expect(money(100000, 0)).toBe('100.000');
      expect(amountForInput(123450, 2)).toBe('1234,50');
      expect(amountInput('1.234,50')).toBe('1234.50');
      expect(amountInput(' 12,5 ')).toBe('12.5');
      // Unreadable text goes to main as typed, so main's validation names it.
      expect(amountInput('1,234.50')).toBe('1,234.50');
      expect(parseAmountInput('1.234,567', 2)).toEqual({ ok: false, reason: 'precision' });
      expect(parseAmountInput('-1.234,56', 2)).toEqual({ ok: true, value: -123456 });
      setNumberFormat('apostrophe_point');
      expect(formatAmount(123456789, 2)).toBe("1'234'567.89");
      expect(amountInput("1'234.50")).toBe('1234.50');
      setNumberFormat('space_comma');
      expect(formatAmount(-100, 0)).toBe('-100');
      // TSV copy (and so CSV) and XLSX cells take the money cell's plain value, whatever the format.
      expect(plainText({ t: 'm', v: -123456, digits: 2 })).toBe('-1234.56');
      expect(plainText({ t: 'm', v: 1234567, digits: 0 })).toBe('1234567');
    } finally {
      setNumberFormat('auto');
      setFormatLanguage('en');
    }
    expect(formatAmount(123456, 2)).toBe('1,234.56');
  });
});

describe('the number format and base currency settings', () => {
  it('are kept in the ledger and audited; the base currency is fixed once a document is posted', async () => {
    const ctx = await createContext({ mode: 'web', version: 't', dataDir: tempDir('arw-fmt-') });
    expect(await dispatch(ctx, 'ledger-create', { companyName: 'Fmt Co.', currency: 'CNY' })).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'display-settings-get', {})).toEqual({ ok: true, value: { numberFormat: 'auto', baseCurrency: 'CNY', documents: 0, baseCurrencyLocked: false } });
    expect(await dispatch(ctx, 'number-format-set', { numberFormat: 'point_comma' })).toMatchObject({ ok: true, value: { numberFormat: 'point_comma' } });
    expect(await dispatch(ctx, 'number-format-set', { numberFormat: '1.234,56' })).toMatchObject({ ok: false, error: { field: 'numberFormat' } });
    const row = await ctx.ledger!.db.selectFrom('settings').select('value_json').where('key', '=', 'display.number_format').executeTakeFirstOrThrow();
    expect(JSON.parse(row.value_json)).toBe('point_comma');
    expect((await listAudit(ctx.ledger!.db, 'settings', 'display.number_format')).map((a) => [a.action, a.before_json, a.after_json])).toEqual([['settings.numberFormat', '"auto"', '"point_comma"']]);

    expect(await dispatch(ctx, 'base-currency-set', { currency: 'usd' })).toMatchObject({ ok: false, error: { key: 'error.currency' } });
    expect(await dispatch(ctx, 'base-currency-set', { currency: 'HKD' })).toMatchObject({ ok: true, value: { baseCurrency: 'HKD', baseCurrencyLocked: false } });
    expect(await dispatch(ctx, 'company-get', {})).toMatchObject({ ok: true, value: { baseCurrency: 'HKD' } });
    expect((await listAudit(ctx.ledger!.db, 'company', 1)).at(-1)).toMatchObject({ action: 'company.baseCurrency', before_json: '{"baseCurrency":"CNY"}', after_json: '{"baseCurrency":"HKD"}' });

    await addCustomer(ctx.ledger!, 'A', { currency: 'HKD' });
    await postInvoice(ctx.ledger!.db, { customerId: 1, number: 'I-1', date: '2026-01-05', amount: '100.00' });
    expect(await dispatch(ctx, 'display-settings-get', {})).toMatchObject({ ok: true, value: { numberFormat: 'point_comma', baseCurrency: 'HKD', documents: 1, baseCurrencyLocked: true } });
    const refused = await dispatch(ctx, 'base-currency-set', { currency: 'CNY' });
    expect(refused).toMatchObject({ ok: false, error: { key: 'error.baseCurrencyLocked', params: { count: 1 }, field: 'currency' } });
    expect((await dispatch(ctx, 'company-get', {})) as unknown).toMatchObject({ value: { baseCurrency: 'HKD' } });
    await ctx.ledger!.close();
  });
});
