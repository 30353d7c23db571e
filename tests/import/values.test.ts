import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  detectDecimal,
  excelSerialToIso,
  halfWidth,
  isoToExcelSerial,
  normaliseAmount,
  normaliseCurrency,
  normaliseDate,
  normaliseTerms,
} from '../../electron/import/values';

describe('amounts as people type them', () => {
  it.each([
    ['1234.50', '.', '1234.50'],
    ['1,234.56', '.', '1234.56'],
    ['1.234,56', ',', '1234.56'],
    ['1 234,56', ',', '1234.56'],
    ["1'234.56", '.', '1234.56'],
    ['１２３４．５', '.', '1234.5'],
    ['１，２３４．００', '.', '1234.00'],
    ['￥12,345.60', '.', '12345.60'],
    ['¥ 8', '.', '8'],
    ['$1,250.00', '.', '1250.00'],
    ['RMB 1,000', '.', '1000'],
    ['1000元', '.', '1000'],
    ['(80.00)', '.', '-80.00'],
    ['（80.00）', '.', '-80.00'],
    ['($1,234.50)', '.', '-1234.50'],
    ['1234.50-', '.', '-1234.50'],
    ['−5', '.', '-5'],
    ['.5', '.', '0.5'],
    ['10.000', ',', '10000'],
  ] as const)('%s (decimal %s) → %s', (raw, dec, want) => {
    expect(normaliseAmount(raw, dec)).toBe(want);
  });

  it.each([['abc'], ['1,23.4'], ['12,34'], ['1.2.3'], ['--5'], ['']])('refuses %s', (raw) => {
    expect(normaliseAmount(raw, '.')).toBeNull();
  });

  it('keeps precision errors for the validator (more decimals stay visible)', () => {
    expect(normaliseAmount('12.345', '.')).toBe('12.345');
  });

  it('detects the decimal mark of a column', () => {
    expect(detectDecimal(['1.234,56', '12,5', '7'])).toBe(',');
    expect(detectDecimal(['1,234.56', '12.5'])).toBe('.');
    expect(detectDecimal(['1,234', '5,000'])).toBe('.');
    expect(detectDecimal(['1.234.567'])).toBe(',');
    expect(detectDecimal([])).toBe('.');
  });
});

describe('dates as people type them', () => {
  it.each([
    ['2026-03-01', 'dmy', '2026-03-01'],
    ['2026/3/1', 'dmy', '2026-03-01'],
    ['2026.3.1', 'dmy', '2026-03-01'],
    ['2026-3-1', 'mdy', '2026-03-01'],
    ['2026年3月1日', 'dmy', '2026-03-01'],
    ['２０２６年３月１日', 'dmy', '2026-03-01'],
    ['2026年03月01日 14:30', 'dmy', '2026-03-01'],
    ['01/03/2026', 'dmy', '2026-03-01'],
    ['01/03/2026', 'mdy', '2026-01-03'],
    ['1/3/26', 'dmy', '2026-03-01'],
    ['15.02.2026', 'dmy', '2026-02-15'],
    ['2026/03/01 00:00:00', 'dmy', '2026-03-01'],
    ['2026-03-01T10:00:00', 'dmy', '2026-03-01'],
    ['20260301', 'dmy', '2026-03-01'],
    ['1 Mar 2026', 'dmy', '2026-03-01'],
    ['01-Mar-26', 'dmy', '2026-03-01'],
    ['March 1, 2026', 'mdy', '2026-03-01'],
    ['46082', 'dmy', '2026-03-01'],
    ['46082.75', 'dmy', '2026-03-01'],
  ] as const)('%s (%s) → %s', (raw, order, want) => {
    expect(normaliseDate(raw, order)).toBe(want);
  });

  it.each([['2026-02-30'], ['31/02/2026'], ['someday'], ['13/13/2026'], ['']])('refuses %s', (raw) => {
    expect(normaliseDate(raw, 'dmy')).toBeNull();
  });

  it('reads Excel serials in the 1900 and 1904 systems', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull(); // Excel's fictitious 1900-02-29
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(44196, true)).toBe('2025-01-01');
    expect(excelSerialToIso(0, true)).toBeNull();
    expect(normaliseDate('44196', 'dmy', true)).toBe('2025-01-01');
    for (const d of ['2024-02-29', '2026-12-31', '1999-01-01']) {
      expect(excelSerialToIso(isoToExcelSerial(d))).toBe(d);
      expect(excelSerialToIso(isoToExcelSerial(d, true), true)).toBe(d);
    }
  });

  it('tells day-first from month-first, or says it cannot', () => {
    expect(detectDateOrder(['01/03/2026', '15/03/2026'])).toBe('dmy');
    expect(detectDateOrder(['03/15/2026', '01/03/2026'])).toBe('mdy');
    expect(detectDateOrder(['01/03/2026', '02/03/2026'])).toBe('ambiguous');
    expect(detectDateOrder(['2026-03-01', '2026年3月1日'])).toBeNull();
  });
});

describe('terms, currencies, full-width text', () => {
  it.each([
    ['30', '30'],
    ['30天', '30'],
    ['Net 30', '30'],
    ['N45', '45'],
    ['月结60天', '60'],
    ['３０', '30'],
    ['Due on receipt', '0'],
    ['货到付款', '0'],
  ])('terms %s → %s', (raw, want) => {
    expect(normaliseTerms(raw)).toBe(want);
  });

  it('refuses terms it cannot read', () => {
    expect(normaliseTerms('abc')).toBeNull();
    expect(normaliseTerms('2/10 net 30')).toBeNull();
  });

  it.each([
    ['人民币', 'CNY'],
    ['RMB', 'CNY'],
    ['cny', 'CNY'],
    ['美元', 'USD'],
    ['港币', 'HKD'],
    ['USD - US Dollar', 'USD'],
    ['ＵＳＤ', 'USD'],
    ['', ''],
  ])('currency %s → %s', (raw, want) => {
    expect(normaliseCurrency(raw)).toBe(want);
  });

  it('turns full-width characters into ASCII', () => {
    expect(halfWidth('ＡＢ－１２３　（Ｘ）')).toBe('AB-123 (X)');
  });
});
