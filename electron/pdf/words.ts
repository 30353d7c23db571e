/** The amount in words a paper prints under the figures: 大写 for CNY, English words otherwise. */
import type { Language } from '../../shared/domain';
import { amountInWordsEn } from './words-en';
import { amountInWordsZh } from './words-zh';

export function amountInWords(minor: number, currency: string, digits: number, lang: Language): string {
  if (currency === 'CNY') {
    const zh = amountInWordsZh(minor, digits, '人民币');
    return lang === 'zh' ? zh : `${zh} (${amountInWordsEn(minor, digits, 'CNY')})`;
  }
  return amountInWordsEn(minor, digits, currency);
}
