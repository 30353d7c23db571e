import { describe, expect, it } from 'vitest';
import { amountInWordsZh, integerToCapital } from '../../electron/pdf/words-zh';
import { amountInWordsEn } from '../../electron/pdf/words-en';
import { amountInWords } from '../../electron/pdf/words';

const yuan = (s: string) => {
  const [i, f = ''] = s.split('.');
  return Number(i + f.padEnd(2, '0'));
};

describe('大写金额', () => {
  // Written by hand, as a bookkeeper would write them on a cheque.
  const cases: [string, string][] = [
    ['12345.67', '壹万贰仟叁佰肆拾伍元陆角柒分'],
    ['1005', '壹仟零伍元整'],
    ['100000', '壹拾万元整'],
    ['10', '壹拾元整'],
    ['15', '壹拾伍元整'],
    ['0', '零元整'],
    ['0.05', '伍分'],
    ['0.5', '伍角整'],
    ['1.05', '壹元零伍分'],
    ['1.5', '壹元伍角整'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['10005', '壹万零伍元整'],
    ['100500', '壹拾万零伍佰元整'],
    ['101000', '壹拾万壹仟元整'],
    ['1000000', '壹佰万元整'],
    ['1010101', '壹佰零壹万零壹佰零壹元整'],
    ['100000000', '壹亿元整'],
    ['100000001', '壹亿零壹元整'],
    ['100010000', '壹亿零壹万元整'],
    ['110000000', '壹亿壹仟万元整'],
    ['100001000', '壹亿零壹仟元整'],
    ['30000.09', '叁万元零玖分'],
    ['2000000000', '贰拾亿元整'],
    ['987654321.99', '玖亿捌仟柒佰陆拾伍万肆仟叁佰贰拾壹元玖角玖分'],
  ];
  for (const [figures, words] of cases) {
    it(`${figures} → ${words}`, () => expect(amountInWordsZh(yuan(figures))).toBe(words));
  }
  it('negative amounts and the 人民币 prefix', () => {
    expect(amountInWordsZh(-150, 2, '人民币')).toBe('负人民币壹元伍角整');
    expect(amountInWordsZh(1005_00, 2, '人民币')).toBe('人民币壹仟零伍元整');
  });
  it('currencies without minor units', () => expect(amountInWordsZh(1005, 0)).toBe('壹仟零伍元整'));
  it('never two 零 in a row and never a trailing 零 before 元', () => {
    for (let n = 1n; n < 200_000n; n += 7n) {
      const s = integerToCapital(n * 13n);
      expect(s).not.toMatch(/零零|零[万亿]|零$/);
    }
  });
});

describe('amounts in English words', () => {
  it('cheque style', () => {
    expect(amountInWordsEn(1234_56, 2, 'USD')).toBe('USD One Thousand Two Hundred Thirty-Four and 56/100 Only');
    expect(amountInWordsEn(100_05, 2)).toBe('One Hundred and 05/100 Only');
    expect(amountInWordsEn(0, 2)).toBe('Zero and 00/100 Only');
    expect(amountInWordsEn(1_000_000_00, 2)).toBe('One Million and 00/100 Only');
    expect(amountInWordsEn(1_002_019, 0, 'JPY')).toBe('JPY One Million Two Thousand Nineteen Only');
    expect(amountInWordsEn(-90_00, 2)).toBe('Minus Ninety and 00/100 Only');
  });
  it('CNY papers carry capital numerals; other currencies English words', () => {
    expect(amountInWords(1005_00, 'CNY', 2, 'zh')).toBe('人民币壹仟零伍元整');
    expect(amountInWords(1005_00, 'CNY', 2, 'en')).toBe('人民币壹仟零伍元整 (CNY One Thousand Five and 00/100 Only)');
    expect(amountInWords(1005_00, 'USD', 2, 'zh')).toBe('USD One Thousand Five and 00/100 Only');
  });
});
