import { describe, expect, it } from 'vitest';
import { divRoundHalfAway, formatMoney, lineAmount, parseMoney, toDecimalString } from '../../shared/money';
import { addDays, daysBetween, isIsoDate, monthEnd } from '../../shared/dates';
import { bucketOf } from '../../shared/aging';

describe('money', () => {
  it('parses decimal strings straight to minor units', () => {
    expect(parseMoney('1234.50')).toEqual({ ok: true, value: 123450 });
    expect(parseMoney('0.1')).toEqual({ ok: true, value: 10 });
    expect(parseMoney('-3')).toEqual({ ok: true, value: -300 });
    expect(parseMoney('.5')).toEqual({ ok: true, value: 50 });
    expect(parseMoney('1.10', 2)).toEqual({ ok: true, value: 110 });
    expect(parseMoney('1000', 0)).toEqual({ ok: true, value: 1000 });
    // 0.1 + 0.2 style float traps never arise: digits are concatenated, not multiplied.
    expect(parseMoney('19.99')).toEqual({ ok: true, value: 1999 });
    expect(parseMoney('1.005')).toEqual({ ok: false, reason: 'precision' });
    expect(Object.is((parseMoney('-0.00') as { value: number }).value, 0)).toBe(true);
    expect(parseMoney('90071992547409.91')).toEqual({ ok: true, value: 9007199254740991 });
  });
  it('rejects what is not a plain amount', () => {
    for (const bad of ['1,234.00', '1.234,56', '(1,234.00)', '￥1000', 'abc', '1e5', '']) {
      expect(parseMoney(bad).ok).toBe(false);
    }
    expect(parseMoney('99999999999999999999')).toEqual({ ok: false, reason: 'range' });
  });
  it('formats with the currency digits', () => {
    expect(toDecimalString(123450)).toBe('1234.50');
    expect(toDecimalString(-5)).toBe('-0.05');
    expect(toDecimalString(7, 0)).toBe('7');
    expect(formatMoney(123456789)).toBe('1,234,567.89');
    expect(formatMoney(-100)).toBe('-1.00');
  });
  it('rounds half away from zero, exactly', () => {
    expect(divRoundHalfAway(5n, 2n)).toBe(3n);
    expect(divRoundHalfAway(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfAway(4n, 3n)).toBe(1n);
    // 2.5 kg at 3.33 = 8.325 -> 8.33
    expect(lineAmount(2500, 333)).toBe(833);
    // 0.333 units at 1.00 = 0.333 -> 0.33
    expect(lineAmount(333, 100)).toBe(33);
  });
});

describe('dates and buckets', () => {
  it('does calendar arithmetic', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });
  it('puts days overdue in the right bucket', () => {
    expect(bucketOf(-10)).toBe('not_due');
    expect(bucketOf(0)).toBe('not_due');
    expect(bucketOf(1)).toBe('d1_30');
    expect(bucketOf(30)).toBe('d1_30');
    expect(bucketOf(31)).toBe('d31_60');
    expect(bucketOf(90)).toBe('d61_90');
    expect(bucketOf(180)).toBe('d91_180');
    expect(bucketOf(365)).toBe('d181_365');
    expect(bucketOf(366)).toBe('over_365');
  });
});
