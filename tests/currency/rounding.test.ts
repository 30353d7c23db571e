/** Base amounts: amount × rate in exact integers, rounded once, half away from zero (shared/currency.ts). */
import { describe, expect, it } from 'vitest';
import { formatRate, parseRate, toBaseAmount } from '../../shared/currency';

describe('rates as text', () => {
  it('parses decimal text straight to millionths, refusing anything that is not a positive rate with at most 6 decimals', () => {
    expect(parseRate('7.1234')).toBe(7_123_400);
    expect(parseRate(' 7 ')).toBe(7_000_000);
    expect(parseRate('0.048123')).toBe(48_123);
    expect(parseRate('.5')).toBe(500_000);
    expect(parseRate('1.000000')).toBe(1_000_000);
    expect(parseRate('0.0000001')).toBeNull(); // 7 decimals: refused, never rounded
    for (const bad of ['', '0', '0.000000', '-7.1', 'abc', '7,1234', '1e3', '7.1.2', '20000000']) expect(parseRate(bad), bad).toBeNull();
  });

  it('formats without trailing zeros', () => {
    expect(formatRate(7_123_400)).toBe('7.1234');
    expect(formatRate(7_000_000)).toBe('7');
    expect(formatRate(48_123)).toBe('0.048123');
    expect(formatRate(1)).toBe('0.000001');
  });
});

describe('toBaseAmount (hand-computed)', () => {
  it('converts between currencies with the same minor unit', () => {
    // USD 100.00 at 7.1234 = CNY 712.34 exactly.
    expect(toBaseAmount(10_000, 7_123_400, 2, 2)).toBe(71_234);
    // USD 1,234.56 at 7.1 = 8,765.376 → 8,765.38 (0.6 of a fen rounds up).
    expect(toBaseAmount(123_456, 7_100_000, 2, 2)).toBe(876_538);
    // USD 0.07 at 7.1234 = 0.498638 → 0.50 (4.98638 fen).
    expect(toBaseAmount(7, 7_123_400, 2, 2)).toBe(50);
  });

  it('rounds exact halves away from zero, for positive and negative amounts', () => {
    // 0.03 at 0.5 = 0.015 → 0.02; −0.03 → −0.02.
    expect(toBaseAmount(3, 500_000, 2, 2)).toBe(2);
    expect(toBaseAmount(-3, 500_000, 2, 2)).toBe(-2);
    // 0.05 at 0.5 = 0.025 → 0.03 (not 0.02 as banker's rounding would give); −0.05 → −0.03.
    expect(toBaseAmount(5, 500_000, 2, 2)).toBe(3);
    expect(toBaseAmount(-5, 500_000, 2, 2)).toBe(-3);
    // 0.01 at 1.5 = 0.015 → 0.02.
    expect(toBaseAmount(1, 1_500_000, 2, 2)).toBe(2);
    // Just under and just over a half.
    expect(toBaseAmount(1, 1_499_999, 2, 2)).toBe(1);
    expect(toBaseAmount(1, 1_500_001, 2, 2)).toBe(2);
    expect(toBaseAmount(-1, 1_499_999, 2, 2)).toBe(-1);
    expect(toBaseAmount(-1, 1_500_001, 2, 2)).toBe(-2);
    expect(toBaseAmount(0, 7_123_400, 2, 2)).toBe(0);
  });

  it('scales between minor units (JPY has none)', () => {
    // JPY 1,000 at 0.048123 = CNY 48.123 → 48.12.
    expect(toBaseAmount(1_000, 48_123, 0, 2)).toBe(4_812);
    // JPY 1 at 0.045 = CNY 0.045 → 0.05 (a half).
    expect(toBaseAmount(1, 45_000, 0, 2)).toBe(5);
    // Base JPY: CNY 1.50 at 20.5 = JPY 30.75 → 31; CNY −1.50 → −31.
    expect(toBaseAmount(150, 20_500_000, 2, 0)).toBe(31);
    expect(toBaseAmount(-150, 20_500_000, 2, 0)).toBe(-31);
    // Base JPY: CNY 0.05 at 10 = JPY 0.5 → 1 (a half, away from zero).
    expect(toBaseAmount(5, 10_000_000, 2, 0)).toBe(1);
    expect(toBaseAmount(-5, 10_000_000, 2, 0)).toBe(-1);
  });

  it('stays exact beyond what a double multiplies exactly, and refuses what does not fit', () => {
    // 90,071,992,547,409.91 at 1.000001: the product has 22 digits; BigInt keeps it exact.
    expect(toBaseAmount(9_007_199_254_740_991, 1_000_000, 2, 2)).toBe(9_007_199_254_740_991);
    expect(toBaseAmount(1_000_000_000_000, 1_000_001, 2, 2)).toBe(1_000_001_000_000);
    expect(() => toBaseAmount(9_007_199_254_740_991, 2_000_000, 2, 2)).toThrow(RangeError);
    expect(() => toBaseAmount(1.5, 1_000_000, 2, 2)).toThrow(RangeError);
    expect(() => toBaseAmount(1, 0, 2, 2)).toThrow(RangeError);
  });
});
